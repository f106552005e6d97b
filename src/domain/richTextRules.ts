/** What a story's rich text may contain: shared by the sanitiser (`richText.ts`) and the display (`richTextView.ts`). */

/** The only elements a story may contain. */
export const RICH_TEXT_TAGS: readonly string[] = [
  'p',
  'br',
  'strong',
  'b',
  'em',
  'i',
  'u',
  'ul',
  'ol',
  'li',
  'a',
  'blockquote',
  'h3',
  'h4',
];

/** Link targets a story may point to. */
export const SAFE_HREF = /^(?:https?:|mailto:)/i;
