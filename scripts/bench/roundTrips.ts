/**
 * Round trips: for each web part and each demo account, the REST requests its first view sends (from the
 * local SharePoint's log after a reset, opening the preview page in Chromium) and the bytes received.
 *
 * The preview builds PnPjs with `RequestDigest()` and no page digest, so before its first POST (the
 * `$batch`) it asks `contextinfo` for one. On a SharePoint page (and in Teams) SPFx hands PnPjs the page's
 * digest, so the web part does not send that request: it is listed but not counted against the budget.
 * `shipProbe.ts` checks the same with the real `--ship` bundle and SPFx's behaviour.
 */
import type { Browser } from 'playwright-core';
import type { PartName } from './bytes';
import { PARTS } from './bytes';
import { describeUrl, openView, type ViewMeasurement } from './firstView';
import { KB, type DetailTable, type Figure, type Section } from './report';
import type { ViewSpec } from './views';

/** A logged request in a few words: `GET MPK Historier items [StoryId eq 1 or …]`, `$batch (3 parts)`. */
export function shortRequest(r: { method: string; path: string; batchParts?: number }): string {
  if (/\/_api\/\$batch/i.test(r.path)) return `$batch (${r.batchParts ?? '?'} parts)`;
  return `${r.method} ${describeUrl(r.path)}`;
}

/** The demo accounts, in the order the issue names them. */
export const ACCOUNTS = [
  { key: 'medarbejder', email: 'medarbejder@mpk.local' },
  { key: 'leder', email: 'leder@mpk.local' },
  { key: 'chef', email: 'chef@mpk.local' },
  { key: 'admin', email: 'admin@mpk.local' },
] as const;

/** Budget: one round trip for a first view. */
export const ROUND_TRIP_BUDGET = 1;

/**
 * A site owner's view may send one more: the site health check (`src/ui/shell/SiteHealth`), one
 * `$batch` after the first view is shown. Nobody else sends it.
 */
export function roundTripBudget(account: string): number {
  return account === 'admin' ? ROUND_TRIP_BUDGET + 1 : ROUND_TRIP_BUDGET;
}

/** The preview URL of a first view. */
export function previewViewUrl(origin: string, part: PartName, email: string, unitId: number): string {
  const params = new URLSearchParams({ part, user: email });
  if (part === 'plan') params.set('unit', String(unitId));
  return `${origin}/?${params.toString()}`;
}

/** One measured (part, account). */
export interface AccountView {
  part: PartName;
  account: string;
  email: string;
  m: ViewMeasurement;
}

/** Opens every (part, account) once. */
export async function measureAccounts(input: {
  browser: Browser;
  origin: string;
  specs: Record<PartName, ViewSpec>;
  leaderUnitId: number;
  timeoutMs?: number;
  log?: (line: string) => void;
}): Promise<AccountView[]> {
  const out: AccountView[] = [];
  for (const p of PARTS) {
    for (const account of ACCOUNTS) {
      const spec = input.specs[p.part];
      const m = await openView(input.browser, {
        url: previewViewUrl(input.origin, p.part, account.email, input.leaderUnitId),
        origin: input.origin,
        usableSelector: spec.otherRoles ? `${spec.usable}, ${spec.otherRoles}` : spec.usable,
        timeoutMs: input.timeoutMs ?? 60000,
      });
      input.log?.(
        `  ${p.part} × ${account.key}: ${m.requests.length} request(s), ${(m.traffic.responseBytes / KB).toFixed(1)} KB${m.error ? ` — ${m.error}` : ''}`,
      );
      out.push({ part: p.part, account: account.key, email: account.email, m });
    }
  }
  return out;
}

/** "1 $batch (15 GET)" and friends. */
export function describeRequests(m: ViewMeasurement): string {
  const batches = m.requests.filter((r) => /\/_api\/\$batch/i.test(r.path));
  const singles = m.requests.filter((r) => !/\/_api\/\$batch/i.test(r.path));
  const sub = Object.entries(m.traffic.subRequests)
    .map(([method, n]) => `${n} ${method}`)
    .join(', ');
  const parts: string[] = [];
  if (batches.length > 0) parts.push(`${batches.length} $batch${sub ? ` (${sub})` : ''}`);
  if (singles.length > 0) parts.push(`+ ${singles.length} more: ${singles.map(shortRequest).join('; ')}`);
  if (m.digestRequests > 0) parts.push(`+ ${m.digestRequests} contextinfo (preview only, not counted)`);
  return parts.join(' ') || 'no request';
}

/** Figures of one set of account views. */
export function roundTripFigures(
  section: Section,
  views: readonly AccountView[],
  specs: Record<PartName, ViewSpec>,
  prefix = '',
): { figures: Figure[]; details: DetailTable[] } {
  const figures: Figure[] = [];
  for (const v of views) {
    const problems: string[] = [];
    if (v.m.error) problems.push(v.m.error);
    if (v.m.traffic.errors.length > 0) problems.push(`error responses: ${v.m.traffic.errors.join('; ')}`);
    figures.push({
      section,
      id: `${section}.requests.${v.part}.${v.account}`,
      label: `${prefix}${v.part} × ${v.account}: requests`,
      value: v.m.requests.length,
      unit: 'requests',
      budget: { max: roundTripBudget(v.account) },
      detail: `${describeRequests(v.m)}; ${(v.m.traffic.responseBytes / KB).toFixed(1)} KB received${v.m.heading ? `; showed "${v.m.heading}"` : ''}`,
      error: problems.length > 0 ? problems.join('; ') : undefined,
    });
  }
  const details: DetailTable[] = [
    {
      section,
      title: section === 'scale' ? 'Bytes received per first view at scale' : 'Bytes received per first view',
      intro:
        'Sum of the REST response bodies the browser received for the first view (`page.on("response")` on `/_api/`, uncompressed — SharePoint Online compresses JSON on the wire; a `contextinfo` the preview may send is not included). The row names the element that marks the view as loaded.',
      headers: [
        'web part',
        ...views.filter((v, i, a) => a.findIndex((x) => x.account === v.account) === i).map((v) => v.account),
      ],
      rows: PARTS.map((p) => [
        `${p.part} (${specs[p.part].usableLabel})`,
        ...views.filter((v) => v.part === p.part).map((v) => `${(v.m.traffic.responseBytes / KB).toFixed(1)} KB`),
      ]),
    },
  ];
  if (section === 'scale') {
    // Where the bytes go: the largest answers within each web part's first view (main account).
    const main: Record<PartName, string> = { ambitions: 'medarbejder', plan: 'leder', followup: 'chef' };
    const rows: string[][] = [];
    for (const p of PARTS) {
      const v = views.find((x) => x.part === p.part && x.account === main[p.part]);
      if (!v) continue;
      const total = v.m.traffic.parts.reduce((s, x) => s + x.bytes, 0);
      for (const part of [...v.m.traffic.parts].sort((a, b) => b.bytes - a.bytes).slice(0, 6)) {
        rows.push([
          `${p.part} (${v.account})`,
          part.what,
          `${(part.bytes / KB).toFixed(1)} KB`,
          total > 0 ? `${((100 * part.bytes) / total).toFixed(0)} %` : '',
        ]);
      }
    }
    details.push({
      section,
      title: 'Largest answers per first view at scale',
      intro:
        "The six largest parts of each web part's first-view `$batch` (and any further request) at scale, as its main account, by the size of their answer.",
      headers: ['web part', 'request', 'bytes', 'share'],
      rows,
    });
  }
  return { figures, details };
}

/**
 * Bytes received by each first view, as figures: a budget for the web parts `budgets` names (every
 * account), information for the others. A view that did not become usable has no value (not measured).
 */
export function receivedFigures(
  section: Section,
  views: readonly AccountView[],
  budgets: Partial<Record<PartName, number>>,
  prefix = '',
): Figure[] {
  return views.map((v) => {
    const max = budgets[v.part];
    const failed = v.m.usableMs === null;
    return {
      section,
      id: `${section}.received.${v.part}.${v.account}`,
      label: `${prefix}${v.part} × ${v.account}: bytes received`,
      value: failed ? null : v.m.traffic.responseBytes,
      unit: 'bytes',
      budget: max === undefined ? undefined : { max },
      detail: failed ? undefined : 'REST response bodies of the first view (uncompressed)',
      error: failed ? (v.m.error ?? 'the view did not become usable') : undefined,
    };
  });
}
