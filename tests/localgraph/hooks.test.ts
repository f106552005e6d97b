/** @jest-environment node */
/**
 * The local Graph's hooks and state: `/_local/faults` key `graph` (429 with Retry-After, forced failures with
 * Graph's error body) apart from SharePoint's faults, `/_local/graph/*` (consent, teams, installations, inbox,
 * requests) with the same refusal of other origins as the SharePoint hooks, graph.json across a restart, and
 * `POST /_local/reset`.
 */
import * as fs from 'fs';
import { GRAPH_SCOPES } from '../build/graphScopes';
import * as os from 'os';
import * as path from 'path';
import { graphUserId } from '../../localgraph';
import { graphInbox, graphRequests, registerTeams, resetGraphRequests } from '../../localgraph/client';
import { startServer, type TestServer } from '../localsp/harness';
import {
  CHANNEL_ID,
  expectGraphError,
  graph,
  mention,
  resetGraph,
  startGraphServer,
  TEAM,
  TEAM_ID,
  USERS,
} from './support';

const hookPost = (
  server: TestServer,
  name: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> =>
  fetch(`${server.url}/_local/graph/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

const CHANNEL_PATH = `teams/${TEAM_ID}/channels/${encodeURIComponent(CHANNEL_ID)}/messages`;
const mentionLeder = {
  body: {
    body: { contentType: 'html', content: 'Til <at id="0">Lene</at>' },
    mentions: [mention(0, graphUserId(USERS.leder), 'Lene Madsen')],
  },
};

describe('faults of the local Graph', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startGraphServer();
  });
  afterAll(() => server.close());
  beforeEach(() => resetGraph(server));

  it('throttles the next Graph requests with 429 TooManyRequests and Retry-After, not SharePoint', async () => {
    await server.faults({ graph: { throttleNext: 2, retryAfter: 7 } });
    expect((await server.fetch('_api/web')).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const reply = await graph(server, 'me');
      expectGraphError(reply, 429, 'TooManyRequests');
      expect(reply.headers.get('retry-after')).toBe('7');
    }
    expect((await graph(server, 'me')).status).toBe(200);
  });

  it('fails the next Graph requests with the status and code asked for', async () => {
    await server.faults({ graph: { failNext: 1 } });
    expectGraphError(await graph(server, CHANNEL_PATH, mentionLeder), 403, 'Forbidden');
    await server.faults({ graph: { failNext: 1, failStatus: 404 } });
    expectGraphError(await graph(server, 'me'), 404, 'NotFound');
    await server.faults({ graph: { failNext: 1, failStatus: 500 } });
    expectGraphError(await graph(server, 'me'), 500, 'InternalServerError');
    await server.faults({ graph: { failNext: 1, failStatus: 403, failCode: 'AccessDenied' } });
    expectGraphError(await graph(server, 'me'), 403, 'AccessDenied');
    expect((await graph(server, 'me')).status).toBe(200);
    await expect(graphInbox(server.url, USERS.leder)).resolves.toEqual([]);
  });

  it('keeps SharePoint faults to SharePoint', async () => {
    await server.faults({ throttleNext: 1, retryAfter: 0 });
    expect((await graph(server, 'me')).status).toBe(200);
    expect((await server.fetch('_api/web')).status).toBe(429);
  });

  it('shows the graph settings in GET /_local/faults and refuses bad ones', async () => {
    await server.faults({ graph: { throttleRate: 0.5 } });
    const current = (await (await fetch(`${server.url}/_local/faults`)).json()) as Record<string, unknown>;
    expect(current).toMatchObject({
      throttleNext: 0,
      graph: { throttleNext: 0, throttleRate: 0.5, retryAfter: 1, failNext: 0, failStatus: 403, failCode: null },
    });
    for (const bad of [{ explode: 1 }, { failStatus: 302 }, { retryAfter: 3601 }, { failCode: 5 }]) {
      const res = await fetch(`${server.url}/_local/faults`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ graph: bad }),
      });
      expect(res.status).toBe(400);
    }
    await server.faults({});
  });
});

describe('the /_local/graph/ hooks', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startGraphServer();
  });
  afterAll(() => server.close());
  beforeEach(() => resetGraph(server));

  it('reads and replaces the approved scopes, by default those the solution requests', async () => {
    const read = async (): Promise<unknown> => (await fetch(`${server.url}/_local/graph/consent`)).json();
    await expect(read()).resolves.toEqual({
      scopes: [...GRAPH_SCOPES],
    });
    expect((await hookPost(server, 'consent', { scopes: ['Chat.Create'] })).status).toBe(200);
    await expect(read()).resolves.toEqual({ scopes: ['Chat.Create'] });
    expect((await hookPost(server, 'consent', { scopes: 'Chat.Create' })).status).toBe(400);
  });

  it('registers teams by id (upsert) and lists them', async () => {
    await registerTeams(server.url, [{ ...TEAM, displayName: 'Omdøbt', members: [USERS.leder] }]);
    const listed = (await (await fetch(`${server.url}/_local/graph/teams`)).json()) as { teams: unknown[] };
    expect(listed.teams).toEqual([{ ...TEAM, displayName: 'Omdøbt', members: [USERS.leder] }]);
    expectGraphError(await graph(server, CHANNEL_PATH, mentionLeder), 403, 'Forbidden');
  });

  it.each([
    ['a team id that is no GUID', { ...TEAM, id: 'team-1' }],
    ['an unknown member', { ...TEAM, members: ['nobody@mpk.local'] }],
    ['a channel id of another shape', { ...TEAM, channels: [{ id: 'general', displayName: 'x' }] }],
    ['no displayName', { ...TEAM, displayName: '' }],
  ])('refuses %s with 400', async (_label, team) => {
    const res = await hookPost(server, 'teams', { teams: [team] });
    expect(res.status).toBe(400);
    await expect(res.json()).resolves.toEqual({ error: expect.any(String) });
  });

  it('answers the inbox only for a known user', async () => {
    expect((await fetch(`${server.url}/_local/graph/inbox?user=nobody@mpk.local`)).status).toBe(400);
    expect((await fetch(`${server.url}/_local/graph/inbox`)).status).toBe(400);
    expect((await hookPost(server, 'installations', { user: 'nobody@mpk.local', installed: false })).status).toBe(400);
    expect((await hookPost(server, 'installations', { user: USERS.leder, installed: 'no' })).status).toBe(400);
  });

  it('logs Graph requests (not SharePoint ones) until reset', async () => {
    await resetGraphRequests(server.url);
    await server.fetch('_api/web');
    await graph(server, CHANNEL_PATH, mentionLeder);
    await graph(server, 'me', { as: null });
    await expect(graphRequests(server.url)).resolves.toEqual([
      {
        method: 'POST',
        path: `/graph/v1.0/${CHANNEL_PATH}`,
        status: 201,
        user: USERS.chef,
        at: expect.any(String),
        ms: expect.any(Number),
      },
      {
        method: 'GET',
        path: '/graph/v1.0/me',
        status: 401,
        user: null,
        at: expect.any(String),
        ms: expect.any(Number),
      },
    ]);
    const spLog = await server.requests();
    expect(spLog.some((r) => r.path.startsWith('/graph/'))).toBe(false);
    await resetGraphRequests(server.url);
    await expect(graphRequests(server.url)).resolves.toEqual([]);
  });

  it('refuses requests from another origin and POSTs that are not JSON, like the SharePoint hooks', async () => {
    const foreign = await hookPost(server, 'consent', { scopes: [] }, { Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const crossSite = await fetch(`${server.url}/_local/graph/inbox?user=${USERS.leder}`, {
      headers: { 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    const form = await fetch(`${server.url}/_local/graph/consent`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({ scopes: [] }),
    });
    expect(form.status).toBe(415);
    const read = (await (await fetch(`${server.url}/_local/graph/consent`)).json()) as { scopes: string[] };
    expect(read.scopes.length).toBeGreaterThan(0);
  });
});

describe('the state of the local Graph', () => {
  it('survives a restart (graph.json) and goes back to the seed on POST /_local/reset', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mpk-localgraph-'));
    try {
      const first = await startGraphServer({ dataDir });
      await graph(first, CHANNEL_PATH, mentionLeder);
      await hookPost(first, 'installations', { user: USERS.admin, installed: false });
      await hookPost(first, 'consent', { scopes: ['ChannelMessage.Send'] });
      await first.close({ keepData: true });
      expect(fs.readdirSync(dataDir).filter((f) => f.startsWith('graph.json'))).toEqual(['graph.json']);

      const second = await startGraphServer({ dataDir });
      const inbox = await graphInbox(second.url, USERS.leder);
      expect(inbox.map((e) => [e.kind, e.text])).toEqual([['channelMention', 'Til Lene']]);
      expect((await (await fetch(`${second.url}/_local/graph/installations`)).json()) as unknown).toEqual({
        notInstalled: [USERS.admin],
      });
      expect((await graph(second, `users/${USERS.leder}`)).status).toBe(403);

      await second.reset();
      await expect(graphInbox(second.url, USERS.leder)).resolves.toEqual([]);
      expect(((await (await fetch(`${second.url}/_local/graph/teams`)).json()) as { teams: unknown[] }).teams).toEqual(
        [],
      );
      expect((await graph(second, `users/${USERS.leder}`)).status).toBe(200);
      expect((await (await fetch(`${second.url}/_local/graph/installations`)).json()) as unknown).toEqual({
        notInstalled: [],
      });
      await second.close({ keepData: true });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('registers again on reset what a seed function registers', async () => {
    const server = await startServer({ seed: async (site) => void (await registerTeams(site.url, [TEAM])) });
    try {
      await registerTeams(server.url, [{ ...TEAM, id: '6d706b70-7265-4076-8965-0000000000ff' }]);
      await server.reset();
      const listed = (await (await fetch(`${server.url}/_local/graph/teams`)).json()) as { teams: { id: string }[] };
      expect(listed.teams.map((t) => t.id)).toEqual([TEAM_ID]);
    } finally {
      await server.close();
    }
  });
});
