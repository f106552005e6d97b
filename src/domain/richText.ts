/**
 * Rich text (story bodies) is sanitised with DOMPurify before it is stored and in the editor; the feed
 * shows it through `richTextView.ts` (the same allowed markup without DOMPurify in the first view's
 * bundle). Plain-text helpers that need no DOM are in `plainText.ts`.
 */
import createDOMPurify from 'dompurify';
import type { Config, DOMPurify, WindowLike } from 'dompurify';

import { RICH_TEXT_TAGS, SAFE_HREF } from './richTextRules';

export { RICH_TEXT_TAGS } from './richTextRules';

const SANITIZE_CONFIG: Config = {
  ALLOWED_TAGS: RICH_TEXT_TAGS.slice(),
  // `target` and `rel` are set by the hook below, never taken from the input.
  ALLOWED_ATTR: ['href'],
  ALLOWED_URI_REGEXP: SAFE_HREF,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  KEEP_CONTENT: true,
};

let injectedWindow: WindowLike | undefined;
let purifier: DOMPurify | undefined;

/**
 * Gives the sanitiser a window where there is no global one (node, a CLI): e.g.
 * `setSanitizerWindow(new JSDOM("").window)`. Pass undefined to go back to the global window.
 */
export function setSanitizerWindow(win: WindowLike | undefined): void {
  injectedWindow = win;
  purifier = undefined;
}

function globalWindow(): WindowLike | undefined {
  const candidate = (globalThis as { window?: unknown }).window;
  return candidate ? (candidate as WindowLike) : undefined;
}

function getPurifier(): DOMPurify {
  if (purifier) return purifier;
  const win = injectedWindow || globalWindow();
  if (!win) {
    throw new Error(
      "sanitizeRichText needs a DOM: run it in a browser, or call setSanitizerWindow(new JSDOM('').window) first.",
    );
  }
  // Our own instance, so the hook never leaks into other users of the global DOMPurify.
  const instance = createDOMPurify(win);
  if (!instance.isSupported) {
    throw new Error('sanitizeRichText: DOMPurify does not support the window it was given.');
  }
  instance.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'A') return;
    const element = node as Element;
    const href = element.getAttribute('href');
    if (href && SAFE_HREF.test(href.trim())) {
      // Links open outside the page (and outside the Teams tab) and get no handle on it.
      element.setAttribute('target', '_blank');
      element.setAttribute('rel', 'noopener noreferrer');
    } else {
      element.removeAttribute('href');
    }
  });
  purifier = instance;
  return instance;
}

/**
 * Keeps only p, br, strong/b, em/i, u, ul, ol, li, a (http, https and mailto links, opened in a new
 * tab with rel="noopener noreferrer"), blockquote, h3 and h4; everything else is removed (the text
 * of unknown elements is kept, scripts and styles go entirely).
 */
export function sanitizeRichText(html: string | undefined | null): string {
  if (!html) return '';
  return getPurifier().sanitize(html, SANITIZE_CONFIG) as string;
}
