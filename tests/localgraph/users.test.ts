/** @jest-environment node */
/**
 * The directory of the local Graph: `GET /me` and `GET /users/{id|upn}` over the local SharePoint's users,
 * sign-in by `Authorization: Bearer <email>`, deterministic Entra ids, `$select`, and Graph's error bodies.
 */
import { graphUserId } from '../../localgraph';
import { setGraphConsent } from '../../localgraph/client';
import type { TestServer } from '../localsp/harness';
import { expectGraphError, graph, startGraphServer, USERS } from './support';

const GUID5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the local Graph directory', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startGraphServer();
  });
  afterAll(() => server.close());
  afterEach(() => server.reset());

  it('gives every e-mail a stable v5-shaped Entra id, case ignored', () => {
    const id = graphUserId('leder@mpk.local');
    expect(id).toMatch(GUID5);
    expect(graphUserId('LEDER@mpk.local')).toBe(id);
    expect(graphUserId('chef@mpk.local')).not.toBe(id);
  });

  it('answers /me with the signed-in user as a Graph user entity', async () => {
    const me = await graph(server, 'me', { as: USERS.leder });
    expect(me.status).toBe(200);
    expect(me.headers.get('content-type')).toMatch(/^application\/json/);
    expect(me.body).toEqual({
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users/$entity',
      id: graphUserId(USERS.leder),
      displayName: 'Lene Madsen',
      givenName: 'Lene',
      surname: 'Madsen',
      mail: USERS.leder,
      userPrincipalName: USERS.leder,
      jobTitle: 'Områdeleder',
      department: 'Læring og Trivsel',
      businessPhones: [],
      mobilePhone: null,
      officeLocation: null,
      preferredLanguage: 'da-DK',
    });
  });

  it('finds a user by UPN or by id, narrowed by $select', async () => {
    const select = '$select=id,displayName,mail,userPrincipalName';
    const byUpn = await graph(server, `users/${USERS.leder}?${select}`);
    expect(byUpn.body).toEqual({
      '@odata.context':
        'https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,mail,userPrincipalName)/$entity',
      id: graphUserId(USERS.leder),
      displayName: 'Lene Madsen',
      mail: USERS.leder,
      userPrincipalName: USERS.leder,
    });
    const byId = await graph(server, `users/${graphUserId(USERS.leder)}?${select}`);
    expect(byId.body).toEqual(byUpn.body);
  });

  it('knows people added through /_local/users', async () => {
    await server.addUsers([{ email: 'ny@mpk.local', title: 'Ny Person' }]);
    const reply = await graph(server, `users/${graphUserId('ny@mpk.local')}`);
    expect(reply.body).toMatchObject({ displayName: 'Ny Person', mail: 'ny@mpk.local' });
    await expect(graph(server, 'me', { as: 'ny@mpk.local' })).resolves.toMatchObject({ status: 200 });
  });

  it('answers an unknown user with 404 Request_ResourceNotFound', async () => {
    const reply = await graph(server, 'users/nobody@mpk.local');
    expect(expectGraphError(reply, 404, 'Request_ResourceNotFound')).toBe(
      "Resource 'nobody@mpk.local' does not exist or one of its queried reference-property objects are not present.",
    );
  });

  it('refuses a missing or unknown bearer with 401 InvalidAuthenticationToken', async () => {
    expect(expectGraphError(await graph(server, 'me', { as: null }), 401, 'InvalidAuthenticationToken')).toBe(
      'Access token is empty.',
    );
    expectGraphError(await graph(server, 'me', { as: 'stranger@example.com' }), 401, 'InvalidAuthenticationToken');
  });

  it('needs User.ReadBasic.All for /users but not for /me', async () => {
    await setGraphConsent(server.url, ['ChannelMessage.Send']);
    const reply = await graph(server, `users/${USERS.leder}`);
    expect(expectGraphError(reply, 403, 'Forbidden')).toBe(
      "Missing scope permissions on the request. API requires one of 'User.ReadBasic.All, User.Read.All, " +
        "User.ReadWrite.All, Directory.Read.All'. Scopes on the request 'ChannelMessage.Send'",
    );
    await expect(graph(server, 'me')).resolves.toMatchObject({ status: 200 });
  });

  it('answers an unknown resource with 400 and a wrong verb with 405', async () => {
    expect(expectGraphError(await graph(server, 'sites/root'), 400, 'BadRequest')).toBe(
      "Resource not found for the segment 'sites'.",
    );
    expect((await graph(server, 'me', { method: 'DELETE' })).status).toBe(405);
  });

  it('echoes client-request-id and sends a request-id', async () => {
    const res = await fetch(`${server.url}/graph/v1.0/me`, {
      headers: { Authorization: `Bearer ${USERS.chef}`, 'client-request-id': 'abc-123' },
    });
    expect(res.headers.get('client-request-id')).toBe('abc-123');
    expect(res.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const failed = await fetch(`${server.url}/graph/v1.0/users/nobody@mpk.local`, {
      headers: { Authorization: `Bearer ${USERS.chef}`, 'client-request-id': 'def-456' },
    });
    const { error } = (await failed.json()) as { error: { innerError: Record<string, string> } };
    expect(error.innerError['request-id']).toBe(failed.headers.get('request-id'));
    expect(error.innerError['client-request-id']).toBe('def-456');
  });
});
