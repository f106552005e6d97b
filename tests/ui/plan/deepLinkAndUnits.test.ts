import { connectTeamsHost, type ITeamsSdk } from '../../../src/teams/teamsHost';
import {
  initiativeIdFromSearch,
  initiativeIdFromTeamsLink,
  parseInitiativeId,
  sharePointInitiativeLink,
  teamsInitiativeLink,
} from '../../../src/ui/plan/deepLink';
import { rememberedUnitId, rememberUnitId } from '../../../src/ui/plan/unitChoice';

describe('deep links to an initiative', () => {
  it('in Teams carry the initiative as sub-entity and the channel, and read back', () => {
    const link = teamsInitiativeLink({ entityId: 'tab 1', initiativeId: 42, channelId: '19:a@thread.tacv2' });
    expect(
      link.startsWith(
        'https://teams.microsoft.com/l/entity/82f2fa80-81e3-49bd-bf82-be796e0da454/tab%201?label=Ambitionsplan&context=',
      ),
    ).toBe(true);
    expect(JSON.parse(new URL(link).searchParams.get('context') as string)).toEqual({
      subEntityId: '42',
      channelId: '19:a@thread.tacv2',
    });
    expect(initiativeIdFromTeamsLink(link)).toBe(42);
    expect(initiativeIdFromTeamsLink('not a url')).toBeUndefined();
  });

  it('on SharePoint replace an earlier mpkInitiative and drop the hash', () => {
    expect(
      sharePointInitiativeLink('https://t.sharepoint.com/sites/mpk/SitePages/Plan.aspx?mpkInitiative=1&x=2#c', 9),
    ).toBe('https://t.sharepoint.com/sites/mpk/SitePages/Plan.aspx?mpkInitiative=9&x=2');
    expect(initiativeIdFromSearch('?x=1&mpkInitiative=17')).toBe(17);
  });

  it('accept only positive whole numbers as ids', () => {
    expect(parseInitiativeId(' 12 ')).toBe(12);
    expect(parseInitiativeId('0')).toBeUndefined();
    expect(parseInitiativeId('12abc')).toBeUndefined();
    expect(parseInitiativeId('')).toBeUndefined();
    expect(parseInitiativeId(3.5)).toBeUndefined();
  });
});

describe('choosing the unit', () => {
  beforeEach(() => window.localStorage.clear());

  it('remembers a unit per host, and per channel in a channel tab', () => {
    rememberUnitId('teams-channel', '19:a@thread.tacv2', 1);
    rememberUnitId('teams-personal', undefined, 3);
    expect(rememberedUnitId('teams-channel', '19:a@thread.tacv2')).toBe(1);
    expect(rememberedUnitId('teams-channel', '19:b@thread.tacv2')).toBeUndefined();
    expect(rememberedUnitId('teams-personal')).toBe(3);
    rememberUnitId('teams-personal', undefined, undefined);
    expect(rememberedUnitId('teams-personal')).toBeUndefined();
  });

  // Storing a channel on a unit (`withChannel`, `UnitRepository.mapChannel`): tests/data/channelMapping.test.ts.
});

describe('the Teams host adapter', () => {
  function sdk(withPages: boolean): { sdk: ITeamsSdk; shared: unknown[] } {
    const shared: unknown[] = [];
    return {
      shared,
      sdk: {
        app: {
          getContext: async () => ({
            app: { theme: 'dark', locale: 'da-dk' },
            page: { id: 'tab-entity', subPageId: '12' },
            channel: { id: '19:a@thread.tacv2', displayName: 'Ledergruppen' },
            team: { groupId: 'g' },
          }),
          registerOnThemeChangeHandler: () => undefined,
        },
        pages: withPages ? { shareDeepLink: (p) => shared.push(p) } : undefined,
      },
    };
  }

  it("passes on the tab entity id and, when the host has it, Teams' own share dialog", async () => {
    const fake = sdk(true);
    const host = await connectTeamsHost(fake.sdk);
    expect(host).toMatchObject({
      theme: 'dark',
      entityId: 'tab-entity',
      subPageId: '12',
      channelId: '19:a@thread.tacv2',
      configuring: false,
    });
    host.shareDeepLink?.('12', 'Trivselsmåling');
    expect(fake.shared).toEqual([{ subPageId: '12', subPageLabel: 'Trivselsmåling' }]);
  });

  it("knows the tab's configuration page by its frame context", async () => {
    const fake = sdk(false);
    const getContext = fake.sdk.app.getContext;
    fake.sdk.app.getContext = async () => ({
      ...(await getContext()),
      page: { id: 'tab-entity', frameContext: 'settings' },
    });
    expect((await connectTeamsHost(fake.sdk)).configuring).toBe(true);
  });

  it('leaves sharing out on hosts without pages.shareDeepLink', async () => {
    const host = await connectTeamsHost(sdk(false).sdk);
    expect(host.shareDeepLink).toBeUndefined();
  });
});
