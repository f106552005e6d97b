/**
 * Compares two folders of screenshots pixel by pixel in Chromium (no image library needed): for a
 * refactoring that must not change what people see, e.g. before and after `npm test` wrote
 * `test-results/screenshots`. Usage: `npx tsx scripts/screenshot-diff.ts <before-dir> <after-dir>`.
 * Prints each picture's share of differing pixels and exits non-zero when any differs by more than
 * the tolerance (default 0.1 %, for anti-aliasing; `--tolerance 0.5` to change it, in per cent).
 */
import * as fs from 'fs';
import * as path from 'path';
import { launchChromium } from '../tests/browser/browser';

interface IComparison {
  name: string;
  /** Share of pixels that differ, in per cent; undefined when the sizes differ. */
  differing?: number;
  sizes: string;
}

/** Runs in Chromium: draws both pictures on canvases and counts the pixels that differ. */
const COMPARE_IN_PAGE = `async ({ a, b, title }) => {
  const load = (src) => new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = reject;
    image.src = src;
  });
  const [first, second] = await Promise.all([load(a), load(b)]);
  const sizes = first.width + '×' + first.height + ' / ' + second.width + '×' + second.height;
  if (first.width !== second.width || first.height !== second.height) return { name: title, sizes };
  const pixels = (image) => {
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    return context.getImageData(0, 0, image.width, image.height).data;
  };
  const p = pixels(first);
  const q = pixels(second);
  let differing = 0;
  for (let i = 0; i < p.length; i += 4) {
    if (p[i] !== q[i] || p[i + 1] !== q[i + 1] || p[i + 2] !== q[i + 2] || p[i + 3] !== q[i + 3]) differing++;
  }
  return { name: title, sizes, differing: (100 * differing) / (first.width * first.height) };
}`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const toleranceAt = args.indexOf('--tolerance');
  const tolerance = toleranceAt >= 0 ? Number(args.splice(toleranceAt, 2)[1]) : 0.1;
  const [before, after] = args;
  if (!before || !after) throw new Error('usage: screenshot-diff <before-dir> <after-dir> [--tolerance percent]');
  const names = fs.readdirSync(before).filter((name) => name.endsWith('.png'));
  const browser = await launchChromium();
  const page = await browser.newPage();
  const results: IComparison[] = [];
  for (const name of names) {
    const other = path.join(after, name);
    if (!fs.existsSync(other)) {
      results.push({ name, sizes: 'missing after' });
      continue;
    }
    const url = (file: string): string => `data:image/png;base64,${fs.readFileSync(file).toString('base64')}`;
    const input = { a: url(path.join(before, name)), b: url(other), title: name };
    // A string, not a function: tsx's helpers (`__name`) do not exist in the page.
    results.push((await page.evaluate(`(${COMPARE_IN_PAGE})(${JSON.stringify(input)})`)) as IComparison);
  }
  await browser.close();
  let failed = 0;
  for (const result of results) {
    const ok = result.differing !== undefined && result.differing <= tolerance;
    if (!ok) failed++;
    const share = result.differing === undefined ? 'size differs' : `${result.differing.toFixed(3)} %`;
    console.log(`${ok ? 'same' : 'DIFF'}  ${share.padStart(12)}  ${result.sizes.padEnd(26)}  ${result.name}`);
  }
  console.log(`${results.length - failed} of ${results.length} pictures match (tolerance ${tolerance} %)`);
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
