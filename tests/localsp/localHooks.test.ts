/** @jest-environment node */
/**
 * The `/_local/` test hooks need no sign-in, so they must not be reachable from a web page the developer
 * visits (issue 21 item 8): POSTs must be `application/json` (a cross-site form cannot send that, a cross-site
 * script cannot without a CORS preflight this server never answers) and requests from another origin are refused.
 */
import { spFor, startServer, TestServer, USERS } from './harness';

describe('/_local/ hooks refuse what a foreign web page could send', () => {
  let server: TestServer;
  const hook = (path: string, init: RequestInit = {}): Promise<Response> => fetch(`${server.url}/_local/${path}`, init);
  const userCount = async (): Promise<number> => (await spFor(USERS.admin).web.siteUsers.select('Id')()).length;

  beforeAll(async () => {
    server = await startServer();
    await spFor(USERS.admin).web.lists.ensure('Kept');
  });
  afterAll(async () => {
    await server.close();
  });

  it.each([
    ['text/plain (what a cross-site form or a no-cors fetch sends)', { 'Content-Type': 'text/plain' }],
    ['a form encoding', { 'Content-Type': 'application/x-www-form-urlencoded' }],
    ['a string body without a Content-Type (fetch then sends text/plain)', {}],
  ])('answers a POST with %s with 415 and does nothing', async (_label, headers) => {
    const before = await userCount();
    const res = await hook('users', {
      method: 'POST',
      headers,
      body: JSON.stringify({ email: 'evil@mpk.local', title: 'Evil' }),
    });
    expect(res.status).toBe(415);
    await expect(res.json()).resolves.toEqual({
      error: '/_local/ POSTs must be sent as Content-Type: application/json',
    });
    expect(await userCount()).toBe(before);
  });

  it('answers a request from another origin with 403 and does nothing, also when it is JSON', async () => {
    const res = await hook('reset', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://evil.example' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    await expect(res.json()).resolves.toEqual({ error: '/_local/ refuses requests from http://evil.example' });
    await expect(spFor(USERS.admin).web.lists.getByTitle('Kept').select('Title')()).resolves.toMatchObject({
      Title: 'Kept',
    });
    const read = await hook('requests', { headers: { Origin: 'null' } });
    expect(read.status).toBe(403);
  });

  it.each(['cross-site', 'same-site'])('answers Sec-Fetch-Site: %s with 403', async (site) => {
    const res = await hook('faults', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': site },
      body: JSON.stringify({ throttleNext: 5 }),
    });
    expect(res.status).toBe(403);
    await expect(hook('faults').then((r) => r.json())).resolves.toMatchObject({ throttleNext: 0 });
  });

  it('accepts same-origin JSON (the preview page) and requests without Origin (tests, scripts)', async () => {
    const sameOrigin = await hook('users', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        Origin: server.url,
        'Sec-Fetch-Site': 'same-origin',
      },
      body: JSON.stringify({ email: 'ny@mpk.local', title: 'Ny Person' }),
    });
    expect(sameOrigin.status).toBe(200);
    await expect(sameOrigin.json()).resolves.toEqual([
      expect.objectContaining({ Email: 'ny@mpk.local', Title: 'Ny Person' }),
    ]);
    const plain = await hook('requests/reset', { method: 'POST', headers: { 'Content-Type': 'application/json' } });
    expect(plain.status).toBe(200);
    await expect(hook('health').then((r) => r.json())).resolves.toEqual({ ok: true });
  });
});
