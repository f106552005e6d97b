/**
 * Helpers for the local Graph tests: a local SharePoint (which serves the local Graph) with test activity types,
 * a raw Graph call as a person, and the demo team every test registers.
 */
import { registerTeams, type GraphTeamInput } from '../../localgraph/client';
import type { ActivityType } from '../../localgraph';
import { startServer, type TestServer, USERS } from '../localsp/harness';

export { USERS };

/** Activity types as the Teams manifest will declare them (reference §1.6), for tests independent of the file. */
export const TEST_ACTIVITY_TYPES: ActivityType[] = [
  {
    type: 'followUpAssigned',
    description: 'Opfølgningsopgave tildelt',
    templateText: '{actor} har givet dig en opfølgningsopgave: {taskTitle}',
  },
  {
    type: 'storyApproved',
    description: 'Historie godkendt',
    templateText: '{actor} har godkendt din historie {storyTitle}',
  },
];

export const TEAM_ID = '6d706b70-7265-4076-8965-000000000001';
export const CHANNEL_ID = '19:mpk-preview-unit-1@thread.tacv2';
export const OTHER_CHANNEL_ID = '19:mpk-other@thread.tacv2';

/** The leader group of one unit: chef, leder and admin (not medarbejder). */
export const TEAM: GraphTeamInput = {
  id: TEAM_ID,
  displayName: 'Ledergruppen – Læring og Trivsel',
  members: [USERS.chef, USERS.leder, USERS.admin],
  channels: [
    { id: CHANNEL_ID, displayName: 'Ledergruppen – Læring og Trivsel' },
    { id: OTHER_CHANNEL_ID, displayName: 'Andet' },
  ],
};

/** Starts a server with the test activity types and the team registered. */
export async function startGraphServer(options: { dataDir?: string } = {}): Promise<TestServer> {
  const server = await startServer({ graphActivityTypes: TEST_ACTIVITY_TYPES, ...options });
  await registerTeams(server.url, [TEAM]);
  return server;
}

/** A Graph answer as the tests read it. */
export interface GraphReply {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A raw Graph call (`path` after `/graph/v1.0/`) as `as` (null: no Authorization). */
export async function graph(
  server: Pick<TestServer, 'url'>,
  path: string,
  init: { as?: string | null; method?: string; body?: unknown } = {},
): Promise<GraphReply> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const as = init.as === undefined ? USERS.chef : init.as;
  if (as) headers.Authorization = `Bearer ${as}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${server.url}/graph/v1.0/${path}`, {
    method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
    headers,
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

/** Expects Graph's error body with this status and code; returns the message. */
export function expectGraphError(reply: GraphReply, status: number, code: string): string {
  expect({ status: reply.status, code: reply.body?.error?.code }).toEqual({ status, code });
  expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
  expect(reply.body.error.innerError).toEqual({
    date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/),
    'request-id': expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
    'client-request-id': expect.any(String),
  });
  return reply.body.error.message as string;
}

/** A mention of a person in a message body. */
export function mention(id: number, userId: string, displayName: string): Record<string, unknown> {
  return {
    id,
    mentionText: displayName,
    mentioned: { user: { id: userId, displayName, userIdentityType: 'aadUser' } },
  };
}

/** Back to the seed (nothing registered), then the team again. */
export async function resetGraph(server: TestServer): Promise<void> {
  await server.reset();
  await registerTeams(server.url, [TEAM]);
}
