import { connectTeamsHost, type ITeamsContextLike, type ITeamsSdk } from '../../src/teams/teamsHost';
import { themeKindFromTeams } from '../../src/ui/shell/theme';

/** A stand-in for the teams-js SDK SPFx hands over: a context, and theme changes on demand. */
function fakeSdk(context: ITeamsContextLike): { sdk: ITeamsSdk; switchTheme: (theme: string) => void } {
  const handlers: Array<(theme: string) => void> = [];
  return {
    sdk: {
      app: {
        getContext: async () => context,
        registerOnThemeChangeHandler: (handler) => handlers.push(handler),
      },
    },
    switchTheme: (theme) => handlers.forEach((handler) => handler(theme)),
  };
}

describe('the Teams adapter hands over what Teams says, in Teams terms', () => {
  it("passes on Teams' own theme name and locale, first and on every switch", async () => {
    const fake = fakeSdk({ app: { theme: 'default', locale: 'en-gb' }, page: { id: 'tab' } });
    const host = await connectTeamsHost(fake.sdk);
    expect(host).toMatchObject({ theme: 'default', locale: 'en-gb', entityId: 'tab', configuring: false });
    expect(host.channelId).toBeUndefined();
    const seen: string[] = [];
    host.onThemeChange((theme) => seen.push(theme));
    fake.switchTheme('contrast');
    fake.switchTheme('dark');
    expect(seen).toEqual(['contrast', 'dark']);
  });

  it('reads the channel and team of a channel tab', async () => {
    const host = await connectTeamsHost(
      fakeSdk({ app: {}, channel: { id: '19:x@thread.tacv2', displayName: 'Ledergruppen' }, team: { groupId: 'g' } })
        .sdk,
    );
    expect(host).toMatchObject({ theme: undefined, channelId: '19:x@thread.tacv2', channelName: 'Ledergruppen', teamId: 'g' });
  });
});

describe("the UI maps Teams' theme names to its looks", () => {
  it('knows default, dark and contrast, and falls back to light', () => {
    expect(themeKindFromTeams('default')).toBe('light');
    expect(themeKindFromTeams('dark')).toBe('dark');
    expect(themeKindFromTeams('contrast')).toBe('contrast');
    expect(themeKindFromTeams('something-new')).toBe('light');
    expect(themeKindFromTeams(undefined)).toBe('light');
  });
});
