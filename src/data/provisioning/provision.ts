/**
 * "Klargør site": creates and upgrades the lists, columns, indexes, groups and permissions, and seeds
 * the reference data — idempotently. It reads the site's state first (see `state.ts`), diffs it
 * against the schema (`schema/diff.ts`) and writes only the difference, so a second run on a site that
 * is up to date sends no write at all. Data is never deleted: columns and lists are only added, and
 * an upgrade step may fill a new column of existing items (v4: `StoryFeatured` on recognitions).
 */
import '../spAdminParts';
import type { SPFI } from '@pnp/sp';
import type { AddFieldOptions } from '@pnp/sp/fields';
import type { IList } from '@pnp/sp/lists';
import { AMBITIONS } from '../../domain/ambitions';
import { INDICATOR_SEEDS, POLITICAL_PRIORITY_SEEDS, UNIT_SEEDS } from '../../domain/seeds';
import { toDataError } from '../errors';
import { ambitionFields, commitmentFields } from '../mapping/entities';
import {
  fetchAll,
  fetchPage,
  inBatch,
  itemsQuery,
  MAX_PAGE,
  readPage,
  settle,
  type Settled,
} from '../repositories/query';
import { recognitionCodec, storyCodec } from '../mapping/entities';
import { recountAllStories } from '../repositories/summaries';
import { rebuildUnitSummaries } from '../repositories/unitSummaries';
import { fillLastCheckIns } from '../notifications/lastCheckIn';
import {
  diffPermissions,
  diffRoleDefinitions,
  diffSchema,
  type PermissionAction,
  type SchemaAction,
} from '../schema/diff';
import { ADD_FIELD_OPTIONS, fieldSchemaXml } from '../schema/fieldXml';
import { SCHEMA_VERSION, SCHEMA_VERSION_SETTING, listTitle, schemaAt } from '../schema/lists';
import type { ISchema, ListKey, RoleKey } from '../schema/types';
import type { IProvisionChange, IProvisionReport } from './report';
import { healthOfState } from './health';
import { readSiteState, type ISiteState } from './state';

/** Options of a provisioning run. */
export interface IProvisionOptions {
  /** Provision the schema as of this version (tests use an older one to check upgrades). */
  version?: number;
  /** Seed the reference data (ambitions, commitments, units, political priorities). Default true. */
  seedReferenceData?: boolean;
  /** Provision this schema instead of the build's (tests of settings the build leaves unset). */
  schema?: ISchema;
}

/** A write to run, and the change it stands for. */
interface IWrite {
  run: (sp: SPFI) => Promise<unknown>;
  change: IProvisionChange;
}

/** Runs writes in `$batch`es (20 per POST); throws the first failure after all have settled. */
async function runWrites(sp: SPFI, writes: readonly IWrite[], report: IProvisionReport): Promise<void> {
  if (writes.length === 0) return;
  const results = await inBatch(sp, (b) => writes.map((w) => settle(w.run(b))));
  let firstError: unknown;
  for (let i = 0; i < writes.length; i++) {
    const result: Settled<unknown> = await results[i];
    report.writes++;
    if (result.ok) report.changes.push(writes[i].change);
    else if (firstError === undefined) firstError = result.error;
  }
  if (firstError !== undefined) throw toDataError(firstError);
}

function list(sp: SPFI, key: ListKey): IList {
  return sp.web.lists.getByTitle(listTitle(key));
}

function schemaWrite(action: Exclude<SchemaAction, { kind: 'fieldTypeMismatch' }>): IWrite {
  const title = action.list.title;
  switch (action.kind) {
    case 'createList': {
      const s = action.list.settings;
      return {
        run: (sp) => sp.web.lists.add(title, action.list.description, action.list.template, false, { ...s }),
        change: { kind: 'listCreated', target: title },
      };
    }
    case 'updateList':
      return {
        run: (sp) => sp.web.lists.getByTitle(title).update({ ...action.changes }),
        change: { kind: 'listUpdated', target: title, detail: Object.keys(action.changes).join(', ') },
      };
    case 'createField':
      return {
        run: (sp) =>
          sp.web.lists.getByTitle(title).fields.createFieldAsXml({
            SchemaXml: fieldSchemaXml(action.field),
            Options: ADD_FIELD_OPTIONS as AddFieldOptions,
          }),
        change: { kind: 'fieldCreated', target: `${title}/${action.field.name}` },
      };
    case 'updateField':
      return {
        run: (sp) =>
          sp.web.lists
            .getByTitle(title)
            .fields.getByInternalNameOrTitle(action.field)
            .update({ ...action.changes }, action.odataType),
        change: {
          kind: 'fieldUpdated',
          target: `${title}/${action.field}`,
          detail: Object.keys(action.changes).join(', '),
        },
      };
  }
}

function permissionWrite(action: PermissionAction): IWrite {
  const scopeName = (scope: ListKey | 'web'): string => (scope === 'web' ? '(site)' : listTitle(scope));
  switch (action.kind) {
    case 'breakInheritance':
      return {
        // Copy the site's assignments, then replace the roles this list needs (see diffPermissions).
        run: (sp) => list(sp, action.list).breakRoleInheritance(true, false),
        change: { kind: 'inheritanceBroken', target: listTitle(action.list) },
      };
    case 'resetInheritance':
      return {
        run: (sp) => list(sp, action.list).resetRoleInheritance(),
        change: { kind: 'inheritanceReset', target: listTitle(action.list) },
      };
    case 'addRole':
      return {
        run: (sp) =>
          (action.scope === 'web' ? sp.web : list(sp, action.scope)).roleAssignments.add(
            action.principalId,
            action.roleDefId,
          ),
        change: { kind: 'roleAdded', target: scopeName(action.scope), detail: `${action.principal}: ${action.role}` },
      };
    case 'removeRole':
      return {
        run: (sp) =>
          (action.scope === 'web' ? sp.web : list(sp, action.scope)).roleAssignments.remove(
            action.principalId,
            action.roleDefId,
          ),
        change: {
          kind: 'roleRemoved',
          target: scopeName(action.scope),
          detail: `${action.principal}: role ${action.roleDefId}`,
        },
      };
  }
}

/**
 * The reference items a site lacks, by stable key (only of lists `schema` has: v8's indicators are not
 * seeded by an older schema). An item that exists is never written again: what a site owner changed
 * in it (a title, the ambition an indicator informs) stays.
 */
export function missingReferenceItems(
  state: Pick<ISiteState, 'referenceKeys'>,
  schema: Pick<ISchema, 'lists'> = schemaAt(SCHEMA_VERSION),
): { list: ListKey; body: Record<string, unknown> }[] {
  const has = (key: ListKey, clientKey: string): boolean => {
    const keys = state.referenceKeys[key];
    return keys !== undefined && keys.has(clientKey);
  };
  const items: { list: ListKey; body: Record<string, unknown> }[] = [];
  for (const ambition of AMBITIONS) {
    if (!has('ambitions', ambition.key)) items.push({ list: 'ambitions', body: ambitionFields(ambition) });
    for (const commitment of ambition.commitments) {
      if (!has('commitments', commitment.key))
        items.push({ list: 'commitments', body: commitmentFields(ambition.key, commitment) });
    }
  }
  for (const unit of UNIT_SEEDS) {
    if (!has('units', unit.key))
      items.push({
        list: 'units',
        body: { ClientKey: unit.key, Title: unit.name, UnitKind: unit.kind, SortOrder: unit.order },
      });
  }
  for (const priority of POLITICAL_PRIORITY_SEEDS) {
    if (!has('politicalPriorities', priority.key)) {
      items.push({
        list: 'politicalPriorities',
        body: { ClientKey: priority.key, Title: priority.title, SortOrder: priority.order, IsActive: true },
      });
    }
  }
  for (const indicator of INDICATOR_SEEDS) {
    if (!has('indicators', indicator.key)) {
      items.push({
        list: 'indicators',
        body: {
          ClientKey: indicator.key,
          Title: indicator.title,
          IndicatorUnit: indicator.unit,
          Direction: indicator.direction,
          AmbitionKey: indicator.ambitionKey,
          SortOrder: indicator.order,
          IsActive: true,
        },
      });
    }
  }
  return items.filter((item) => schema.lists.some((l) => l.key === item.list));
}

/** Provisions (or upgrades) the site to a schema version and reports what it changed. */
export async function provision(sp: SPFI, options: IProvisionOptions = {}): Promise<IProvisionReport> {
  const schema: ISchema = options.schema || schemaAt(options.version === undefined ? SCHEMA_VERSION : options.version);
  const target = schema.version;
  const state = await readSiteState(sp, schema);
  const health = healthOfState(schema, state);
  const report: IProvisionReport = { fromVersion: state.installedVersion, toVersion: target, changes: [], writes: 0 };
  if (health.length > 0) report.health = health;

  if (state.installedVersion !== undefined && state.installedVersion > target) {
    // A newer build provisioned this site: adding what we know is safe, but the version stays.
    report.changes.push({
      kind: 'warning',
      target: listTitle('settings'),
      detail: `site is at v${state.installedVersion}, newer than v${target}`,
    });
  }

  // 1. Groups the product owns.
  for (const group of schema.groups) {
    if (state.principals[group.key] !== undefined) continue;
    try {
      const created = (await sp.web.siteGroups.add({ Title: group.title, Description: group.description })) as {
        Id: number;
      };
      state.principals[group.key] = created.Id;
      report.writes++;
      report.changes.push({ kind: 'groupCreated', target: group.title });
    } catch (error) {
      throw toDataError(error);
    }
  }

  // 2. Lists first (a column needs its list), then columns and settings.
  const actions = diffSchema(schema, state.lists);
  for (const action of actions) {
    if (action.kind === 'fieldTypeMismatch') {
      report.changes.push({
        kind: 'warning',
        target: `${action.list.title}/${action.field}`,
        detail: `type ${action.actual}, expected ${action.expected}`,
      });
    }
  }
  const listWrites = actions
    .filter((a) => a.kind === 'createList')
    .map((a) => schemaWrite(a as Exclude<SchemaAction, { kind: 'fieldTypeMismatch' }>));
  await runWrites(sp, listWrites, report);
  const otherWrites = actions
    .filter((a) => a.kind !== 'createList' && a.kind !== 'fieldTypeMismatch')
    .map((a) => schemaWrite(a as Exclude<SchemaAction, { kind: 'fieldTypeMismatch' | 'createList' }>));
  await runWrites(sp, otherWrites, report);

  // 3. Permissions. The product's own levels first (a role assignment names one), then the
  // assignments. Lists created just now inherit, so they start from the site's assignments.
  for (const action of diffRoleDefinitions(schema, state.roleDefinitions)) {
    const def = action.definition;
    try {
      if (action.kind === 'createRoleDefinition') {
        const created = await sp.web.roleDefinitions.add(def.name, def.description, def.order, {
          ...def.basePermissions,
        });
        state.roleDefs[def.key] = Number((created.data as { Id: number }).Id);
        report.changes.push({ kind: 'roleDefinitionCreated', target: def.name });
      } else {
        await sp.web.roleDefinitions
          .getById(action.id)
          .update({ BasePermissions: { ...def.basePermissions } } as never);
        report.changes.push({ kind: 'roleDefinitionUpdated', target: def.name, detail: 'BasePermissions' });
      }
      report.writes++;
    } catch (error) {
      throw toDataError(error);
    }
  }
  const roleDefs = state.roleDefs as Record<RoleKey, number>;
  const missingLevels = (['read', 'contribute', 'edit', 'fullControl'] as RoleKey[]).filter(
    (k) => roleDefs[k] === undefined,
  );
  if (missingLevels.length > 0) {
    report.changes.push({
      kind: 'warning',
      target: '(site)',
      detail: `permission levels not found: ${missingLevels.join(', ')}`,
    });
  } else {
    for (const key of ['owners', 'members', 'visitors'] as const) {
      if (state.principals[key] === undefined)
        report.changes.push({ kind: 'warning', target: '(site)', detail: `no associated ${key} group` });
    }
    const permissionActions = diffPermissions(schema, {
      principals: state.principals,
      roleDefs,
      webRoleAssignments: state.webRoleAssignments,
      lists: state.lists,
    });
    await runWrites(sp, permissionActions.map(permissionWrite), report);
  }

  // 4. Reference data, by stable key.
  if (options.seedReferenceData !== false) {
    const missing = missingReferenceItems(state, schema);
    const writes: IWrite[] = missing.map((item) => ({
      run: (b) => list(b, item.list).items.add(item.body),
      change: { kind: 'itemsSeeded', target: `${listTitle(item.list)}/${String(item.body.ClientKey)}` },
    }));
    await runWrites(sp, writes, report);
  }

  // 5. Upgrade steps that fill new columns of existing items (only when coming from an older version).
  if (state.installedVersion !== undefined && state.installedVersion < 4 && target >= 4) {
    const writes = await featuredRecognitionWrites(sp);
    for (let i = 0; i < writes.length; i += WRITES_PER_BATCH)
      await runWrites(sp, writes.slice(i, i + WRITES_PER_BATCH), report);
  }

  // 5b. Data steps that need the new lists and columns (fresh sites and upgrades across their version).
  for (const step of afterProvisionSteps(schema, state.installedVersion)) {
    try {
      const wrote = await step.run(sp);
      if (wrote) {
        report.writes++;
        report.changes.push({ kind: 'itemsUpdated', target: step.target, detail: step.detail });
      }
    } catch (error) {
      throw toDataError(error);
    }
  }

  // 6. The installed version, last: a run that failed half-way is picked up again next time.
  if (state.installedVersion === undefined || state.installedVersion < target) {
    const value = String(target);
    const write: IWrite = state.versionItem
      ? {
          run: (b) =>
            list(b, 'settings')
              .items.getById((state.versionItem as { id: number }).id)
              .update({ SettingValue: value }),
          change: { kind: 'versionSet', target: SCHEMA_VERSION_SETTING, detail: `v${target}` },
        }
      : {
          run: (b) =>
            list(b, 'settings').items.add({
              ClientKey: SCHEMA_VERSION_SETTING,
              Title: SCHEMA_VERSION_SETTING,
              SettingValue: value,
            }),
          change: { kind: 'versionSet', target: SCHEMA_VERSION_SETTING, detail: `v${target}` },
        };
    await runWrites(sp, [write], report);
  }
  return report;
}

/**
 * A data step provisioning runs once a site has the schema it needs: on a fresh site and on the
 * upgrade from a version below `since`. It runs after the lists, columns and permissions and before
 * the version is set, so a run that fails half-way runs it again next time. `run` returns whether it
 * wrote (at most one write counted per step in the report).
 */
export interface IAfterProvisionStep {
  /** The schema version whose lists and columns the step needs and fills. */
  since: number;
  /** Lists the step reads and writes (it is skipped by a schema without them). */
  lists: readonly ListKey[];
  /** What it writes, for the report (e.g. "MPK Overblik/stories"). */
  target: string;
  detail: string;
  run: (sp: SPFI) => Promise<boolean>;
}

/**
 * The data steps after provisioning, in order. v6: the published stories per ambition and every
 * unit's summary in "MPK Overblik", computed from the truth; v7: each initiative's latest check-in date.
 */
export const afterProvision: IAfterProvisionStep[] = [
  {
    since: 6,
    lists: ['stories', 'summaries'],
    target: 'MPK Overblik/stories',
    detail: 'recounted',
    run: recountAllStories,
  },
  {
    since: 6,
    lists: ['units', 'plans', 'planFocuses', 'initiatives', 'checkIns', 'tasks', 'summaries'],
    target: 'MPK Overblik/units',
    detail: 'recomputed',
    run: async (sp) => (await rebuildUnitSummaries(sp)) > 0,
  },
  {
    since: 7,
    lists: ['initiatives', 'checkIns'],
    target: 'MPK Indsatser/LastCheckIn',
    detail: 'filled',
    run: fillLastCheckIns,
  },
];

/** The steps a run must do: the schema reaches their version, has their lists, and the site came from below it. */
export function afterProvisionSteps(
  schema: ISchema,
  installedVersion: number | undefined,
  steps: readonly IAfterProvisionStep[] = afterProvision,
): IAfterProvisionStep[] {
  return steps.filter(
    (step) =>
      schema.version >= step.since &&
      (installedVersion === undefined || installedVersion < step.since) &&
      step.lists.every((key) => schema.lists.some((l) => l.key === key)),
  );
}

/** Writes per `$batch` of an upgrade step (SharePoint Online: at most 20 requests per batch). */
const WRITES_PER_BATCH = 20;

/**
 * v3 → v4: the recognitions of stories featured before v4 get `StoryFeatured` (from then on "Fremhæv"
 * and recognising keep it). Featured stories are few (an indexed filter), and each has at most one
 * recognition per person: every read stays below the threshold.
 */
async function featuredRecognitionWrites(sp: SPFI): Promise<IWrite[]> {
  try {
    const featured = await fetchAll(
      sp,
      await readPage(sp, storyCodec, {
        select: ['Id'],
        filter: 'Featured eq 1',
        orderBy: [['Id', false]],
        top: MAX_PAGE,
      }),
    );
    const ids = featured.map((row) => Number(row.Id));
    const writes: IWrite[] = [];
    for (let i = 0; i < ids.length; i += WRITES_PER_BATCH) {
      const chunk = ids.slice(i, i + WRITES_PER_BATCH);
      const reads = await inBatch(sp, (b) =>
        chunk.map((id) =>
          settle(
            fetchPage(
              itemsQuery(b, recognitionCodec, {
                select: ['Id', 'StoryFeatured'],
                filter: `StoryId eq ${id}`,
                top: MAX_PAGE,
              }),
            ),
          ),
        ),
      );
      for (const read of reads) {
        const result = await read;
        if (!result.ok) throw result.error;
        for (const row of await fetchAll(sp, result.value)) {
          if (row.StoryFeatured === true) continue;
          const id = Number(row.Id);
          writes.push({
            run: (b) => list(b, 'recognitions').items.getById(id).update({ StoryFeatured: true }),
            change: { kind: 'itemsUpdated', target: `${listTitle('recognitions')}/${id}`, detail: 'StoryFeatured' },
          });
        }
      }
    }
    return writes;
  } catch (error) {
    throw toDataError(error);
  }
}

/** The list titles of the schema, for messages and the CLI. */
export function schemaListTitles(): string[] {
  return schemaAt(SCHEMA_VERSION).lists.map((l) => l.title);
}
