/**
 * Story bodies as the feed shows them, without DOMPurify in the first view's bundle. A body was
 * sanitised with DOMPurify before it was stored (`richText.ts`, loaded with the story form and the
 * repository's write); here it is cleaned once more, because the list can be written to directly: the
 * browser parses it into an inert document (`DOMParser`: no scripts run, nothing loads) and a new tree is
 * built from the allowed elements only — p, br, strong/b, em/i, u, ul, ol, li, a, blockquote, h3, h4 —
 * with no attribute but a safe link's href (plus target/rel). Nothing else is copied, so nothing else can
 * reach the page; unknown elements leave their text, scripts, styles, SVG and MathML leave nothing
 * (as `sanitizeRichText` does).
 */
import { RICH_TEXT_TAGS, SAFE_HREF } from './richTextRules';

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const ALLOWED = new Set(RICH_TEXT_TAGS);
/** Elements removed with everything in them (DOMPurify's FORBID_CONTENTS). */
const DROP_WITH_CONTENT = new Set([
  'annotation-xml',
  'audio',
  'colgroup',
  'desc',
  'foreignobject',
  'head',
  'iframe',
  'math',
  'mi',
  'mn',
  'mo',
  'ms',
  'mtext',
  'noembed',
  'noframes',
  'noscript',
  'plaintext',
  'script',
  'style',
  'svg',
  'template',
  'thead',
  'title',
  'video',
  'xmp',
]);
/** What DOMPurify strips from a URI before testing it (so `java\tscript:` is not a way round). */
const URI_WHITESPACE = /[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g; // eslint-disable-line no-control-regex

function copyChildren(from: Node, to: Node, doc: Document): void {
  for (let child = from.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      to.appendChild(doc.createTextNode(child.nodeValue || ''));
      continue;
    }
    if (child.nodeType !== 1) continue; // comments, processing instructions
    const element = child as Element;
    const tag = element.localName.toLowerCase();
    // Only HTML elements are ever copied; SVG and MathML (and whatever is inside them) are dropped.
    if (element.namespaceURI !== HTML_NS || DROP_WITH_CONTENT.has(tag)) continue;
    if (!ALLOWED.has(tag)) {
      copyChildren(element, to, doc);
      continue;
    }
    const copy = doc.createElement(tag);
    if (tag === 'a') {
      const href = (element.getAttribute('href') || '').trim();
      if (href && SAFE_HREF.test(href) && SAFE_HREF.test(href.replace(URI_WHITESPACE, ''))) {
        copy.setAttribute('href', href);
        // Links open outside the page (and outside the Teams tab) and get no handle on it.
        copy.setAttribute('target', '_blank');
        copy.setAttribute('rel', 'noopener noreferrer');
      }
    }
    copyChildren(element, copy, doc);
    to.appendChild(copy);
  }
}

/**
 * The HTML to show for a story body: the allowed markup of {@link sanitizeRichText}, rebuilt from an
 * inert parse. Needs a browser DOM (the story feed only runs in one).
 */
export function richTextForDisplay(html: string | undefined | null): string {
  if (!html) return '';
  if (typeof DOMParser === 'undefined' || typeof document === 'undefined') {
    throw new Error('richTextForDisplay needs a browser DOM.');
  }
  const parsed = new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${html}`, 'text/html');
  const out = document.implementation.createHTMLDocument('');
  const container = out.createElement('div');
  copyChildren(parsed.body, container, out);
  return container.innerHTML;
}
