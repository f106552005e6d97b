/** @jest-environment node */
import { as, dataRequests, startServer, USERS, type TestServer, servicesFor, dataErrorOf } from './support';
import { provision } from '../../src/data/provisioning';
import { withChannel } from '../../src/data/repositories/units';
import type { IMpkServices, IUnitItem } from '../../src/data/repositories/types';
import { dataErrorText } from '../../src/ui/shell/texts';
import { danish } from '../support/strings';

jest.setTimeout(30_000);

let server: TestServer;
let admin: IMpkServices;
let chef: IMpkServices;
let leder: IMpkServices;
let medarbejder: IMpkServices;
let ownId: number;
let subId: number;
let otherId: number;

const OWN = '19:laering@thread.tacv2';
const OTHER = '19:oekonomi@thread.tacv2';
const NEW = '19:ny-kanal@thread.tacv2';

const services = (email: string): Promise<IMpkServices> => servicesFor(server, email);

async function unit(id: number): Promise<IUnitItem> {
  return admin.units.get(id);
}

beforeAll(async () => {
  server = await startServer();
  await provision(as(server, USERS.admin));
  [admin, chef, leder, medarbejder] = await Promise.all(
    [USERS.admin, USERS.chef, USERS.leder, USERS.medarbejder].map(services),
  );
  await as(server, USERS.admin).web.siteGroups.getByName('Chefgruppe').users.add('i:0#.f|membership|chef@mpk.local');
  const units = await admin.units.list();
  const [first, second] = units.filter((u) => u.parentId === undefined);
  ownId = first.id as number;
  otherId = second.id as number;
  await admin.units.update(first, { ...first, leaderIds: [leder.user.id] });
  subId = (
    await admin.units.create({ clientKey: '', name: 'Skoler', kind: 'department', parentId: ownId, leaderIds: [] })
  ).id as number;
});
afterAll(() => server.close());

beforeEach(async () => {
  // No channel on any of the three units before each test.
  for (const id of [ownId, subId, otherId]) {
    const u = await unit(id);
    if (u.teamsChannelId)
      await admin.units.update(u, {
        ...u,
        teamsChannelId: undefined,
        teamsChannelName: undefined,
        teamsTeamId: undefined,
      });
  }
});

describe('mapping a Teams channel to a unit', () => {
  it('lets a leader map their own unit and a unit below it, reading who they are in one request', async () => {
    await leder.units.list();
    await server.resetRequests();
    const saved = await leder.units.mapChannel(ownId, { channelId: OWN, channelName: 'Ledergruppen' });
    expect(saved.map((u) => [u.id, u.teamsChannelId, u.teamsChannelName])).toEqual([[ownId, OWN, 'Ledergruppen']]);
    const requests = (await dataRequests(server)).map((r) => `${r.method} ${r.path.replace(/^.*\/_api\//, '')}`);
    // The check is one $batch; then the MERGE (and its read back).
    expect(requests[0]).toBe('POST $batch');
    expect(requests.filter((r) => r === 'POST $batch')).toHaveLength(1);
    expect((await medarbejder.units.findByChannel(OWN))?.id).toBe(ownId);

    await leder.units.mapChannel(subId, { channelId: NEW });
    expect((await unit(subId)).teamsChannelId).toBe(NEW);
  });

  it('refuses a leader another unit — nothing is written — but lets the chefgruppe and site owners map any', async () => {
    const refused = await dataErrorOf(leder.units.mapChannel(otherId, { channelId: OWN }));
    expect(refused.kind).toBe('forbidden');
    expect(refused.reason).toBe('unitNotYours');
    expect(dataErrorText(danish, refused)).toMatch(/^Du kan kun knytte kanalen til en enhed, du er leder af/);
    expect((await unit(otherId)).teamsChannelId).toBeUndefined();

    expect((await dataErrorOf(medarbejder.units.mapChannel(ownId, { channelId: OWN }))).kind).toBe('forbidden');
    expect((await unit(ownId)).teamsChannelId).toBeUndefined();

    await chef.units.mapChannel(otherId, { channelId: OTHER });
    expect((await unit(otherId)).teamsChannelId).toBe(OTHER);
    await admin.units.mapChannel(ownId, { channelId: OWN });
    expect((await unit(ownId)).teamsChannelId).toBe(OWN);
  });

  it('takes a unit from another channel only when the person confirmed it, and the other channel loses it', async () => {
    await leder.units.mapChannel(ownId, { channelId: OWN });
    const asked = await dataErrorOf(leder.units.mapChannel(ownId, { channelId: NEW }));
    expect(asked.kind).toBe('conflict');
    expect(asked.reason).toBe('channelTaken');
    expect((await unit(ownId)).teamsChannelId).toBe(OWN);

    await leder.units.mapChannel(ownId, { channelId: NEW }, { takeOver: true });
    expect((await unit(ownId)).teamsChannelId).toBe(NEW);
    expect(await medarbejder.units.findByChannel(OWN)).toBeUndefined();
  });

  it('never lets a leader take a channel away from a unit they do not lead', async () => {
    await chef.units.mapChannel(otherId, { channelId: OTHER });
    const refused = await dataErrorOf(leder.units.mapChannel(ownId, { channelId: OTHER }));
    expect(refused.kind).toBe('forbidden');
    expect(refused.reason).toBe('channelOfOtherUnit');
    expect((await unit(otherId)).teamsChannelId).toBe(OTHER);
    expect((await unit(ownId)).teamsChannelId).toBeUndefined();

    // The chefgruppe may: the unit that had the channel loses it.
    const saved = await chef.units.mapChannel(ownId, { channelId: OTHER });
    expect(saved.map((u) => [u.id, u.teamsChannelId])).toEqual([
      [otherId, undefined],
      [ownId, OTHER],
    ]);
  });

  it('checks the leaders as they are now, not as a view read them earlier', async () => {
    const view = await leder.views.loadPlanView({ unitId: ownId });
    expect(view.actor).toEqual({ userId: leder.user.id, isSiteOwner: false, inChefgruppe: false });
    const own = await unit(ownId);
    await admin.units.update(own, { ...own, leaderIds: [] });
    try {
      expect((await dataErrorOf(leder.units.mapChannel(ownId, { channelId: OWN }))).reason).toBe('unitNotYours');
    } finally {
      const now = await unit(ownId);
      await admin.units.update(now, { ...now, leaderIds: [leder.user.id] });
    }
  });

  it('stores a team id only when it is a Microsoft 365 group id', () => {
    const u: IUnitItem = { id: 3, clientKey: 'c', name: 'Skoler', kind: 'department', leaderIds: [] };
    expect(withChannel(u, { channelId: NEW, channelName: 'Ledelse', teamId: 'preview-team' })).toMatchObject({
      teamsChannelId: NEW,
      teamsChannelName: 'Ledelse',
      teamsTeamId: undefined,
    });
    expect(withChannel(u, { channelId: NEW, teamId: '6f1c1e52-4c2a-4b41-9a57-6d1b1d2f0a11' }).teamsTeamId).toBe(
      '6f1c1e52-4c2a-4b41-9a57-6d1b1d2f0a11',
    );
  });
});
