/**
 * What "the view is usable" means for each web part, as CSS selectors built from the product's own
 * Danish strings (so a reworded label does not silently break the bench), and the two interactions
 * timed at scale: "Vis flere" in the story feed and a filter change on the task board.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import type { PartName } from './bytes';

/** The string module (`src/loc/da-dk.js`), read the way SharePoint reads it (AMD `define`). */
export function loadStrings(root: string, locale = 'da-dk'): Record<string, unknown> {
  const code = fs.readFileSync(path.join(root, 'src', 'loc', `${locale}.js`), 'utf8');
  let strings: Record<string, unknown> | undefined;
  const define = (deps: unknown, factory?: () => Record<string, unknown>): void => {
    strings = (
      typeof deps === 'function' ? (deps as () => Record<string, unknown>) : (factory as () => Record<string, unknown>)
    )();
  };
  new Function('define', code)(define);
  if (!strings) throw new Error(`src/loc/${locale}.js did not define its strings`);
  return strings;
}

/** A string at a dotted path, e.g. `stories.feedLabel`; throws when missing (the bench must be told). */
export function stringAt(strings: Record<string, unknown>, dotted: string): string {
  let cur: unknown = strings;
  for (const key of dotted.split('.'))
    cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[key] : undefined;
  if (typeof cur !== 'string') throw new Error(`string ${dotted} not found in src/loc/da-dk.js`);
  return cur;
}

/** A CSS attribute value in double quotes. */
export function cssString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The text of a template before its first `{placeholder}`. */
export function prefixOf(template: string): string {
  const i = template.indexOf('{');
  return i < 0 ? template : template.slice(0, i);
}

/** One web part's first view in the preview. */
export interface ViewSpec {
  part: PartName;
  /** CSS selector of the element whose appearance makes the view usable. */
  usable: string;
  /** What that element is, in words (for the report). */
  usableLabel: string;
  /**
   * The view as accounts without the main role see it (e.g. an employee's "Mine opgaver" in Opfølgning):
   * used together with `usable` when counting requests per account.
   */
  otherRoles?: string;
}

/** The usable selectors of the three first views. */
export function viewSpecs(strings: Record<string, unknown>): Record<PartName, ViewSpec> {
  const feedLabel = stringAt(strings, 'stories.feedLabel');
  const initiativeList = prefixOf(stringAt(strings, 'plan.ambition.listLabel'));
  const matrix = stringAt(strings, 'followUp.matrix.regionLabel');
  return {
    ambitions: {
      part: 'ambitions',
      usable: `ul[aria-label=${cssString(feedLabel)}] > li article`,
      usableLabel: `first story of the feed (list "${feedLabel}")`,
    },
    plan: {
      part: 'plan',
      usable: `ul[aria-label^=${cssString(initiativeList)}] article`,
      usableLabel: `first initiative of the plan (list "${initiativeList}…")`,
    },
    followup: {
      part: 'followup',
      usable: `[role="region"][aria-label=${cssString(matrix)}] table tbody tr`,
      usableLabel: `first row of the matrix (region "${matrix}")`,
      // Employees get the explanation and their own tasks instead of the matrix.
      otherRoles: 'main .mpk-Notice ~ section[aria-labelledby]',
    },
  };
}

/** The result of a timed interaction. */
export interface ActionTiming {
  /** ms from the click/change until the new content was shown and its response had arrived. */
  ms: number | null;
  error?: string;
}

/**
 * Clicks "Vis flere" under the story feed and times until more stories are shown (the list has grown and
 * is no longer busy).
 */
export async function timeShowMoreStories(
  page: Page,
  strings: Record<string, unknown>,
  timeoutMs = 60000,
): Promise<ActionTiming> {
  const feedSelector = `ul[aria-label=${cssString(stringAt(strings, 'stories.feedLabel'))}]`;
  const buttonText = stringAt(strings, 'stories.showMore');
  return inPageTiming(page, {
    kind: 'more',
    feedSelector,
    buttonText,
    timeoutMs,
  });
}

/**
 * Opens the "Opgaver" tab, waits for the board, then picks a unit in the board's unit filter and times
 * until the filtered board is shown (no spinner) and its REST response has finished.
 */
export async function timeTaskFilter(
  page: Page,
  strings: Record<string, unknown>,
  unitId: number,
  timeoutMs = 60000,
): Promise<ActionTiming> {
  const tabText = stringAt(strings, 'followUp.tabs.tasks');
  const unitLabel = stringAt(strings, 'followUp.board.unitFilter');
  const filtersLabel = stringAt(strings, 'followUp.board.filtersLabel');
  try {
    await page.getByRole('tab', { name: tabText, exact: true }).click({ timeout: timeoutMs });
    const fieldset = page.getByRole('group', { name: filtersLabel });
    await fieldset.waitFor({ state: 'visible', timeout: timeoutMs });
    await fieldset.getByLabel(unitLabel, { exact: true }).waitFor({ state: 'visible', timeout: timeoutMs });
  } catch (e) {
    return {
      ms: null,
      error: `task board not reachable: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
    };
  }
  return inPageTiming(page, { kind: 'filter', filtersLabel, unitLabel, value: String(unitId), timeoutMs });
}

type InPageAction =
  | { kind: 'more'; feedSelector: string; buttonText: string; timeoutMs: number }
  | { kind: 'filter'; filtersLabel: string; unitLabel: string; value: string; timeoutMs: number };

/**
 * The in-page half of a timed interaction, as plain JavaScript source: a function given to
 * `page.evaluate` from TypeScript would be rewritten by tsx (esbuild's `__name` helper, which does not
 * exist in the page), so it is kept as a string.
 */
const IN_PAGE_TIMING = `async (a) => {
  const restDoneAfter = (t0) => performance.getEntriesByType('resource').some((e) => e.name.includes('/_api/') && e.startTime >= t0 && e.responseEnd > 0);
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const until = async (t0, done, needsRest) => {
    for (;;) {
      if ((!needsRest || restDoneAfter(t0)) && done()) return performance.now() - t0;
      if (performance.now() - t0 > a.timeoutMs) throw new Error('timed out after ' + a.timeoutMs + ' ms');
      await frame();
    }
  };
  performance.setResourceTimingBufferSize(100000);
  if (a.kind === 'more') {
    const feed = document.querySelector(a.feedSelector);
    if (!feed) return { error: 'feed ' + a.feedSelector + ' not found' };
    const before = feed.children.length;
    const button = [...document.querySelectorAll('button')].find((b) => (b.textContent || '').trim() === a.buttonText);
    if (!button) return { error: 'button "' + a.buttonText + '" not found (no more stories?)' };
    const t0 = performance.now();
    button.click();
    const ms = await until(t0, () => {
      const f = document.querySelector(a.feedSelector);
      return !!f && f.children.length > before && f.getAttribute('aria-busy') !== 'true';
    }, false);
    return { ms, before, after: document.querySelector(a.feedSelector).children.length };
  }
  const fieldset = [...document.querySelectorAll('fieldset')].find((f) => ((f.querySelector('legend') || {}).textContent || '').trim() === a.filtersLabel);
  if (!fieldset) return { error: 'filter group "' + a.filtersLabel + '" not found' };
  const label = [...fieldset.querySelectorAll('label')].find((l) => (l.textContent || '').trim() === a.unitLabel);
  const select = label && label.htmlFor ? document.getElementById(label.htmlFor) : null;
  if (!select || select.tagName !== 'SELECT') return { error: 'select "' + a.unitLabel + '" not found' };
  if (![...select.options].some((o) => o.value === a.value)) return { error: 'unit ' + a.value + ' is not an option of "' + a.unitLabel + '"' };
  const section = fieldset.closest('section') || document.body;
  const t0 = performance.now();
  select.value = a.value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  const ms = await until(t0, () => select.value === a.value && !section.querySelector('.mpk-Spinner'), true);
  return { ms };
}`;

/** Runs the action inside the page and measures it with `performance.now()` there. */
async function inPageTiming(page: Page, action: InPageAction): Promise<ActionTiming> {
  try {
    const result = (await page.evaluate(`(${IN_PAGE_TIMING})(${JSON.stringify(action)})`)) as {
      ms?: number;
      error?: string;
    };
    return result.error !== undefined ? { ms: null, error: result.error } : { ms: result.ms ?? null };
  } catch (e) {
    return { ms: null, error: e instanceof Error ? e.message.split('\n')[0] : String(e) };
  }
}
