/** @jest-environment node */
/**
 * The preview's demo teams: every unit gets a channel and a team id (`previewTeamId`), and the local Graph has
 * one team per unit — "Ledergruppen – <unit>", the unit's channel, its leaders plus the chef and the admin — so a
 * channel mention from the preview reaches the leader; the fake Teams context reports that team as `team.groupId`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { TeamRecord } from '../../localgraph/client';
import { createLocalServices } from '../../localsp/client';
import type { LocalSharePoint } from '../../localsp/server';
import { createFakeTeams } from '../../preview/fakeTeams';
import { previewChannelId, previewTeamId } from '../../preview/pageContext';
import { startPreviewServer } from '../../preview/server';

describe('the preview demo teams', () => {
  let server: LocalSharePoint;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mpk-preview-teams-'));
    server = await startPreviewServer({ port: 0, dataDir, seed: 'demo', quiet: true, skipBuild: true });
  }, 120000);
  afterAll(async () => {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('maps every unit to its channel and team, and registers that team in the local Graph', async () => {
    const units = await (await createLocalServices(server.siteUrl, 'admin@mpk.local')).units.list();
    const { teams } = (await (await fetch(`${server.url}/_local/graph/teams`)).json()) as { teams: TeamRecord[] };
    expect(teams).toHaveLength(units.length);
    for (const unit of units) {
      expect(unit.teamsTeamId).toBe(previewTeamId(unit.id));
      // The demo seed maps Læring og Trivsel to its own channel; the preview maps every other unit.
      expect([previewChannelId(unit.id), '19:laering-ledergruppe@thread.tacv2']).toContain(unit.teamsChannelId);
      const team = teams.find((t) => t.id === unit.teamsTeamId) as TeamRecord;
      expect(team.displayName).toBe(`Ledergruppen – ${unit.name}`);
      expect(team.channels.map((c) => c.id)).toEqual([unit.teamsChannelId]);
      expect(team.members).toEqual(expect.arrayContaining(['chef@mpk.local', 'admin@mpk.local']));
    }
    const laering = units.find((u) => u.leaderIds.length > 0);
    expect(teams.find((t) => t.id === laering?.teamsTeamId)?.members).toContain('leder@mpk.local');
  });

  it('registers the teams at start when the data folder predates the local Graph', async () => {
    await server.close();
    fs.rmSync(path.join(dataDir, 'graph.json'));
    server = await startPreviewServer({ port: 0, dataDir, seed: 'demo', quiet: true, skipBuild: true });
    const units = await (await createLocalServices(server.siteUrl, 'admin@mpk.local')).units.list();
    const { teams } = (await (await fetch(`${server.url}/_local/graph/teams`)).json()) as { teams: TeamRecord[] };
    expect(teams.map((t) => t.id).sort()).toEqual(units.map((u) => u.teamsTeamId).sort());
  }, 60000);

  it('reports the unit team as team.groupId in the fake Teams context', async () => {
    const teams = createFakeTeams({
      theme: 'light',
      locale: 'da-DK',
      channel: { id: previewChannelId(3), displayName: 'Ledergruppen' },
      team: { groupId: previewTeamId(3), displayName: 'Ledergruppen' },
    });
    const context = await teams.sdk.app.getContext();
    expect(context.team?.groupId).toBe('6d706b70-7265-4076-8965-000000000003');
  });
});
