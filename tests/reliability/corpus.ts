/**
 * Hostile and awkward input, pushed through every free-text write of the product (tests in
 * `hostile.test.ts` and the browser test) and by the soak. Each entry says what must happen to it:
 *
 * - `script`: markup that would run script if it were ever rendered as HTML. In plain-text fields it
 *   is stored exactly as typed (and shown as text); in rich text it is stored sanitised, inert.
 * - `text`: awkward but harmless text (quotes that break a naive `$filter`, invisible and
 *   right-to-left characters, emoji, æøå): stored exactly as typed.
 * - `cpr`: a CPR number in one of the ways people write it: refused with the Danish CPR message.
 * - `cprRich`: a CPR number split by markup: refused where the field is rich text (plain-text fields
 *   show the tags literally, so there it is not a readable number).
 * - `notCpr`: digits that are not a CPR number (no valid date, or part of a longer number): stored.
 * - `long`: 100,000 characters: refused as too long in every field.
 * - `url`: a link that must not become a clickable script or data URL: refused in the link field,
 *   plain text elsewhere.
 *
 * `pwn` marks payloads that, if they ever ran, set `window.__pwned` (the browser test's trap).
 */

export type CorpusClass = 'script' | 'text' | 'cpr' | 'cprRich' | 'notCpr' | 'long' | 'url';

export interface ICorpusEntry {
  name: string;
  value: string;
  class: CorpusClass;
  /** Would set `window.__pwned` (or open a dialog) if executed. */
  pwn?: boolean;
}

const PWN = 'window.__pwned=(window.__pwned||0)+1';

export const CORPUS: readonly ICorpusEntry[] = [
  // --- Script and event-handler payloads
  { name: 'script tag', value: `<script>${PWN}</script>`, class: 'script', pwn: true },
  {
    name: 'script in paragraph',
    value: `<p>Hej <script>${PWN};alert(1)</script>med dig</p>`,
    class: 'script',
    pwn: true,
  },
  { name: 'img onerror', value: `<img src=x onerror="${PWN}">`, class: 'script', pwn: true },
  {
    name: 'img onerror with text',
    value: `<p>Se billedet <img src=x onerror=${PWN}> her</p>`,
    class: 'script',
    pwn: true,
  },
  { name: 'svg onload', value: `<svg onload="${PWN}"><circle r=1></circle></svg>tekst`, class: 'script', pwn: true },
  { name: 'svg script', value: `<svg><script>${PWN}</script></svg>`, class: 'script', pwn: true },
  {
    name: 'mXSS math/mglyph/style',
    value: `<math><mtext><table><mglyph><style><img src=x onerror="${PWN}">`,
    class: 'script',
    pwn: true,
  },
  {
    name: 'mXSS noscript',
    value: `<noscript><p title="</noscript><img src=x onerror=${PWN}>">`,
    class: 'script',
    pwn: true,
  },
  {
    name: 'mXSS form/math',
    value: `<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img onerror=${PWN} src>">`,
    class: 'script',
    pwn: true,
  },
  { name: 'javascript: link', value: `<a href="javascript:${PWN}">klik</a>`, class: 'script', pwn: true },
  { name: 'JaVaScRiPt: link', value: `<a href="JaVaScRiPt:${PWN}">klik</a>`, class: 'script', pwn: true },
  {
    name: 'javascript: with entities',
    value: `<a href="jav&#x09;ascript:${PWN}">klik</a>`,
    class: 'script',
    pwn: true,
  },
  {
    name: 'data: URL link',
    value: `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>`,
    class: 'script',
  },
  {
    name: 'iframe srcdoc',
    value: `<iframe srcdoc="<script>parent.${PWN}</script>"></iframe>`,
    class: 'script',
    pwn: true,
  },
  { name: 'iframe javascript', value: `<iframe src="javascript:parent.${PWN}"></iframe>`, class: 'script', pwn: true },
  { name: 'object data', value: `<object data="javascript:${PWN}"></object>`, class: 'script', pwn: true },
  { name: 'embed', value: `<embed src="javascript:${PWN}">`, class: 'script', pwn: true },
  {
    name: 'CSS expression',
    value: `<p style="width: expression(alert(1)); background:url(javascript:alert(1))">stil</p>`,
    class: 'script',
  },
  {
    name: 'style tag import',
    value: `<style>@import 'http://evil.example/x.css'; body{background:url("javascript:alert(1)")}</style>tekst`,
    class: 'script',
  },
  {
    name: 'details ontoggle',
    value: `<details open ontoggle="${PWN}"><summary>x</summary></details>`,
    class: 'script',
    pwn: true,
  },
  { name: 'body onload', value: `<body onload="${PWN}">`, class: 'script', pwn: true },
  {
    name: 'meta refresh',
    value: `<meta http-equiv="refresh" content="0;url=javascript:${PWN}">`,
    class: 'script',
    pwn: true,
  },
  { name: 'base href', value: `<base href="javascript:${PWN}//"><a href="/x">rel</a>`, class: 'script', pwn: true },
  { name: 'template literal', value: "${alert(1)} {{constructor.constructor('alert(1)')()}}", class: 'script' },
  { name: 'attribute breakout', value: `"><img src=x onerror=${PWN}>`, class: 'script', pwn: true },
  // --- Awkward but harmless text
  { name: "O'Brien", value: "O'Brien", class: 'text' },
  { name: 'filter injection', value: "x' or Id gt 0 or Title eq '", class: 'text' },
  { name: 'quotes and backslashes', value: `"dobbelt" 'enkelt' \\ \\' %27 &quot; &amp;`, class: 'text' },
  { name: 'zero-width and RTL override', value: 'Lærings\u200Bmiljø \u202Eesrever\u202C \u200D\uFEFF', class: 'text' },
  { name: 'emoji', value: 'Godt gået 👏🏽👨‍👩‍👧 🇩🇰', class: 'text' },
  { name: 'æøå', value: 'Æblegrød, øllebrød og ål – ÆØÅ æøå', class: 'text' },
  { name: 'combining and CJK', value: 'Åå (A\u030A) 汉字 ﷽', class: 'text' },
  { name: 'markup-like text', value: '1 < 2 && 3 > 2 <b>fed</b>', class: 'text' },
  { name: 'line breaks and tabs', value: 'Linje 1\nLinje 2\r\n\tindrykket', class: 'text' },
  // --- CPR numbers
  { name: 'CPR with dash', value: 'Borgeren 010190-1234 ringede', class: 'cpr' },
  { name: 'CPR without separator', value: 'cpr 0101901234', class: 'cpr' },
  { name: 'CPR with spaces', value: 'Nr. 01 01 90 1234 er noteret', class: 'cpr' },
  { name: 'CPR with en dash', value: '010190\u20131234', class: 'cpr' },
  { name: 'CPR with dots', value: '01.01.90-1234', class: 'cpr' },
  { name: 'CPR with zero-width space', value: '0101\u200B90-1234', class: 'cpr' },
  { name: 'CPR with non-breaking hyphen', value: '311299\u20111239', class: 'cpr' },
  { name: 'CPR in link', value: `<a href="https://example.dk/?cpr=0101901234">link</a>`, class: 'cpr' },
  { name: 'CPR split by markup', value: '01<b>01</b>90-1234', class: 'cprRich' },
  { name: 'CPR with entity dash', value: '010190&#8211;1234', class: 'cprRich' },
  { name: 'not a CPR: no such date', value: 'Sag 320190-1234 og 011390-1234', class: 'notCpr' },
  { name: 'not a CPR: longer number', value: 'Konto 12345678901234 og EAN 5790000123456', class: 'notCpr' },
  // --- Length
  { name: '100,000 characters', value: 'x'.repeat(100_000), class: 'long' },
  { name: '100,000 characters of æ', value: 'æ'.repeat(100_000), class: 'long' },
  // --- Links
  { name: 'javascript: URL', value: `javascript:${PWN}`, class: 'url', pwn: true },
  { name: 'JaVaScRiPt: URL', value: `JaVaScRiPt:${PWN}`, class: 'url', pwn: true },
  { name: 'data: URL', value: 'data:text/html,<script>alert(1)</script>', class: 'url' },
  { name: 'vbscript: URL', value: 'vbscript:msgbox(1)', class: 'url' },
  { name: 'URL with spaces', value: ' https://holbaek.dk/ x', class: 'url' },
];

/** The entries of some classes. */
export function corpusOf(...classes: CorpusClass[]): ICorpusEntry[] {
  return CORPUS.filter((entry) => classes.indexOf(entry.class) >= 0);
}

/** Elements and attributes a sanitised story body may contain (see `sanitizeRichText`). */
const ALLOWED_ELEMENTS = new Set([
  'P',
  'BR',
  'STRONG',
  'B',
  'EM',
  'I',
  'U',
  'UL',
  'OL',
  'LI',
  'A',
  'BLOCKQUOTE',
  'H3',
  'H4',
]);
const ALLOWED_ATTRIBUTES = new Set(['href', 'target', 'rel']);

/**
 * What in an HTML fragment could run script or load something: elements outside the allow-list,
 * any other attribute (on*, style, src …), or a link that is not http(s)/mailto. Empty when inert.
 */
export function activeContent(html: string, doc: Document): string[] {
  const template = doc.createElement('template');
  template.innerHTML = html;
  const problems: string[] = [];
  const walk = (node: Node): void => {
    node.childNodes.forEach((child) => {
      if (child.nodeType === 1) {
        const element = child as Element;
        if (!ALLOWED_ELEMENTS.has(element.tagName.toUpperCase())) problems.push(`<${element.tagName.toLowerCase()}>`);
        for (const attribute of Array.from(element.attributes)) {
          if (!ALLOWED_ATTRIBUTES.has(attribute.name.toLowerCase()))
            problems.push(`${element.tagName.toLowerCase()}[${attribute.name}]`);
        }
        const href = element.getAttribute('href');
        if (href !== null && !/^(https?:|mailto:)/i.test(href.trim())) problems.push(`href=${href}`);
        walk(element);
      } else if (child.nodeType === 8) {
        // Comments are harmless in themselves, but DOMPurify removes them: one left means it did not run.
        problems.push('<!--comment-->');
      }
    });
  };
  walk(template.content);
  return problems;
}
