/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
/**
 * The card's wiring, with SPFx's own `AdaptiveCardExtensionTestWrapper` (shipped in
 * `@microsoft/sp-adaptive-card-extension-base/lib-commonjs/test-api`): the real ACE class, card view and quick view
 * through SPFx's lifecycle. The data layer's read is replaced here (it is tested against the local SharePoint in
 * tests/data/myWork.test.ts); Microsoft's unpublished telemetry packages are a falsy stub (reference §3.6).
 */
import type { IMyWorkData } from '../../src/data/notifications/myWork';
import type { IMyWork } from '../../src/domain/myWork';

// SPFx's loader reads these globals; SPFx's telemetry and kill switches are Microsoft-internal packages.
(globalThis as Record<string, unknown>).DEBUG = true;
(globalThis as Record<string, unknown>).DEPRECATED_UNIT_TEST = true;
jest.mock('@ms/sp-telemetry', () => require('../stubs/msInternal.js'));

const loadMyWork = jest.fn<Promise<IMyWorkData>, [unknown, number, Date]>();
jest.mock('../../src/data/notifications/myWork', () => ({
  loadMyWork: (...args: any[]) => loadMyWork(...(args as [unknown, number, Date])),
}));
const spMarker = { sp: 'the SPFI of the card' };
jest.mock('../../src/data/spfx', () => ({ createSpfxSp: () => spMarker }));

const {
  AdaptiveCardExtensionTestWrapper,
} = require('@microsoft/sp-adaptive-card-extension-base/lib-commonjs/test-api');
const { ServiceScope } = require('@microsoft/sp-core-library');
const { PageContext } = require('@microsoft/sp-page-context');
const MineOpgaver = require('../../src/adaptiveCardExtensions/mineOpgaver/MineOpgaverAdaptiveCardExtension').default;
const { QUICK_VIEW_ID } = require('../../src/adaptiveCardExtensions/mineOpgaver/cards');

const work: IMyWork = {
  openTasks: 3,
  overdueTasks: 1,
  silentInitiatives: 1,
  unread: 2,
  items: [
    { kind: 'taskOverdue', title: 'Ret vagtplanen', due: '2026-11-30', target: { type: 'task', id: 11, unitId: 4 } },
    {
      kind: 'checkInDue',
      title: 'Sprogpakken',
      due: '2026-12-01',
      target: { type: 'initiative', id: 5, unitId: 4, planId: 2 },
    },
    { kind: 'task', title: 'Forbered dialogmøde', due: '2026-12-10', target: { type: 'task', id: 12, unitId: 4 } },
  ],
  total: 3,
  complete: true,
};

function scopeFor(userId: number): unknown {
  const scope = ServiceScope.startNewRoot();
  scope.provide(PageContext.serviceKey, {
    legacyPageContext: { userId },
    cultureInfo: { currentUICultureName: 'da-DK' },
    web: { absoluteUrl: 'https://holbaek.sharepoint.com/sites/mod' },
  });
  scope.finish();
  return scope;
}

async function loaded(cache?: unknown): Promise<any> {
  const wrapper = new AdaptiveCardExtensionTestWrapper({ cache }, MineOpgaver, scopeFor(7));
  await wrapper.load();
  return wrapper;
}

beforeEach(() => loadMyWork.mockReset());

describe('the ACE "Mine opgaver" in SPFx\'s test wrapper', () => {
  it("reads the signed-in person's work once, through the data layer with the card's SPFI", async () => {
    loadMyWork.mockResolvedValue({ work, pages: {} });
    await loaded();
    expect(loadMyWork).toHaveBeenCalledTimes(1);
    expect(loadMyWork.mock.calls[0][0]).toBe(spMarker);
    expect(loadMyWork.mock.calls[0][1]).toBe(7);
  });

  it('shows the counts on a medium primary-text card whose one button opens the quick view', async () => {
    loadMyWork.mockResolvedValue({ work, pages: {} });
    const wrapper = await loaded();
    const parameters = wrapper.currentCardView.cardViewParameters;
    expect(parameters.cardBar[0].title).toBe('Mine opgaver');
    expect(parameters.header[0].text).toBe('3 opgaver');
    expect(parameters.body[0].text).toBe('1 over fristen · 1 indsats mangler statusmelding · 2 nye i Nyt til dig');
    expect(parameters.footer).toHaveLength(1);
    expect(parameters.footer[0].action).toEqual({ type: 'QuickView', parameters: { view: QUICK_VIEW_ID } });
    expect(wrapper.currentCardView.onCardSelection).toEqual({ type: 'QuickView', parameters: { view: QUICK_VIEW_ID } });
  });

  it('opens a quick view listing the items, the most pressing first, each with a deep link', async () => {
    loadMyWork.mockResolvedValue({ work, pages: {} });
    const wrapper = await loaded();
    // SPFx 1.23.2's wrapper.openQuickView(id) pushes nothing (reference §3.6): push through the navigator.
    wrapper.adaptiveCardExtension.quickViewNavigator.push(QUICK_VIEW_ID);
    const view = wrapper.currentQuickView;
    expect(view.template.version).toBe('1.5');
    expect(view.data.items.map((i: { title: string }) => i.title)).toEqual([
      'Ret vagtplanen',
      'Sprogpakken',
      'Forbered dialogmøde',
    ]);
    expect(view.data.items[0].detail).toBe('Opgave · over fristen siden 30.11.2026');
    // A dashboard in a browser without the pages setting: the Teams tab opens on the item.
    expect(decodeURIComponent(view.data.items[0].url)).toContain(
      '/opfoelgning?label=Opfølgning&context={"subEntityId":"task-11"}',
    );
  });

  it('says in Danish that the tasks could not be read, with no button, when the read fails', async () => {
    loadMyWork.mockRejectedValue(Object.assign(new Error('Throttled'), { status: 429 }));
    const wrapper = await loaded();
    const parameters = wrapper.currentCardView.cardViewParameters;
    expect(parameters.header[0].text).toBe('Ikke hentet');
    expect(parameters.body[0].text).toBe('Dine opgaver kunne ikke hentes lige nu. Prøv igen om lidt.');
    expect(parameters.footer ?? []).toHaveLength(0);
    expect(wrapper.currentCardView.onCardSelection).toBeUndefined();
  });

  it('keeps its last card in the client cache: on, for a workday, with the figures and links', async () => {
    loadMyWork.mockResolvedValue({
      work,
      pages: { plan: 'https://holbaek.sharepoint.com/sites/mod/SitePages/Plan.aspx' },
    });
    const wrapper = await loaded();
    const ace = wrapper.adaptiveCardExtension;
    expect(ace.getCacheSettings()).toEqual({ isEnabled: true, expiryTimeInSeconds: 8 * 60 * 60 });
    expect(ace.getCachedState(ace.state)).toEqual({
      status: 'ready',
      work,
      pages: { plan: 'https://holbaek.sharepoint.com/sites/mod/SitePages/Plan.aspx' },
    });
  });

  it('shows a cached card at once and brings it up to date behind it; a failed refresh keeps the cached card', async () => {
    let answer: (value: IMyWorkData) => void = () => undefined;
    loadMyWork.mockReturnValue(new Promise<IMyWorkData>((resolve) => (answer = resolve)));
    // SPFx hands onInit the state getCachedState kept when the card was cached; the wrapper passes none, so add it.
    const onInit = MineOpgaver.prototype.onInit;
    const spy = jest.spyOn(MineOpgaver.prototype, 'onInit').mockImplementation(function (this: unknown) {
      return onInit.call(this, { state: { status: 'ready', work }, cardNavigatorState: [] });
    });
    const wrapper = await loaded(); // resolves before the read answers
    spy.mockRestore();
    const ace = wrapper.adaptiveCardExtension;
    expect(wrapper.currentCardView.cardViewParameters.header[0].text).toBe('3 opgaver');
    expect(ace.state.work).toBe(work);
    const fresher: IMyWork = { ...work, openTasks: 2, overdueTasks: 0 };
    answer({ work: fresher, pages: {} });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(wrapper.currentCardView.cardViewParameters.header[0].text).toBe('2 opgaver');
    loadMyWork.mockRejectedValue(new Error('offline'));
    await ace.refresh();
    expect(ace.state).toMatchObject({ status: 'ready', work: fresher });
  });
});
