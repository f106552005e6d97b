/**
 * The card's builders as pure functions: the card view's texts and button, the quick view's data and template —
 * expanded as the host expands it and checked against the Adaptive Cards version the template declares.
 */
import { cardDanish, cardEnglish } from '../support/strings';
import {
  ADAPTIVE_CARD_VERSION,
  cardHostOf,
  cardTexts,
  cardViewConfiguration,
  linkOf,
  QUICK_VIEW_ID,
  quickViewData,
  quickViewTemplate,
  type ICardContext,
  type IMineOpgaverState,
} from '../../src/adaptiveCardExtensions/mineOpgaver/cards';
import { myWorkOf, type IMyTask } from '../../src/domain/myWork';
import { cardProblems, expandCard, type CardJson } from '../../preview/adaptiveCards';

const danish: ICardContext = { strings: cardDanish, locale: 'da-DK', host: 'browser' };
const english: ICardContext = { strings: cardEnglish, locale: 'en-US', host: 'browser' };
const inTeams: ICardContext = { ...danish, host: 'teams' };

const today = '2026-12-03';
const task = (id: number, title: string, dueDate?: string): IMyTask => ({
  id,
  title,
  unitId: 4,
  dueDate,
  status: 'open',
});
const busy: IMineOpgaverState = {
  status: 'ready',
  work: myWorkOf(
    [
      task(11, 'Ret vagtplanen', '2026-11-30'),
      task(12, 'Forbered dialogmøde', '2026-12-10'),
      task(13, 'Læs rapporten'),
    ],
    [
      {
        id: 5,
        title: 'Sprogpakken',
        unitId: 4,
        planId: 2,
        status: 'inProgress',
        lastCheckIn: '2026-11-01',
        created: '2026-09-01',
      },
    ],
    today,
    { unread: 2 },
  ),
  pages: {},
};
const calm: IMineOpgaverState = {
  status: 'ready',
  work: myWorkOf(
    [task(12, 'Forbered dialogmøde', '2026-12-10')],
    [
      {
        id: 6,
        title: 'Læseløft',
        unitId: 4,
        planId: 2,
        status: 'inProgress',
        lastCheckIn: '2026-11-30',
        created: '2026-09-01',
      },
    ],
    today,
  ),
};
const clear: IMineOpgaverState = { status: 'ready', work: myWorkOf([], [], today), pages: {} };

function expanded(state: IMineOpgaverState, context: ICardContext = danish): CardJson {
  return expandCard(quickViewTemplate(), quickViewData(state, context));
}

function texts(card: unknown): string[] {
  const out: string[] = [];
  JSON.stringify(card, (key, value: unknown) => {
    if (key === 'text' && typeof value === 'string') out.push(value);
    return value;
  });
  return out;
}

describe('the card view', () => {
  it('leads with the open tasks and says what is over the deadline, silent and unread', () => {
    expect(cardTexts(busy, danish)).toEqual({
      header: '3 opgaver',
      body: '1 over fristen · 1 indsats mangler statusmelding · 2 nye i Nyt til dig',
    });
    expect(cardTexts(busy, english)).toEqual({
      header: '3 tasks',
      body: '1 past the deadline · 1 initiative needs a status update · 2 new in New for you',
    });
  });

  it('names the next statusmelding when none is late, with a Danish day', () => {
    expect(cardTexts(calm, danish)).toEqual({
      header: '1 opgave',
      body: 'Ingen over fristen · næste statusmelding mon. 14. dec.'.replace('mon.', 'man.'),
    });
  });

  it('says something useful when nothing is waiting, and while loading or after a failure', () => {
    expect(cardTexts(clear, danish)).toEqual({ header: 'Ingen opgaver', body: 'Intet venter på dig lige nu.' });
    expect(cardTexts({ status: 'loading' }, danish)).toEqual({ header: '…', body: 'Henter dine opgaver …' });
    expect(cardTexts({ status: 'failed' }, danish).body).toBe(
      'Dine opgaver kunne ikke hentes lige nu. Prøv igen om lidt.',
    );
  });

  it('marks figures that are a lower bound (a read came back full)', () => {
    const many: IMineOpgaverState = {
      status: 'ready',
      work: { ...busy.work!, openTasks: 100, silentInitiatives: 2, complete: false },
    };
    expect(cardTexts(many, danish)).toEqual({
      header: '100 opgaver+',
      body: '1 over fristen · mindst 2 indsatser mangler statusmelding · 2 nye i Nyt til dig',
    });
  });

  it('has one button, opening the quick view, once there is something to show', () => {
    const configuration = cardViewConfiguration(busy, danish);
    expect(configuration.cardBar).toEqual({ componentName: 'cardBar', title: 'Mine opgaver' });
    expect(configuration.footer).toEqual({
      componentName: 'cardButton',
      title: 'Se hvad der venter',
      action: { type: 'QuickView', parameters: { view: QUICK_VIEW_ID } },
    });
    expect(cardViewConfiguration({ status: 'loading' }, danish).footer).toBeUndefined();
  });

  it('keeps the header within what a medium card shows (12 characters)', () => {
    for (const state of [busy, calm, clear, { status: 'loading' as const }, { status: 'failed' as const }]) {
      for (const context of [danish, english]) expect(cardTexts(state, context).header.length).toBeLessThanOrEqual(13);
    }
  });
});

describe('the quick view', () => {
  it(`declares Adaptive Cards ${ADAPTIVE_CARD_VERSION} and is valid against it once expanded, in every state and language`, () => {
    for (const state of [busy, calm, clear]) {
      for (const context of [danish, english, inTeams]) {
        const card = expanded(state, context);
        expect(card.version).toBe('1.5');
        expect(cardProblems(card)).toEqual([]);
      }
    }
  });

  it('the check catches what a host would reject: an unknown element, a newer property, a misspelt one', () => {
    const card = expanded(busy);
    const body = card.body as CardJson[];
    expect(cardProblems({ ...card, body: [...body, { type: 'Chart.Pie' }] })).toEqual([
      expect.stringContaining('Unknown element type "Chart.Pie"'),
    ]);
    expect(cardProblems({ ...card, version: '1.2' })).toEqual([
      expect.stringContaining('"style" is supported in version 1.5'),
    ]);
    expect(cardProblems({ ...card, body: [{ type: 'TextBlock', text: 'x', wrapp: true }] })).toEqual([
      'card.body[0]: "wrapp" is not a property of TextBlock',
    ]);
  });

  it('lists the items, the most pressing first, each opening the item; over the deadline in the attention colour', () => {
    const data = quickViewData(busy, danish);
    expect(data.items.map((i) => [i.title, i.detail, i.color])).toEqual([
      ['Sprogpakken', 'Indsats · statusmelding ventet siden 15.11.2026', 'Attention'],
      ['Ret vagtplanen', 'Opgave · over fristen siden 30.11.2026', 'Attention'],
      ['Forbered dialogmøde', 'Opgave · frist 10.12.2026', 'Default'],
      ['Læs rapporten', 'Opgave · ingen frist', 'Default'],
    ]);
    const card = expanded(busy);
    expect(texts(card)).toEqual(
      expect.arrayContaining(['Det venter på dig', 'Sprogpakken', 'Opgave · over fristen siden 30.11.2026']),
    );
    const containers = (card.body as CardJson[]).filter((e) => e.type === 'Container');
    expect(containers).toHaveLength(4);
    expect((containers[1].selectAction as CardJson).url).toBe(data.items[1].url);
  });

  it("opens items in the app's Teams tabs inside Teams, and on the site's pages in a browser when the site names them", () => {
    const pages = {
      plan: 'https://holbaek.sharepoint.com/sites/mod/SitePages/Plan.aspx',
      followUp: 'https://holbaek.sharepoint.com/sites/mod/SitePages/Opf%C3%B8lgning.aspx',
    };
    const taskTarget = { type: 'task' as const, id: 11, unitId: 4 };
    const initiativeTarget = { type: 'initiative' as const, id: 5, unitId: 4, planId: 2 };
    expect(linkOf(taskTarget, danish, pages)).toBe(`${pages.followUp}?mpkTask=11`);
    expect(linkOf(initiativeTarget, danish, pages)).toBe(`${pages.plan}?mpkInitiative=5&mpkUnit=4`);
    const inTeamsLink = decodeURIComponent(linkOf(initiativeTarget, inTeams, pages));
    expect(inTeamsLink).toMatch(
      /^https:\/\/teams\.microsoft\.com\/l\/entity\/[0-9a-f-]+\/ambitionsplan\?label=Ambitionsplan&context=\{"subEntityId":"5"\}$/,
    );
    // No page named: Teams in the browser too.
    expect(linkOf(taskTarget, danish, {})).toContain('https://teams.microsoft.com/l/entity/');
  });

  it('says what to do next when nothing is waiting, and points to Opfølgning when there are more than ten', () => {
    const card = expanded(clear);
    expect(texts(card)).toContain(danish.strings.emptyText);
    expect((card.actions as CardJson[]).map((a) => a.title)).toEqual(['Åbn Ambitionsplan']);
    const tasks = Array.from({ length: 12 }, (_, i) => task(i + 1, `Opgave ${i + 1}`, '2026-12-20'));
    const full = expanded({ status: 'ready', work: myWorkOf(tasks, [], today) });
    expect(texts(full)).toContain('2 mere venter. Se alle dine opgaver i Opfølgning.');
    expect((full.actions as CardJson[]).map((a) => a.title)).toEqual(['Åbn Opfølgning']);
    expect(cardProblems(full)).toEqual([]);
  });

  it("shows people's words as words: a title with a binding, markdown or a link stays text", () => {
    const hostile = [
      '${$root.planUrl}',
      '**fed** [klik](https://evil.example)',
      '<img src=x onerror=alert(1)>',
      '{count} %',
    ];
    const state: IMineOpgaverState = {
      status: 'ready',
      work: myWorkOf(
        hostile.map((title, i) => task(i + 1, title, '2026-12-20')),
        [],
        today,
      ),
    };
    const card = expanded(state);
    expect(cardProblems(card)).toEqual([]);
    const runs = JSON.stringify(card);
    for (const title of hostile) expect(texts(card)).toContain(title);
    // Titles are TextRuns (never markdown); no URL but ours.
    expect(runs).not.toContain('"url":"https://evil.example');
  });

  it("knows where it is from SPFx's device context", () => {
    expect(cardHostOf('Mobile', false)).toBe('teams');
    expect(cardHostOf('TeamsDesktop', false)).toBe('teams');
    expect(cardHostOf('WebView', true)).toBe('teams');
    expect(cardHostOf('WebView', false)).toBe('browser');
    expect(cardHostOf(undefined, false)).toBe('browser');
  });
});
