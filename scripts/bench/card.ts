/**
 * The Viva Connections card "Mine opgaver": the bytes a dashboard loads for it (its entry bundle, any chunk it could
 * load, and its own strings file — counted, since nothing else on a dashboard shares them), and the requests its read
 * makes for each demo account against the demo data (the real `loadMyWork`, as the card calls it).
 */
import * as fs from 'fs';
import * as path from 'path';
import { createLocalSp } from '../../localsp/client';
import { loadMyWork } from '../../src/data/notifications/myWork';
import { gzipSize, type BuildAssets } from './bytes';
import { isDigestRequest, resetServerRequests, serverRequests } from './firstView';
import { KB, type Figure } from './report';
import { demoUserIds } from './scale';

/** The card's bundle in `config/config.json`. */
export const CARD_BUNDLE = 'mine-opgaver-card';

/**
 * Budget: at most 40 KB gzip for the card, strings included. A dashboard shows up to twenty cards on a phone; the
 * card must not cost what a web part's first view may (100 KB), and needs no React or Fluent UI.
 */
export const CARD_BUDGET_BYTES = 40 * KB;

/** The card's bytes: entry + chunks it can load + its Danish strings file. */
export function cardBytesFigure(assets: BuildAssets): Figure {
  const id = 'bytes.card.mineOpgaver';
  const label = 'Viva Connections card "Mine opgaver": JS + strings (gzip -9)';
  const entry = assets.entries.get(CARD_BUNDLE);
  if (!entry)
    return {
      section: 'bytes',
      id,
      label,
      value: null,
      unit: 'bytes',
      budget: { max: CARD_BUDGET_BYTES },
      error: `entry bundle of ${CARD_BUNDLE} not found in release/assets`,
    };
  const chunks = assets.chunks.filter((c) => c.loadableBy.includes(CARD_BUNDLE));
  const stringsFile = fs.readdirSync(assets.dir).find((f) => /^MpkCardStrings_da-dk_[0-9a-f]+\.js$/.test(f));
  const strings = stringsFile ? gzipSize(fs.readFileSync(path.join(assets.dir, stringsFile))) : 0;
  const value = entry.gzipBytes + chunks.reduce((sum, c) => sum + c.gzipBytes, 0) + strings;
  const parts = [`entry ${entry.file} ${(entry.gzipBytes / KB).toFixed(1)} KB`];
  parts.push(
    chunks.length > 0
      ? `+ chunks ${chunks.map((c) => `${c.name} ${(c.gzipBytes / KB).toFixed(1)} KB`).join(', ')}`
      : '(no chunks)',
  );
  parts.push(stringsFile ? `+ strings ${stringsFile} ${(strings / KB).toFixed(1)} KB` : '(strings file not found)');
  parts.push("— the ACE runtime and the Adaptive Cards renderer are SharePoint's (a library component), not ours");
  return {
    section: 'bytes',
    id,
    label,
    value,
    unit: 'bytes',
    budget: { max: CARD_BUDGET_BYTES },
    detail: parts.join(' '),
  };
}

/** The requests the card's read makes for each demo account on the demo data (budget: one). */
export async function cardRequestFigures(origin: string, siteUrl: string): Promise<Figure[]> {
  const ids = await demoUserIds(siteUrl);
  const figures: Figure[] = [];
  for (const [account, id] of Object.entries(ids)) {
    const figureId = `roundTrips.card.${account}`;
    const label = `card "Mine opgaver" × ${account}: requests`;
    try {
      await resetServerRequests(origin);
      const { work } = await loadMyWork(createLocalSp(siteUrl, `${account}@mpk.local`), id, new Date());
      const requests = (await serverRequests(origin)).filter((r) => !isDigestRequest(r.path));
      figures.push({
        section: 'roundTrips',
        id: figureId,
        label,
        value: requests.length,
        unit: 'requests',
        budget: { max: 1 },
        detail:
          `${requests.map((r) => `${r.path.replace(/^.*\/_api\//, '')}${r.batchParts ? ` (${r.batchParts} parts)` : ''}`).join(', ')}; ` +
          `${work.openTasks} open tasks, ${work.overdueTasks} over the deadline, ${work.silentInitiatives} silent initiatives, ${work.unread ?? '–'} unread`,
      });
    } catch (e) {
      figures.push({
        section: 'roundTrips',
        id: figureId,
        label,
        value: null,
        unit: 'requests',
        budget: { max: 1 },
        error: e instanceof Error ? e.message.split('\n')[0] : String(e),
      });
    }
  }
  return figures;
}
