/** @jest-environment node */
import type { Browser } from 'playwright-core';
import type { LocalSharePoint } from '../../localsp/server';
import { DEMO_ACCOUNTS } from '../../preview/previewState';
import { axeScan, launchChromium, screenshot } from './browser';
import { openPreview, startPreview } from './harness';

jest.setTimeout(180_000);

const AMBITION_TITLES = [
  'Mod og stolthed',
  'Viden og faglighed',
  'Sammenhæng og samarbejde',
  'Tillid og ansvar i ledelse',
  'Gode rammer',
];

describe('the local preview (npm start)', () => {
  let server: LocalSharePoint;
  let browser: Browser;

  beforeAll(async () => {
    server = await startPreview();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe.each(DEMO_ACCOUNTS.map((a) => [a.role, a.email]))('signed in as %s', (role, email) => {
    it('shows the five ambitions of the strategy', async () => {
      const page = await openPreview(browser, server, { part: 'ambitions', user: email });
      for (const title of AMBITION_TITLES) {
        await page.getByRole('heading', { level: 3, name: title }).first().waitFor({ timeout: 30000 });
      }
      expect(await page.locator('select').first().inputValue()).toBe(email);
      await screenshot(page, `preview-ambitions-${role.toLowerCase()}`);
      await page.context().close();
    });
  });

  it('keeps its state in the URL, so a view can be linked', async () => {
    const page = await openPreview(browser, server, {
      part: 'plan',
      user: 'leder@mpk.local',
      theme: 'dark',
      host: 'teams-channel',
    });
    const url = new URL(page.url());
    expect(url.searchParams.get('part')).toBe('plan');
    expect(url.searchParams.get('user')).toBe('leder@mpk.local');
    expect(url.searchParams.get('theme')).toBe('dark');
    expect(url.searchParams.get('host')).toBe('teams-channel');
    await page.context().close();
  });

  it('has no WCAG 2.1 AA violations in its own toolbar', async () => {
    const page = await openPreview(browser, server, { part: 'ambitions' });
    expect(await axeScan(page, 'header')).toEqual([]);
    await page.context().close();
  });
});
