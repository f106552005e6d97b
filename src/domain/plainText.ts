/**
 * Rich text reduced to plain text — for excerpts, "is it empty?", lengths and the CPR guard. No DOM
 * and no DOMPurify needed, so validation stays small and runs anywhere.
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  shy: '\u00AD',
  ndash: '\u2013',
  mdash: '\u2014',
  minus: '\u2212',
  hellip: '\u2026',
  bull: '\u2022',
  middot: '\u00B7',
  laquo: '\u00AB',
  raquo: '\u00BB',
  ldquo: '\u201C',
  rdquo: '\u201D',
  bdquo: '\u201E',
  lsquo: '\u2018',
  rsquo: '\u2019',
  sbquo: '\u201A',
  aelig: 'æ',
  AElig: 'Æ',
  oslash: 'ø',
  Oslash: 'Ø',
  aring: 'å',
  Aring: 'Å',
  auml: 'ä',
  Auml: 'Ä',
  ouml: 'ö',
  Ouml: 'Ö',
  uuml: 'ü',
  Uuml: 'Ü',
  eacute: 'é',
  Eacute: 'É',
  egrave: 'è',
  agrave: 'à',
  aacute: 'á',
  oacute: 'ó',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  deg: '°',
  times: '×',
  divide: '÷',
  sect: '§',
  para: '¶',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  zwnj: '\u200C',
  zwj: '\u200D',
};

/** Decodes HTML character references; unknown names are left as written. */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
      return String.fromCodePoint(code);
    }
    return Object.prototype.hasOwnProperty.call(NAMED_ENTITIES, ref) ? NAMED_ENTITIES[ref] : whole;
  });
}

// Elements whose content is never text for a reader.
const HIDDEN_ELEMENTS = /<(script|style|template|svg|math|noscript|iframe|object|head|title)\b[\s\S]*?<\/\1\s*>/gi;
// Tags that end a line or a paragraph.
const BLOCK_TAGS =
  /<\/?(?:p|br|div|li|ul|ol|h[1-6]|blockquote|tr|table|section|article|header|footer|hr|pre)\b[^"'>]*(?:(?:"[^"]*"|'[^']*')[^"'>]*)*\/?>/gi;
// Any tag, with quoted attribute values that may contain ">".
const ANY_TAG = /<\/?[a-zA-Z][^"'>]*(?:(?:"[^"]*"|'[^']*')[^"'>]*)*\/?>/g;

/**
 * The readable text of rich text: tags removed (inline tags without a gap, so "01<b>0190</b>" stays
 * "010190"), block ends as line breaks, character references decoded, spaces collapsed. Works
 * without a DOM; meant for excerpts, lengths and checks, never for rendering.
 */
export function richTextToPlainText(html: string | undefined | null): string {
  if (!html) return '';
  const text = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(HIDDEN_ELEMENTS, '')
    .replace(/[\r\n\t]+/g, ' ')
    .replace(BLOCK_TAGS, '\n')
    .replace(ANY_TAG, '');
  return decodeHtmlEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v\u00A0]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** At most `maxLength` characters of plain text, cut at a word and ended with "…". */
export function excerpt(plainText: string, maxLength: number): string {
  const text = plainText.replace(/\s+/g, ' ').trim();
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, Math.max(0, maxLength - 1));
  const lastSpace = cut.lastIndexOf(' ');
  return (lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:–-]+$/, '') + '…';
}
