/**
 * Broken data, written straight into the lists as a script, an older version or a person editing
 * the list in SharePoint could leave it: missing fields, choice values this build does not know
 * (added to the column by an administrator or a newer version), references to items that were
 * deleted, keys of ambitions and commitments that do not exist, and a link that is not http(s).
 * Shared by `brokenData.test.ts` (through the repositories) and the browser test (on the page).
 */
import { createLocalSp } from '../../localsp/client';
import { listTitle } from '../../src/data/schema/lists';
import type { ListKey } from '../../src/data/schema/types';
import { newClientKey } from '../../src/domain/clientKey';

/** Where the local SharePoint is: `url` is its origin (for `/_local/` hooks). */
export interface ISiteAddress {
  url: string;
  siteUrl: string;
}

/** What was planted, for the checks. */
export interface IBrokenData {
  /** A department holding only broken plans. */
  unitId: number;
  /** The plan the view should pick (current year, unknown status). */
  planId: number;
  initiativeIds: number[];
  storyIds: number[];
  taskIds: number[];
  /** Values that are not in this build's code lists, per column. */
  unknownChoices: Record<string, string>;
}

/** Choice values this build does not know, as an administrator (or a newer version) added them. */
export const UNKNOWN_CHOICES: Array<{ list: ListKey; field: string; value: string }> = [
  { list: 'plans', field: 'PlanStatus', value: 'archived' },
  { list: 'initiatives', field: 'InitiativeStatus', value: 'paused' },
  { list: 'checkIns', field: 'Health', value: 'blue' },
  { list: 'tasks', field: 'TaskStatus', value: 'blocked' },
  { list: 'stories', field: 'StoryKind', value: 'poem' },
  { list: 'planFocuses', field: 'Relevance', value: 'critical' },
];

async function bulk(
  site: ISiteAddress,
  list: ListKey,
  author: string,
  items: Record<string, unknown>[],
): Promise<number[]> {
  const body = items.map((item) => ({ ClientKey: newClientKey(), Title: 'Defekt', ...item }));
  const response = await fetch(`${site.url}/_local/lists/${encodeURIComponent(listTitle(list))}/bulk`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ items: body, author }),
  });
  const json = (await response.json()) as { firstId: number; count: number };
  if (!response.ok) throw new Error(`bulk ${list}: ${response.status} ${JSON.stringify(json)}`);
  return Array.from({ length: json.count }, (_, i) => json.firstId + i);
}

/** Deletes items as the site owner (to leave references dangling). */
async function remove(site: ISiteAddress, list: ListKey, ids: number[]): Promise<void> {
  const sp = createLocalSp(site.siteUrl, 'admin@mpk.local');
  for (const id of ids) await sp.web.lists.getByTitle(listTitle(list)).items.getById(id).delete();
}

/** Plants the broken items under a new department of `parentUnitId`; `year` is the current year. */
export async function plantBrokenData(site: ISiteAddress, parentUnitId: number, year: number): Promise<IBrokenData> {
  const admin = createLocalSp(site.siteUrl, 'admin@mpk.local');
  for (const { list, field, value } of UNKNOWN_CHOICES) {
    const column = admin.web.lists.getByTitle(listTitle(list)).fields.getByInternalNameOrTitle(field);
    const { Choices } = (await column.select('Choices')()) as { Choices: string[] };
    if (Choices.indexOf(value) < 0) await column.update({ Choices: [...Choices, value] }, 'SP.FieldChoice');
  }
  const leder = 'leder@mpk.local';
  const medarbejder = 'medarbejder@mpk.local';
  const [unitId] = await bulk(site, 'units', 'admin@mpk.local', [
    { Title: 'Defekt afdeling', UnitKind: 'department', ParentUnitId: parentUnitId, SortOrder: 999 },
  ]);

  // Plans: the current one with an unknown status, one with nothing but its unit, one with a bad period.
  const [planId, , , deletedPlan] = await bulk(site, 'plans', leder, [
    { UnitId: unitId, Period: String(year), PlanStatus: 'archived' },
    { UnitId: unitId },
    { UnitId: unitId, Period: 'snart', PlanStatus: 'draft' },
    { UnitId: unitId, Period: String(year - 5), PlanStatus: 'closed' },
  ]);
  await bulk(site, 'planFocuses', leder, [
    {
      PlanId: planId,
      UnitId: unitId,
      AmbitionKey: 'mod-og-stolthed',
      Relevance: 'critical',
      LocalMeaning: 'Ukendt relevans',
    },
    { PlanId: planId, UnitId: unitId, AmbitionKey: 'ukendt-ambition', Relevance: 'high' },
    { PlanId: planId, UnitId: unitId },
  ]);
  const initiativeIds = await bulk(site, 'initiatives', leder, [
    {
      PlanId: planId,
      UnitId: unitId,
      Title: 'Indsats med ukendt status',
      AmbitionKey: 'gode-rammer',
      InitiativeStatus: 'paused',
    },
    { PlanId: planId, UnitId: unitId, Title: 'Indsats uden felter' },
    {
      PlanId: planId,
      UnitId: unitId,
      Title: 'Indsats med ukendte nøgler',
      AmbitionKey: 'ukendt-ambition',
      CommitmentKey: 'ukendt-1',
      InitiativeStatus: 'inProgress',
      PoliticalPriorityId: 99999,
      LinkUrl: 'javascript:window.__pwned=1',
    },
    {
      PlanId: planId,
      UnitId: unitId,
      Title: 'Stoppet uden begrundelse',
      AmbitionKey: 'viden-og-faglighed',
      InitiativeStatus: 'stopped',
      StartDate: '2026-05-01T12:00:00Z',
      EndDate: '2026-01-01T12:00:00Z',
    },
    {
      PlanId: deletedPlan,
      UnitId: unitId,
      Title: 'Indsats i en slettet plan',
      AmbitionKey: 'gode-rammer',
      InitiativeStatus: 'planned',
    },
  ]);
  const [deletedInitiative] = await bulk(site, 'initiatives', leder, [
    { PlanId: planId, UnitId: unitId, Title: 'Slettes', AmbitionKey: 'gode-rammer', InitiativeStatus: 'planned' },
  ]);
  await bulk(site, 'checkIns', leder, [
    {
      InitiativeId: initiativeIds[0],
      UnitId: unitId,
      Health: 'blue',
      Progress: 250,
      CheckInDate: '2026-01-10T12:00:00Z',
      CheckInComment: 'Ukendt sundhed og 250 %',
    },
    { InitiativeId: initiativeIds[1], UnitId: unitId },
    {
      InitiativeId: deletedInitiative,
      UnitId: unitId,
      Health: 'green',
      Progress: 10,
      CheckInDate: '2026-01-11T12:00:00Z',
    },
  ]);
  await bulk(site, 'comments', medarbejder, [
    { InitiativeId: initiativeIds[0], UnitId: unitId },
    { InitiativeId: deletedInitiative, UnitId: unitId, Body: 'Kommentar til en slettet indsats' },
    { PlanId: planId, InitiativeId: initiativeIds[1], UnitId: unitId, Body: 'Både plan og indsats' },
  ]);
  const taskIds = await bulk(site, 'tasks', 'chef@mpk.local', [
    {
      Title: 'Opgave med ukendt status',
      UnitId: unitId,
      AmbitionKey: 'gode-rammer',
      TaskStatus: 'blocked',
      DueDate: '2026-02-01T12:00:00Z',
    },
    { Title: 'Opgave uden felter', UnitId: unitId },
    {
      Title: 'Opgave om en slettet indsats',
      UnitId: unitId,
      InitiativeId: deletedInitiative,
      TaskStatus: 'open',
      DueDate: '2026-03-01T12:00:00Z',
    },
    {
      Title: 'Opgave i en slettet enhed',
      UnitId: 99999,
      AmbitionKey: 'ukendt-ambition',
      TaskStatus: 'open',
      DueDate: '2026-03-01T12:00:00Z',
    },
  ]);
  // Stories approved, so everyone's feed shows them.
  const approved = { OData__ModerationStatus: 0 };
  const storyIds = await bulk(site, 'stories', medarbejder, [
    { ...approved, Title: 'Historie uden tekst og slags' },
    {
      ...approved,
      Title: 'Historie af ukendt slags',
      StoryKind: 'poem',
      AmbitionKey: 'ukendt-ambition',
      UnitId: 99999,
      Body: '<p>Et digt</p>',
    },
    {
      ...approved,
      Title: 'Historie med farlig tekst',
      StoryKind: 'success',
      AmbitionKey: 'mod-og-stolthed',
      Body: `<p>Hej</p><img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script><a href="javascript:window.__pwned=1">klik</a>`,
    },
  ]);
  await bulk(site, 'reflections', medarbejder, [
    {},
    { AmbitionKey: 'ukendt-ambition', Meaning: 'Note om en ukendt ambition' },
  ]);
  await remove(site, 'initiatives', [deletedInitiative]);
  await remove(site, 'plans', [deletedPlan]);
  return {
    unitId,
    planId,
    initiativeIds,
    storyIds,
    taskIds,
    unknownChoices: Object.fromEntries(UNKNOWN_CHOICES.map((c) => [c.field, c.value])),
  };
}
