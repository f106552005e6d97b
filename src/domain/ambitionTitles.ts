/**
 * The five ambitions' keys and titles in the strategy's order, apart from their full text (`ambitions.ts`): the plan's
 * and the follow-up's first views count and label by ambition but never show the strategy's paragraphs, which are
 * about 4 KB gzip of an entry.
 */
export const AMBITION_LIST: readonly { key: string; title: string }[] = [
  { key: 'mod-og-stolthed', title: 'Mod og stolthed' },
  { key: 'viden-og-faglighed', title: 'Viden og faglighed' },
  { key: 'sammenhaeng-og-samarbejde', title: 'Sammenhæng og samarbejde' },
  { key: 'tillid-og-ansvar-i-ledelse', title: 'Tillid og ansvar i ledelse' },
  { key: 'gode-rammer', title: 'Gode rammer' },
];

/** An ambition's title by key. */
export const AMBITION_TITLES: Readonly<Record<string, string>> = Object.fromEntries(
  AMBITION_LIST.map((ambition) => [ambition.key, ambition.title]),
);
