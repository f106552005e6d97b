/**
 * The ambitions view's numbers per ambition — plans that give it a relevance, initiatives, published
 * stories — kept in the `Totals` column of "MPK Overblik" (issue 15): a unit's row holds its plans and
 * initiatives per ambition, the `stories` row the published stories. The view reads that one column
 * of every row (a few dozen bytes a unit) instead of the newest 5,000 rows of three lists.
 *
 * Stored as a JSON array of counts in the strategy's order of the ambitions: a unit's
 * `[plans₁, initiatives₁, …, plans₅, initiatives₅]`, the stories row's `[stories₁ … stories₅]`.
 */
import { AMBITION_LIST } from './ambitionTitles';
import { dict, own } from './dict';
import type { IInitiative, IPlanFocus } from './model';

/** Counts per ambition (the ambitions view's `IAmbitionCounts`). */
export interface IAmbitionTotals {
  plans: number;
  initiatives: number;
  stories: number;
}

function indexOfAmbition(key: unknown): number {
  return AMBITION_LIST.findIndex((ambition) => ambition.key === key);
}

/**
 * One unit's plans and initiatives per ambition, from its rows: a plan counts once per ambition it
 * gives any relevance but "not relevant"; every initiative counts under its ambition.
 */
export function unitTotals(focuses: readonly IPlanFocus[], initiatives: readonly IInitiative[]): number[] {
  const out = AMBITION_LIST.flatMap(() => [0, 0]);
  const seen = new Set<string>();
  for (const focus of focuses) {
    const index = indexOfAmbition(focus.ambitionKey);
    if (index < 0 || !focus.relevance || focus.relevance === 'notRelevant') continue;
    const key = `${index}|${focus.planId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out[2 * index]++;
  }
  for (const initiative of initiatives) {
    const index = indexOfAmbition(initiative.ambitionKey);
    if (index >= 0) out[2 * index + 1]++;
  }
  return out;
}

/** The stories row's totals from published stories per ambition key (keys the strategy does not have are left out). */
export function storyTotals(perAmbition: Readonly<Record<string, number>>): number[] {
  return AMBITION_LIST.map((ambition) => own(perAmbition, ambition.key) || 0);
}

/** A stored totals text, checked: `length` counts, or undefined (anyone who may write the list could store anything). */
export function parseTotals(text: unknown, length: number): number[] | undefined {
  if (typeof text !== 'string' || text.length === 0 || text.length > 2000) return undefined;
  try {
    const raw: unknown = JSON.parse(text);
    if (!Array.isArray(raw) || raw.length !== length) return undefined;
    return raw.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0) ? (raw as number[]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The view's counts from the rows' totals: every unit's plans and initiatives, the stories row's
 * stories. `complete` is false when a unit of `unitIds` has no usable row, or the stories row has none.
 */
export function countsFromTotals(
  rows: readonly { key: string; unitId?: number; totals?: string }[],
  unitIds: readonly number[],
): { counts: Record<string, IAmbitionTotals>; complete: boolean } {
  const counts = dict<IAmbitionTotals>();
  for (const ambition of AMBITION_LIST) counts[ambition.key] = { plans: 0, initiatives: 0, stories: 0 };
  const counted = new Set<number>();
  let stories = false;
  for (const row of rows) {
    if (row.key === 'stories') {
      const totals = stories ? undefined : parseTotals(row.totals, AMBITION_LIST.length);
      if (!totals) continue;
      stories = true;
      AMBITION_LIST.forEach((ambition, i) => (counts[ambition.key].stories = totals[i]));
      continue;
    }
    if (typeof row.unitId !== 'number' || row.key !== `unit-${row.unitId}` || counted.has(row.unitId)) continue;
    const totals = parseTotals(row.totals, 2 * AMBITION_LIST.length);
    if (!totals) continue;
    counted.add(row.unitId);
    AMBITION_LIST.forEach((ambition, i) => {
      counts[ambition.key].plans += totals[2 * i];
      counts[ambition.key].initiatives += totals[2 * i + 1];
    });
  }
  return { counts, complete: stories && unitIds.every((id) => counted.has(id)) };
}
