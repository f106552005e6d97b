import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium (apt package `chromium`); Playwright cannot download a browser here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where browser tests leave their screenshots (a test artefact, ignored by git). */
export const ARTEFACT_DIR = path.resolve(__dirname, '../../test-results/screenshots');

/** Starts headless Chromium with the flags this closed network needs. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install Debian's package (apt-get install chromium).`);
  }
  // Playwright gives every launch a fresh temporary profile of its own (no --user-data-dir needed).
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Saves a full-page screenshot under test-results/screenshots and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTEFACT_DIR, { recursive: true });
  const file = path.join(ARTEFACT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Where the screenshots that document the product live (committed). */
export const DOCS_SCREENSHOT_DIR = path.resolve(__dirname, '../../docs/screenshots');

/**
 * A screenshot that documents the product: always written under test-results/screenshots, and into
 * docs/screenshots only with `MPK_DOCS_SCREENSHOTS=1`, so an ordinary test run leaves the tree clean.
 */
export async function saveDocScreenshot(target: Locator | Page, name: string): Promise<void> {
  const folders = [ARTEFACT_DIR, ...(process.env.MPK_DOCS_SCREENSHOTS === '1' ? [DOCS_SCREENSHOT_DIR] : [])];
  for (const folder of folders) {
    fs.mkdirSync(folder, { recursive: true });
    await target.screenshot({ path: path.join(folder, `${name}.png`), animations: 'disabled' });
  }
}

/** Asserts that axe-core finds no WCAG 2.1 AA violation in `selector`. */
export async function expectNoAxeViolations(page: Page, selector = 'main'): Promise<void> {
  expect(await axeScan(page, selector)).toEqual([]);
}

/** One axe-core violation, trimmed to what a failing test should print. */
export interface IAxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Waits (at most 3 s) for running finite animations and transitions — a section that fades in, a dialog's
 * backdrop fading out. axe measures colour contrast through the current opacity, so a scan taken mid-fade
 * reports text that is fine a moment later (seen in CI on the "Mine opgaver" list). Spinners and other
 * endless animations are left alone.
 */
export async function settleAnimations(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const finite = document
      .getAnimations()
      .filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity));
    const timeout = new Promise((resolve) => setTimeout(resolve, 3000));
    await Promise.race([Promise.all(finite.map((a) => a.finished.catch(() => undefined))), timeout]);
  });
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the element matching `selector`. */
export async function axeScan(page: Page, selector = 'main'): Promise<IAxeViolation[]> {
  await settleAnimations(page);
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async (sel) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{
            violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }>;
          }>;
        };
      }
    ).axe;
    // Fluent v9's focus manager (tabster) puts aria-hidden <i tabindex=0 data-tabster-dummy>
    // sentinels around focus groups; they forward focus at once and are never announced, and axe
    // flags them as aria-hidden-focus. They are excluded; everything else is scanned.
    const result = await axe.run(
      { include: [sel], exclude: [['[data-tabster-dummy]']] },
      {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      },
    );
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  }, selector);
}
