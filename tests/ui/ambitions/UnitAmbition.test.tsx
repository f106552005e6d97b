import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MODERATION_STATUS } from '../../../src/domain';
import { EMPLOYEE, renderAmbitions, settle, story } from './support';

jest.setTimeout(30_000);

beforeEach(() => window.localStorage.clear());

const PLAN = { id: 31, clientKey: 'plan-31', unitId: 1, period: String(new Date().getFullYear()), status: 'approved' };
const FOCUS = {
  id: 41,
  clientKey: 'focus-41',
  planId: 31,
  unitId: 1,
  ambitionKey: 'viden-og-faglighed',
  relevance: 'high',
  localMeaning: 'Vi deler det, vi lærer, på personalemødet hver måned.',
};
const PAGES = { plan: 'https://holbaek.sharepoint.com/sites/mpk/SitePages/Plan.aspx' };

async function openAmbition(user: ReturnType<typeof userEvent.setup>, title: string): Promise<HTMLElement> {
  const card = screen.getByRole('article', { name: title });
  await act(async () => {
    await user.click(within(card).getByRole('button', { name: 'Se »Vi vil« og hele ambitionen' }));
  });
  await settle();
  return card;
}

describe('"Hos <enhed>" on an opened ambition', () => {
  it("shows what the reader's unit wrote the ambition means and links to its plan, read once when opened", async () => {
    const user = userEvent.setup();
    const { services } = await renderAmbitions(
      {},
      {
        pages: PAGES,
        data: {
          plans: [PLAN] as never,
          planFocuses: [FOCUS] as never,
          // The reader's newest story names their unit.
          stories: [story({ title: 'Min historie', authorId: EMPLOYEE.id, unitId: 1 })],
        },
      },
    );
    expect(services.calls.filter((c) => c === 'views.loadUnitAmbitions')).toHaveLength(0);
    const card = await openAmbition(user, 'Viden og faglighed');

    expect(within(card).getByRole('heading', { level: 4, name: 'Hos Læring og Trivsel' })).toBeInTheDocument();
    expect(within(card).getByText('Vi deler det, vi lærer, på personalemødet hver måned.')).toBeInTheDocument();
    expect(within(card).getByText('Relevans: Høj')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Se planen for Læring og Trivsel' })).toHaveAttribute(
      'href',
      `${PAGES.plan}?mpkUnit=1`,
    );

    // Another ambition the plan says nothing about: an honest line, no second read.
    const other = await openAmbition(user, 'Gode rammer');
    expect(
      within(other).getByText('Læring og Trivsel har ikke skrevet endnu, hvad ambitionen betyder hos jer.'),
    ).toBeInTheDocument();
    expect(services.calls.filter((c) => c === 'views.loadUnitAmbitions')).toHaveLength(1);
  });

  it('says plainly when the unit has no plan', async () => {
    const user = userEvent.setup();
    await renderAmbitions(
      { unitIds: [2] },
      { data: { stories: [story({ title: 'En historie', unitId: 2, moderationStatus: MODERATION_STATUS.approved })] } },
    );
    const card = await openAmbition(user, 'Viden og faglighed');
    expect(within(card).getByText('Aktiv Hele Livet har ingen ambitionsplan endnu.')).toBeInTheDocument();
    expect(within(card).queryByRole('link')).toBeNull();
  });

  it('lets a reader whose unit is not known choose it, and remembers the choice', async () => {
    const user = userEvent.setup();
    await renderAmbitions({}, { pages: PAGES, data: { plans: [PLAN] as never, planFocuses: [FOCUS] as never } });
    const card = await openAmbition(user, 'Viden og faglighed');
    expect(within(card).getByText('Vælg din enhed for at se, hvad den har skrevet om ambitionen.')).toBeInTheDocument();
    await act(async () => {
      await user.selectOptions(within(card).getByRole('combobox', { name: 'Din enhed' }), '1');
    });
    await settle();
    expect(within(card).getByText('Vi deler det, vi lærer, på personalemødet hver måned.')).toBeInTheDocument();
    expect(window.localStorage.getItem('mpk:ambitions:unit')).toBe('1');
  });
});
