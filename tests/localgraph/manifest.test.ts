/** @jest-environment node */
/**
 * The local Graph reads the activity types from the Teams manifest at start (`graphManifestPath`, default
 * `teamsapp/appPackage/manifest.json`): a manifest without `activities` declares none, so only `systemDefault`
 * is accepted; a declared type is accepted with its template parameters.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { graphInbox } from '../../localgraph/client';
import { startServer, type TestServer } from '../localsp/harness';
import { expectGraphError, graph, USERS } from './support';

const LINK = 'https://teams.microsoft.com/l/entity/82f2fa80-81e3-49bd-bf82-be796e0da454/opfoelgning';

function notification(activityType: string, params: Record<string, string>): Record<string, unknown> {
  return {
    topic: { source: 'text', value: 'Mod på kerneopgaven', webUrl: LINK },
    activityType,
    templateParameters: Object.entries(params).map(([name, value]) => ({ name, value })),
  };
}

describe('activity types from the Teams manifest', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mpk-manifest-'));
  const manifest = JSON.parse(
    fs.readFileSync(path.resolve(__dirname, '../../teamsapp/appPackage/manifest.json'), 'utf8'),
  );
  const write = (name: string, value: unknown): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(value));
    return file;
  };
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const toLeder = `users/${USERS.leder}/teamwork/sendActivityNotification`;

  it('declares no types when the manifest has no activities: only systemDefault goes through', async () => {
    const bare = { ...(manifest as Record<string, unknown>) };
    delete bare.activities;
    server = await startServer({ graphManifestPath: write('bare.json', bare) });
    const custom = await graph(server, toLeder, { body: notification('dialogReply', { initiativeTitle: 'x' }) });
    expectGraphError(custom, 400, 'BadRequest');
    const plain = await graph(server, toLeder, { body: notification('systemDefault', { systemDefaultText: 'Hej' }) });
    expect(plain.status).toBe(204);
  });

  it('accepts a type the manifest declares and renders its template', async () => {
    const activities = {
      activityTypes: [
        {
          type: 'dialogReply',
          description: 'Nyt svar i dialog',
          templateText: '{actor} har svaret i dialogen om {initiativeTitle}',
        },
      ],
    };
    server = await startServer({ graphManifestPath: write('with.json', { ...manifest, activities }) });
    const reply = await graph(server, toLeder, { body: notification('dialogReply', { initiativeTitle: 'Trivsel' }) });
    expect(reply.status).toBe(204);
    const [entry] = await graphInbox(server.url, USERS.leder);
    expect(entry.text).toBe('Christian Holm har svaret i dialogen om Trivsel');
    expectGraphError(await graph(server, toLeder, { body: notification('dialogReply', {}) }), 400, 'BadRequest');
  });
});
