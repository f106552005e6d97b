/**
 * Published stories per ambition, kept in "MPK Overblik" as counts per window of story ids:
 * `{ "<windowStart>": { "<ambitionKey>": n } }`. A window holds the ids `start ≤ id < start + 5000`,
 * so it is recounted from the truth with one threshold-safe request (`Id ge start and Id lt start+5000`),
 * and a moderation touches only its own story's window. The row is data anyone with write access
 * could change, so reading it never trusts it: a garbled row, window or count counts as nothing.
 */
import { dict, own, type Dict } from './dict';

/** Story ids per window: SharePoint's list view threshold, so one window is one request. */
export const STORY_WINDOW = 5000;

/** The first id of the window a story id belongs to (0, 5000, 10000 …). */
export function storyWindow(id: number): number {
  return Math.floor(Math.max(0, id) / STORY_WINDOW) * STORY_WINDOW;
}

/** The start of every window up to and including the one holding `maxId` (none when the list is empty). */
export function storyWindowsUpTo(maxId: number): number[] {
  const starts: number[] = [];
  if (!(maxId > 0)) return starts;
  for (let start = 0; start <= maxId; start += STORY_WINDOW) starts.push(start);
  return starts;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= Number.MAX_SAFE_INTEGER;
}

function isWindowKey(key: string): boolean {
  return /^\d{1,15}$/.test(key) && Number(key) % STORY_WINDOW === 0;
}

/** The windows of a stored row, cleaned: only window starts with whole, non-negative counts. */
export function parseStoryWindows(json: string | undefined | null): Dict<Dict<number>> {
  const out = dict<Dict<number>>();
  if (typeof json !== 'string' || json.trim() === '') return out;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return out;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return out;
  for (const windowKey of Object.keys(parsed)) {
    if (!isWindowKey(windowKey)) continue;
    const counts = (parsed as Record<string, unknown>)[windowKey];
    if (!counts || typeof counts !== 'object' || Array.isArray(counts)) continue;
    const clean = dict<number>();
    for (const ambitionKey of Object.keys(counts)) {
      const n = (counts as Record<string, unknown>)[ambitionKey];
      if (ambitionKey !== '' && isCount(n) && n > 0) clean[ambitionKey] = n;
    }
    out[String(Number(windowKey))] = clean;
  }
  return out;
}

/** Published stories per ambition key over every window of a stored row (never throws). */
export function sumStoryWindows(json: string | undefined | null): Dict<number> {
  const sums = dict<number>();
  const windows = parseStoryWindows(json);
  for (const windowKey of Object.keys(windows)) {
    const counts = windows[windowKey];
    for (const ambitionKey of Object.keys(counts))
      sums[ambitionKey] = (own(sums, ambitionKey) || 0) + counts[ambitionKey];
  }
  return sums;
}

/**
 * The row with one window's counts replaced, as canonical JSON (windows by number, keys sorted, no
 * zero counts, no empty windows) — so a recount that changed nothing gives the same string and
 * writes nothing. Garbled parts of the previous row are dropped.
 */
export function withStoryWindow(
  json: string | undefined | null,
  start: number,
  counts: Readonly<Record<string, number>>,
): string {
  const windows = parseStoryWindows(json);
  const clean = dict<number>();
  for (const key of Object.keys(counts)) {
    const n = counts[key];
    if (key !== '' && isCount(n) && n > 0) clean[key] = n;
  }
  windows[String(storyWindow(start))] = clean;
  return storyWindowsJson(windows);
}

/** Canonical JSON of windows (see `withStoryWindow`). */
export function storyWindowsJson(windows: Readonly<Record<string, Readonly<Record<string, number>>>>): string {
  const parts: string[] = [];
  const starts = Object.keys(windows)
    .filter(isWindowKey)
    .map(Number)
    .sort((a, b) => a - b);
  for (const start of starts) {
    const counts = windows[String(start)];
    const keys = Object.keys(counts)
      .filter((k) => k !== '' && isCount(counts[k]) && counts[k] > 0)
      .sort();
    if (keys.length === 0) continue;
    parts.push(`${JSON.stringify(String(start))}:{${keys.map((k) => `${JSON.stringify(k)}:${counts[k]}`).join(',')}}`);
  }
  return `{${parts.join(',')}}`;
}
