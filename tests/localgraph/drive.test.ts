/** @jest-environment node */
/**
 * The local Graph's OneDrive app folder (issue 17 contract "Local Graph drive"): the app folder created on first
 * access, its children, a file by name, the 302 to a pre-authenticated download URL, PUT with new eTags/cTags on
 * every write, If-Match / If-None-Match races (412), 413 over 4 MB, 403 for another person's drive, 404 bodies,
 * consent, Graph faults (429), the `drive` hook, persistence across a restart and reset — and PnPjs's graph
 * client driving it through `GraphQueryable` with `graphPut`/`graphGet`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GraphQueryable, graphGet, graphPut, type IGraphQueryable } from '@pnp/graph';
import { body, headers } from '@pnp/queryable';
import { graphUserId } from '../../localgraph';
import { graphDrive, graphRequests, resetGraphRequests, setGraphConsent } from '../../localgraph/client';
import { createLocalGraph } from '../../localsp/client';
import { GRAPH_SCOPES } from '../build/graphScopes';
import type { TestServer } from '../localsp/harness';
import { expectGraphError, resetGraph, startGraphServer, USERS, type GraphReply } from './support';

const APPROOT = 'me/drive/special/approot';
const NOTES = 'egne-noter.json';
const GUID = '[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}';
const ETAG = new RegExp(`^"\\{${GUID}\\},\\d+"$`);
const CTAG = new RegExp(`^"c:\\{${GUID}\\},\\d+"$`);

/** A raw drive call: bytes or text as the body, extra headers, redirects not followed. */
async function drive(
  server: Pick<TestServer, 'url'>,
  p: string,
  init: { as?: string | null; method?: string; body?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<GraphReply & { text: string }> {
  const h: Record<string, string> = { ...(init.headers ?? {}) };
  const as = init.as === undefined ? USERS.medarbejder : init.as;
  if (as) h.Authorization = `Bearer ${as}`;
  const res = await fetch(`${server.url}/graph/v1.0/${p}`, {
    method: init.method ?? (init.body !== undefined ? 'PUT' : 'GET'),
    headers: h,
    body: init.body,
    redirect: 'manual',
  });
  const text = await res.text();
  const json = text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : null;
  return { status: res.status, headers: res.headers, body: json, text };
}

const put = (
  server: TestServer,
  name: string,
  content: string | Buffer,
  h: Record<string, string> = {},
  as: string = USERS.medarbejder,
): Promise<GraphReply & { text: string }> =>
  drive(server, `${APPROOT}:/${encodeURIComponent(name)}:/content`, { body: content, headers: h, as });

describe('the local Graph OneDrive app folder', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startGraphServer();
  });
  afterAll(() => server.close());
  beforeEach(() => resetGraph(server));

  it('creates the app folder on first access and answers the same folder afterwards', async () => {
    const first = await drive(server, APPROOT);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#driveItem',
      id: expect.stringMatching(/^01[A-Z2-7]{32}$/),
      name: 'Mod på kerneopgaven',
      createdDateTime: expect.stringMatching(/Z$/),
      lastModifiedDateTime: expect.stringMatching(/Z$/),
      eTag: expect.stringMatching(ETAG),
      cTag: expect.stringMatching(CTAG),
      size: 0,
      webUrl: expect.stringContaining('/Apps/Mod%20p%C3%A5%20kerneopgaven'),
      createdBy: { user: expect.objectContaining({ email: USERS.medarbejder }) },
      lastModifiedBy: { user: expect.objectContaining({ email: USERS.medarbejder }) },
      parentReference: {
        driveId: expect.stringMatching(/^b!/),
        driveType: 'business',
        id: expect.any(String),
        path: '/drive/root:/Apps',
      },
      fileSystemInfo: expect.any(Object),
      folder: { childCount: 0 },
      specialFolder: { name: 'approot' },
    });
    const again = await drive(server, APPROOT);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.eTag).toBe(first.body.eTag);
    // /users/{own upn} and /users/{own id} are the same drive as /me.
    expect((await drive(server, `users/${USERS.medarbejder}/drive/special/approot`)).body.id).toBe(first.body.id);
    const byId = await drive(server, `users/${graphUserId(USERS.medarbejder)}/drive/special/approot`);
    expect(byId.body.id).toBe(first.body.id);
    // Another person has their own folder.
    expect((await drive(server, APPROOT, { as: USERS.leder })).body.id).not.toBe(first.body.id);
    await expect(graphDrive(server.url, USERS.medarbejder)).resolves.toEqual([]);
  });

  it('PUT creates (201) and replaces (200) a file with a new eTag and cTag on every write', async () => {
    const created = await put(server, NOTES, '{"version":1,"contribution":"første"}');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#driveItem',
      name: NOTES,
      size: Buffer.byteLength('{"version":1,"contribution":"første"}'),
      file: { mimeType: 'application/json' },
      eTag: expect.stringMatching(ETAG),
      cTag: expect.stringMatching(CTAG),
      parentReference: { driveType: 'business', path: '/drive/root:/Apps/Mod på kerneopgaven' },
      '@microsoft.graph.downloadUrl': expect.stringMatching(/\/_local\/graph\/download\/[A-Za-z0-9_-]{43}$/),
    });
    const replaced = await put(server, NOTES, '{"version":1,"contribution":"anden"}');
    expect(replaced.status).toBe(200);
    expect(replaced.body.id).toBe(created.body.id);
    expect(replaced.body.createdDateTime).toBe(created.body.createdDateTime);
    expect(replaced.body.eTag).not.toBe(created.body.eTag);
    expect(replaced.body.cTag).not.toBe(created.body.cTag);
    // Writing the same bytes again is still a write: new tags.
    const same = await put(server, NOTES, '{"version":1,"contribution":"anden"}');
    expect(same.body.eTag).not.toBe(replaced.body.eTag);

    const folder = await drive(server, APPROOT);
    expect(folder.body.folder).toEqual({ childCount: 1 });
    expect(folder.body.size).toBe(replaced.body.size);
    // The name is found without regard to case (OneDrive), and keeps its first spelling.
    const upper = await put(server, 'EGNE-NOTER.JSON', 'x');
    expect({ status: upper.status, name: upper.body.name }).toEqual({ status: 200, name: NOTES });
  });

  it('lists the children with file, size, eTag, cTag and a download URL', async () => {
    await put(server, 'b.txt', 'hej');
    await put(server, NOTES, '{}');
    const list = await drive(server, `${APPROOT}/children`);
    expect(list.status).toBe(200);
    expect(list.body.value.map((i: { name: string }) => i.name)).toEqual(['b.txt', NOTES]);
    expect(list.body.value[0]).toMatchObject({
      name: 'b.txt',
      size: 3,
      file: { mimeType: 'text/plain' },
      eTag: expect.stringMatching(ETAG),
      cTag: expect.stringMatching(CTAG),
      '@microsoft.graph.downloadUrl': expect.stringContaining(`${server.url}/_local/graph/download/`),
    });
    const dl = await fetch(list.body.value[0]['@microsoft.graph.downloadUrl']);
    expect(await dl.text()).toBe('hej');
  });

  it('answers a file by name, and 404 itemNotFound for a missing one (metadata and content)', async () => {
    const created = await put(server, NOTES, '{"a":1}');
    const got = await drive(server, `${APPROOT}:/${NOTES}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id: created.body.id, eTag: created.body.eTag, name: NOTES });
    // The trailing colon form is the same item.
    expect((await drive(server, `${APPROOT}:/${NOTES}:`)).body.id).toBe(created.body.id);

    const missing = await drive(server, `${APPROOT}:/ingen.json`);
    expect(expectGraphError(missing, 404, 'itemNotFound')).toBe('The resource could not be found.');
    const missingContent = await drive(server, `${APPROOT}:/ingen.json:/content`);
    expect(expectGraphError(missingContent, 404, 'itemNotFound')).toBe('The resource could not be found.');
  });

  it('302s the content to a pre-authenticated download URL that needs no sign-in and returns the bytes', async () => {
    const bytes = Buffer.from([0x00, 0xff, 0xfe, 0x41, 0xc3, 0xa6, 0x0a]);
    await put(server, 'blob.bin', bytes);
    await put(server, NOTES, '{"contribution":"æøå"}');

    const redirect = await drive(server, `${APPROOT}:/blob.bin:/content`);
    expect(redirect.status).toBe(302);
    const location = redirect.headers.get('location') ?? '';
    expect(location).toMatch(new RegExp(`^${server.url}/_local/graph/download/[A-Za-z0-9_-]{43}$`));
    const dl = await fetch(location); // no Authorization
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-type')).toBe('application/octet-stream');
    expect(Buffer.from(await dl.arrayBuffer())).toEqual(bytes);

    // fetch follows the 302 by itself, keeping the file's Content-Type.
    const followed = await fetch(`${server.url}/graph/v1.0/${APPROOT}:/${NOTES}:/content`, {
      headers: { Authorization: `Bearer ${USERS.medarbejder}` },
    });
    expect(followed.status).toBe(200);
    expect(followed.headers.get('content-type')).toBe('application/json');
    expect(await followed.json()).toEqual({ contribution: 'æøå' });

    // Each URL is new and unguessable; a made-up one is refused; a deleted file's URL no longer answers.
    const again = (await drive(server, `${APPROOT}:/blob.bin:/content`)).headers.get('location');
    expect(again).not.toBe(location);
    expect((await fetch(`${server.url}/_local/graph/download/${'A'.repeat(43)}`)).status).toBe(401);
    const id = (await drive(server, `${APPROOT}:/blob.bin`)).body.id as string;
    expect((await drive(server, `me/drive/items/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await fetch(location)).status).toBe(401);
  });

  it('honours If-Match: two tabs read the same eTag, the second write gets 412 and changes nothing', async () => {
    const start = await put(server, NOTES, '{"v":"start"}');
    const tabA = start.body.eTag as string;
    const tabB = start.body.eTag as string;
    const a = await put(server, NOTES, '{"v":"A"}', { 'If-Match': tabA });
    expect(a.status).toBe(200);
    const b = await put(server, NOTES, '{"v":"B"}', { 'If-Match': tabB });
    expect(expectGraphError(b, 412, 'resourceModified')).toBe("ETag does not match current item's value");
    const files = await graphDrive(server.url, USERS.medarbejder);
    expect(files).toEqual([{ name: NOTES, size: 9, eTag: a.body.eTag, content: '{"v":"A"}' }]);
    // B reads again and writes with the current eTag — or the cTag, or `*`.
    expect((await put(server, NOTES, '{"v":"B"}', { 'If-Match': a.body.eTag })).status).toBe(200);
    const current = await drive(server, `${APPROOT}:/${NOTES}`);
    expect((await put(server, NOTES, '{"v":"C"}', { 'If-Match': current.body.cTag })).status).toBe(200);
    expect((await put(server, NOTES, '{"v":"D"}', { 'If-Match': '*' })).status).toBe(200);
  });

  it('412 for If-Match on a missing item and If-None-Match: * on an existing one', async () => {
    const missing = await put(server, NOTES, '{}', { 'If-Match': '"{00000000-0000-0000-0000-000000000000},1"' });
    expect(expectGraphError(missing, 412, 'resourceModified')).toBe("ETag does not match current item's value");
    expectGraphError(await put(server, NOTES, '{}', { 'If-Match': '*' }), 412, 'resourceModified');
    await expect(graphDrive(server.url, USERS.medarbejder)).resolves.toEqual([]);

    // If-None-Match: * creates only: the first of two racing creates wins.
    expect((await put(server, NOTES, '{"first":true}', { 'If-None-Match': '*' })).status).toBe(201);
    expectGraphError(await put(server, NOTES, '{"second":true}', { 'If-None-Match': '*' }), 412, 'resourceModified');
    expect((await graphDrive(server.url, USERS.medarbejder))[0].content).toBe('{"first":true}');
  });

  it('GET and DELETE /me/drive/items/{id}; DELETE honours If-Match', async () => {
    const created = await put(server, NOTES, '{"x":1}');
    const id = created.body.id as string;
    const got = await drive(server, `me/drive/items/${id}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id, name: NOTES, eTag: created.body.eTag });
    const folder = await drive(server, APPROOT);
    expect((await drive(server, `me/drive/items/${folder.body.id}`)).body.specialFolder).toEqual({ name: 'approot' });

    await put(server, NOTES, '{"x":2}');
    const stale = await drive(server, `me/drive/items/${id}`, {
      method: 'DELETE',
      headers: { 'If-Match': created.body.eTag },
    });
    expect(expectGraphError(stale, 412, 'resourceModified')).toBe("ETag does not match current item's value");
    const current = (await drive(server, `me/drive/items/${id}`)).body.eTag as string;
    const deleted = await drive(server, `me/drive/items/${id}`, { method: 'DELETE', headers: { 'If-Match': current } });
    expect({ status: deleted.status, text: deleted.text }).toEqual({ status: 204, text: '' });
    expectGraphError(await drive(server, `me/drive/items/${id}`), 404, 'itemNotFound');
    expectGraphError(await drive(server, `me/drive/items/${id}`, { method: 'DELETE' }), 404, 'itemNotFound');
    expectGraphError(await drive(server, `${APPROOT}:/${NOTES}`), 404, 'itemNotFound');
    expect((await drive(server, APPROOT)).body.folder).toEqual({ childCount: 0 });
  });

  it('deleting the app folder empties it and the next access creates a new one; other verbs 405', async () => {
    await put(server, NOTES, '{}');
    const folder = (await drive(server, APPROOT)).body;
    const stale = await drive(server, `me/drive/items/${folder.id}`, {
      method: 'DELETE',
      headers: { 'If-Match': '"{00000000-0000-0000-0000-000000000000},1"' },
    });
    expectGraphError(stale, 412, 'resourceModified');
    expect((await drive(server, `me/drive/items/${folder.id}`, { method: 'DELETE' })).status).toBe(204);
    await expect(graphDrive(server.url, USERS.medarbejder)).resolves.toEqual([]);
    const fresh = (await drive(server, APPROOT)).body;
    expect(fresh.id).not.toBe(folder.id);
    expect(fresh.folder).toEqual({ childCount: 0 });
    expectGraphError(await drive(server, APPROOT, { method: 'POST', body: '{}' }), 405, 'Request_BadRequest');
    expectGraphError(await drive(server, 'me/drive/root:/x.json:/content'), 400, 'BadRequest');
    expectGraphError(await put(server, 'a/b.json', '{}'), 400, 'BadRequest');
  });

  it("refuses another person's drive with 403 accessDenied, and 404 for an unknown user", async () => {
    await put(server, NOTES, '{"privat":"lederens"}', {}, USERS.leder);
    const leder = (await drive(server, `${APPROOT}:/${NOTES}`, { as: USERS.leder })).body;
    for (const who of [USERS.leder, graphUserId(USERS.leder)]) {
      const base = `users/${who}/drive`;
      for (const p of [
        `${base}/special/approot`,
        `${base}/special/approot/children`,
        `${base}/special/approot:/${NOTES}`,
        `${base}/special/approot:/${NOTES}:/content`,
        `${base}/items/${leder.id}`,
      ]) {
        expect(expectGraphError(await drive(server, p, { as: USERS.admin }), 403, 'accessDenied')).toBe(
          'Access denied',
        );
      }
      const write = await drive(server, `${base}/special/approot:/${NOTES}:/content`, { as: USERS.admin, body: '{}' });
      expectGraphError(write, 403, 'accessDenied');
      const del = await drive(server, `${base}/items/${leder.id}`, { as: USERS.admin, method: 'DELETE' });
      expectGraphError(del, 403, 'accessDenied');
    }
    // The item id is not reachable through one's own drive either.
    expectGraphError(await drive(server, `me/drive/items/${leder.id}`, { as: USERS.admin }), 404, 'itemNotFound');
    expectGraphError(await drive(server, 'users/ingen@mpk.local/drive/special/approot'), 404, 'itemNotFound');
    const files = await graphDrive(server.url, USERS.leder);
    expect(files).toEqual([{ name: NOTES, size: leder.size, eTag: leder.eTag, content: '{"privat":"lederens"}' }]);
  });

  it('needs consent: without a Files scope 403 Forbidden; the solution requests Files.ReadWrite.AppFolder', async () => {
    expect(GRAPH_SCOPES).toContain('Files.ReadWrite.AppFolder');
    const consent = (await (await fetch(`${server.url}/_local/graph/consent`)).json()) as { scopes: string[] };
    expect(consent.scopes).toContain('Files.ReadWrite.AppFolder');

    await setGraphConsent(
      server.url,
      GRAPH_SCOPES.filter((s) => s !== 'Files.ReadWrite.AppFolder'),
    );
    for (const reply of [await drive(server, APPROOT), await put(server, NOTES, '{}')]) {
      expect(expectGraphError(reply, 403, 'Forbidden')).toMatch(
        /^Missing scope permissions on the request\. API requires one of 'Files\.ReadWrite\.AppFolder, /,
      );
    }
    // Read-only Files.Read reads but does not write.
    await setGraphConsent(server.url, ['Files.Read']);
    expect((await drive(server, APPROOT)).status).toBe(200);
    expectGraphError(await put(server, NOTES, '{}'), 403, 'Forbidden');
    await setGraphConsent(server.url, ['Files.ReadWrite.AppFolder']);
    expect((await put(server, NOTES, '{}')).status).toBe(201);
  });

  it('413 requestEntityTooLarge over 4 MB; exactly 4 MB is accepted', async () => {
    const tooBig = await put(server, 'stor.bin', Buffer.alloc(4 * 1024 * 1024 + 1, 0x61));
    expect(expectGraphError(tooBig, 413, 'requestEntityTooLarge')).toMatch(/4 MB/);
    await expect(graphDrive(server.url, USERS.medarbejder)).resolves.toEqual([]);
    const max = await put(server, 'stor.bin', Buffer.alloc(4 * 1024 * 1024, 0x61));
    expect({ status: max.status, size: max.body.size }).toEqual({ status: 201, size: 4 * 1024 * 1024 });
  });

  it('Graph faults apply to drive calls: 429 with Retry-After, forced failures, and nothing is written', async () => {
    await server.faults({ graph: { throttleNext: 1, retryAfter: 7 } });
    const throttled = await put(server, NOTES, '{}');
    expectGraphError(throttled, 429, 'TooManyRequests');
    expect(throttled.headers.get('retry-after')).toBe('7');
    await expect(graphDrive(server.url, USERS.medarbejder)).resolves.toEqual([]);
    expect((await put(server, NOTES, '{}')).status).toBe(201);

    await server.faults({ graph: { failNext: 1, failStatus: 503 } });
    expectGraphError(await drive(server, `${APPROOT}:/${NOTES}:/content`), 503, 'InternalServerError');
    expect((await drive(server, `${APPROOT}:/${NOTES}:/content`)).status).toBe(302);
    await server.faults({});
  });

  it('the drive hook lists a person\'s files ("as an administrator with eDiscovery"); 400 for an unknown user', async () => {
    await put(server, NOTES, '{"contribution":"Jeg vil bidrage"}');
    const [file] = await graphDrive(server.url, USERS.medarbejder);
    expect(file).toEqual({
      name: NOTES,
      size: Buffer.byteLength('{"contribution":"Jeg vil bidrage"}'),
      eTag: expect.stringMatching(ETAG),
      content: '{"contribution":"Jeg vil bidrage"}',
    });
    const bad = await fetch(`${server.url}/_local/graph/drive?user=ingen@mpk.local`);
    expect(bad.status).toBe(400);
    // Another origin is refused, as every hook.
    const foreign = await fetch(`${server.url}/_local/graph/drive?user=${USERS.medarbejder}`, {
      headers: { Origin: 'http://evil.example' },
    });
    expect(foreign.status).toBe(403);
  });
});

describe('the app folder in the state file', () => {
  it('survives a restart with the same ids, eTags and bytes, and POST /_local/reset empties it', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mpk-localgraph-drive-'));
    try {
      const first = await startGraphServer({ dataDir });
      const created = await put(first, NOTES, '{"contribution":"gemt"}');
      const folder = await drive(first, APPROOT);
      await first.close({ keepData: true });

      const second = await startGraphServer({ dataDir });
      const got = await drive(second, `${APPROOT}:/${NOTES}`);
      expect(got.body).toMatchObject({ id: created.body.id, eTag: created.body.eTag, cTag: created.body.cTag });
      expect((await drive(second, APPROOT)).body).toMatchObject({ id: folder.body.id, eTag: folder.body.eTag });
      const followed = await fetch(`${second.url}/graph/v1.0/${APPROOT}:/${NOTES}:/content`, {
        headers: { Authorization: `Bearer ${USERS.medarbejder}` },
      });
      expect(await followed.text()).toBe('{"contribution":"gemt"}');
      // The stale eTag still loses after the restart.
      await put(second, NOTES, '{"contribution":"ny"}', { 'If-Match': created.body.eTag });
      expect((await put(second, NOTES, '{}', { 'If-Match': created.body.eTag })).status).toBe(412);

      await second.reset();
      await expect(graphDrive(second.url, USERS.medarbejder)).resolves.toEqual([]);
      expectGraphError(await drive(second, `${APPROOT}:/${NOTES}`), 404, 'itemNotFound');
      expect((await drive(second, APPROOT)).body.id).not.toBe(folder.body.id);
      await second.close({ keepData: true });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('PnPjs graph drives the app folder', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startGraphServer();
  });
  afterAll(() => server.close());
  beforeEach(() => resetGraph(server));

  const file = (email: string): IGraphQueryable =>
    GraphQueryable(createLocalGraph(server.url, email), 'me/drive/special/approot:/x.json:/content');

  it('puts with graphPut, follows the 302 with graphGet and gets the bytes', async () => {
    const notes = { version: 1, contribution: 'Jeg vil bidrage', meaning: 'Mod', ambitionKey: null };
    const item = await graphPut<{ eTag: string; name: string; size: number }>(file(USERS.medarbejder), body(notes));
    expect(item).toMatchObject({
      name: 'x.json',
      size: JSON.stringify(notes).length,
      eTag: expect.stringMatching(ETAG),
    });

    await resetGraphRequests(server.url);
    await expect(graphGet(file(USERS.medarbejder))).resolves.toEqual(notes);
    expect((await graphRequests(server.url)).map((r) => [r.method, r.status])).toEqual([['GET', 302]]);
    await expect(graphDrive(server.url, USERS.medarbejder)).resolves.toEqual([
      { name: 'x.json', size: item.size, eTag: item.eTag, content: JSON.stringify(notes) },
    ]);
  });

  it("surfaces a 412 as an error with status 412 and keeps the other tab's write", async () => {
    const first = await graphPut<{ eTag: string }>(file(USERS.medarbejder), body({ v: 1 }));
    const second = await graphPut<{ eTag: string }>(
      file(USERS.medarbejder),
      body({ v: 2 }, headers({ 'If-Match': first.eTag })),
    );
    expect(second.eTag).not.toBe(first.eTag);
    const stale = graphPut(file(USERS.medarbejder), body({ v: 3 }, headers({ 'If-Match': first.eTag })));
    await expect(stale).rejects.toMatchObject({ status: 412, message: expect.stringContaining('resourceModified') });
    await expect(graphGet(file(USERS.medarbejder))).resolves.toEqual({ v: 2 });
  });

  it("is refused another person's app folder (403)", async () => {
    await graphPut(file(USERS.leder), body({ privat: true }));
    const other = GraphQueryable(
      createLocalGraph(server.url, USERS.admin),
      `users/${USERS.leder}/drive/special/approot:/x.json:/content`,
    );
    await expect(graphGet(other)).rejects.toMatchObject({ status: 403 });
  });
});
