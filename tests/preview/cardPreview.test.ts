/**
 * The preview's side of the card "Mine opgaver" (pure, in jsdom): the card view configuration as an Adaptive Card
 * (valid against the version it declares, the card's texts in order, one button that asks for the quick view), and
 * the host configs the renderer draws both with (the button reaches `onSubmit`, a line `onOpenUrl`, over-the-deadline
 * in the theme's attention colour).
 */
import { cardDanish } from '../support/strings';
import {
  cardViewConfiguration,
  QUICK_VIEW_ID,
  quickViewData,
  quickViewTemplate,
  type ICardContext,
  type IMineOpgaverState,
} from '../../src/adaptiveCardExtensions/mineOpgaver/cards';
import { myWorkOf } from '../../src/domain/myWork';
import { cardProblems, cardViewAsAdaptiveCard, expandCard, renderCard } from '../../preview/adaptiveCards';
import { CARD_PALETTES, cardHostConfig } from '../../preview/cardHostConfig';

const danish: ICardContext = { strings: cardDanish, locale: 'da-DK', host: 'browser' };

const ready: IMineOpgaverState = {
  status: 'ready',
  work: myWorkOf(
    [
      { id: 11, title: 'Ret vagtplanen', unitId: 4, dueDate: '2026-11-30', status: 'open' },
      { id: 12, title: 'Forbered dialogmøde', unitId: 4, dueDate: '2026-12-10', status: 'open' },
    ],
    [],
    '2026-12-03',
  ),
  pages: { followUp: 'https://contoso.sharepoint.com/sites/mpk/SitePages/Opfolgning.aspx' },
};

function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
}

describe('cardViewAsAdaptiveCard', () => {
  it('turns the card view into a valid Adaptive Card: title, header, body, and the button that opens the quick view', () => {
    const json = cardViewAsAdaptiveCard(cardViewConfiguration(ready, danish));
    expect(cardProblems(json)).toEqual([]);
    expect(json.version).toBe('1.5');
    const body = json.body as Array<{ text: string; size?: string; weight?: string }>;
    expect(body.map((b) => b.text)).toEqual(['Mine opgaver', '2 opgaver', '1 over fristen']);
    expect(body[0]).toMatchObject({ size: 'Small', weight: 'Bolder' });
    expect(body[1]).toMatchObject({ size: 'ExtraLarge', weight: 'Bolder' });
    expect(json.actions).toEqual([
      {
        type: 'Action.Submit',
        title: 'Se hvad der venter',
        data: { action: 'QuickView', view: QUICK_VIEW_ID },
      },
    ]);
  });

  it('has no button while loading (and is still valid)', () => {
    const json = cardViewAsAdaptiveCard(cardViewConfiguration({ status: 'loading' }, danish));
    expect(cardProblems(json)).toEqual([]);
    expect(json.actions).toBeUndefined();
  });
});

describe('the host configs', () => {
  // The renderer says on every text that no markdown processor is set (Viva has its own; the preview needs none).
  const warn = console.warn;
  beforeAll(() => {
    jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      const first = args[0];
      const text = typeof first === 'function' ? first.name : String(first);
      if (!text.includes('markdownProcessingNotEnabled')) warn(...args);
    });
  });
  afterAll(() => jest.restoreAllMocks());

  it.each(['light', 'dark', 'contrast'] as const)('%s: the button submits, a line opens its URL', (theme) => {
    const submitted: unknown[] = [];
    const opened: string[] = [];
    const card = renderCard(
      cardViewAsAdaptiveCard(cardViewConfiguration(ready, danish)),
      cardHostConfig(theme),
      (url) => opened.push(url),
      (data) => submitted.push(data),
    );
    card?.querySelector<HTMLButtonElement>('button')?.click();
    expect(submitted).toEqual([{ action: 'QuickView', view: QUICK_VIEW_ID }]);

    const quickView = renderCard(
      expandCard(quickViewTemplate(), quickViewData(ready, danish)),
      cardHostConfig(theme),
      (url) => opened.push(url),
    );
    const line = quickView?.querySelector<HTMLElement>('.ac-container.ac-selectable');
    line?.click();
    expect(opened).toEqual([`${ready.pages?.followUp}?mpkTask=11`]);
    // Named by its text (title and the line under it): a screen reader hears "over fristen" too.
    expect(line?.getAttribute('aria-label')).toBeNull();
    // The one task over the deadline in the attention colour (jsdom has no innerText, so the renderer's texts stay
    // empty here: the colour is what is checked).
    const colours = [...(quickView?.querySelectorAll<HTMLElement>('.ac-textBlock') ?? [])].map((el) => el.style.color);
    expect(colours.filter((c) => c === rgb(CARD_PALETTES[theme].attention))).toHaveLength(1);
  });
});
