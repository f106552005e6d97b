/** @jest-environment node */
import {
  diffPermissions,
  diffRoleDefinitions,
  diffSchema,
  type IListState,
  type IRoleDefinitionState,
} from '../../src/data/schema/diff';
import { fieldSchemaXml } from '../../src/data/schema/fieldXml';
import { DIRECTION_CHOICES, LISTS, SCHEMA, SCHEMA_VERSION, schemaAt } from '../../src/data/schema/lists';
import { MEASURE_DIRECTIONS } from '../../src/domain/measurements';
import type { IFieldSchema, IListSchema, RoleKey } from '../../src/data/schema/types';
import { storyFilter } from '../../src/data/repositories/stories';
import { taskFilter } from '../../src/data/repositories/tasks';
import * as entities from '../../src/data/mapping/entities';
import { lookupColumns, MAX_LOOKUP_COLUMNS, odataName, selectFor, type ICodec } from '../../src/data/mapping/codec';
import { assertLookupLimit, selectOf } from '../../src/data/repositories/query';
import type { IEntity } from '../../src/domain/model';

/** A list state exactly as the schema wants it. */
function provisionedState(list: IListSchema, unique = false): IListState {
  return {
    id: `id-${list.key}`,
    title: list.title,
    settings: { ...list.settings },
    hasUniqueRoleAssignments: unique,
    fields: [
      ...list.fields.map((f) => ({
        name: f.name,
        type: f.type,
        indexed: !!f.indexed,
        unique: !!f.unique,
        choices: f.choices,
        odataType: 'SP.Field',
      })),
      ...(list.builtInFields || []).map((f) => ({
        name: f.name,
        type: 'User',
        indexed: f.indexed,
        unique: false,
        odataType: 'SP.FieldUser',
      })),
      { name: 'Title', type: 'Text', indexed: false, unique: false, odataType: 'SP.FieldText' },
    ],
  };
}

const ROLE_DEFS: Record<RoleKey, number> = {
  read: 1073741826,
  contribute: 1073741827,
  edit: 1073741830,
  fullControl: 1073741829,
  contributor: 1073741831,
};
const PRINCIPALS = { owners: 3, visitors: 4, members: 5, chefgruppe: 11 };
const WEB_ASSIGNMENTS = [
  { principalId: 3, roleDefIds: [ROLE_DEFS.fullControl] },
  { principalId: 5, roleDefIds: [ROLE_DEFS.edit] },
  { principalId: 4, roleDefIds: [ROLE_DEFS.read] },
];

describe('the schema as data', () => {
  it('has ASCII list titles and internal names, so SharePoint never encodes them', () => {
    for (const list of LISTS) {
      expect(list.title).toMatch(/^[A-Za-z ]+$/);
      for (const field of list.fields) expect(field.name).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
    }
  });

  it('gives every list a unique, indexed ClientKey', () => {
    // A library's files are keyed by their name (a story's picture is `<story ClientKey>.jpg`).
    for (const list of SCHEMA.lists.filter((l) => l.template === 100)) {
      const key = list.fields.find((f) => f.name === 'ClientKey');
      expect(key).toMatchObject({ type: 'Text', indexed: true, unique: true });
    }
  });

  it('puts content approval on stories, versioning on plans and initiatives, private reflections', () => {
    const byKey = new Map(SCHEMA.lists.map((l) => [l.key, l]));
    expect(byKey.get('stories')?.settings).toMatchObject({
      EnableModeration: true,
      EnableVersioning: true,
      DraftVersionVisibility: 2,
    });
    expect(byKey.get('plans')?.settings.EnableVersioning).toBe(true);
    expect(byKey.get('initiatives')?.settings.EnableVersioning).toBe(true);
    expect(byKey.get('reflections')?.settings).toMatchObject({ ReadSecurity: 2, WriteSecurity: 2 });
  });

  it('indexes every column the product filters or sorts on', () => {
    const indexed = (listKey: string, name: string): boolean => {
      const list = SCHEMA.lists.find((l) => l.key === listKey) as IListSchema;
      if (name === 'Id') return true;
      if (name === 'AuthorId') return !!(list.builtInFields || []).find((f) => f.name === 'Author' && f.indexed);
      const field = list.fields.find((f) => odataName(f.name, f.type === 'User' ? 'user' : 'text') === name);
      return !!field && !!field.indexed;
    };
    const columnsIn = (filter: string | undefined): string[] =>
      (filter || '')
        .split(/ and | or /)
        .map((part) => part.trim().split(' ')[0])
        .filter(Boolean);
    for (const column of columnsIn(
      taskFilter({ assigneeId: 1, unitId: 2, meeting: 'm', status: 'open', overdueOn: '2026-01-01' }),
    ))
      expect([column, indexed('tasks', column)]).toEqual([column, true]);
    for (const column of columnsIn(storyFilter({ unitId: 1, ambitionKey: 'a', kind: 'success' })))
      expect([column, indexed('stories', column)]).toEqual([column, true]);
    // The other filters and sorts of the repositories and views:
    const used: [string, string][] = [
      ['tasks', 'DueDate'],
      ['tasks', 'AssigneeId'],
      ['stories', 'Featured'],
      ['stories', 'AuthorId'],
      ['recognitions', 'StoryId'],
      ['recognitions', 'AuthorId'],
      ['reflections', 'AuthorId'],
      ['plans', 'UnitId'],
      ['planFocuses', 'UnitId'],
      ['planFocuses', 'PlanId'],
      ['initiatives', 'UnitId'],
      ['initiatives', 'PlanId'],
      ['checkIns', 'UnitId'],
      ['checkIns', 'InitiativeId'],
      ['comments', 'UnitId'],
      ['comments', 'InitiativeId'],
      ['comments', 'PlanId'],
      ['units', 'TeamsChannelId'],
      ['settings', 'ClientKey'],
    ];
    for (const [list, column] of used) expect([list, column, indexed(list, column)]).toEqual([list, column, true]);
  });

  it('filters several ambitions and units as an or chain on the same indexed columns, with the single filters', () => {
    expect(storyFilter({ unitIds: [1, 2], ambitionKeys: ['a', "b'c"], kind: 'success' })).toBe(
      "(UnitId eq 1 or UnitId eq 2) and (AmbitionKey eq 'a' or AmbitionKey eq 'b''c') and StoryKind eq 'success'",
    );
    // A single choice inside the list makes the list redundant; outside it, nothing matches.
    expect(storyFilter({ unitId: 1, unitIds: [1, 2] })).toBe('UnitId eq 1');
    expect(storyFilter({ ambitionKey: 'a', ambitionKeys: ['b', 'c'] })).toBe(
      "AmbitionKey eq 'a' and (AmbitionKey eq 'b' or AmbitionKey eq 'c')",
    );
    expect(storyFilter({ unitIds: [3, 3] })).toBe('UnitId eq 3');
    expect(storyFilter({ unitIds: [], ambitionKeys: [] })).toBeUndefined();
    const stories = SCHEMA.lists.find((l) => l.key === 'stories') as IListSchema;
    const columns =
      (storyFilter({ unitIds: [1, 2], ambitionKeys: ['a', 'b'], kind: 'lesson' }) || '').match(/[A-Za-z]+(?= eq )/g) ||
      [];
    for (const column of columns)
      expect([column, !!stories.fields.find((f) => f.name === column)?.indexed]).toEqual([column, true]);
  });

  it('counts an expanded person column once with its id, and refuses a 13th lookup column', () => {
    expect(lookupColumns(entities.storyCodec, selectFor(entities.storyCodec))).toEqual(['Author']);
    expect(selectFor(entities.storyCodec)).toEqual(
      expect.arrayContaining(['AuthorId', 'Author/Id', 'Author/Title', 'OData__ModerationComments']),
    );
    expect(lookupColumns(entities.planCodec, selectOf(entities.planCodec, { expand: ['Owner'] }))).toEqual(['Owner']);
    expect(lookupColumns(entities.unitCodec, selectOf(entities.unitCodec, { expand: ['Leaders'] }))).toEqual([
      'Leaders',
    ]);
    expect(lookupColumns(entities.taskCodec, selectOf(entities.taskCodec, { expand: ['Assignee'] }))).toEqual([
      'Assignee',
    ]);
    const many = Array.from({ length: MAX_LOOKUP_COLUMNS + 1 }, (_, i) => `Person${i}/Title`);
    expect(() => assertLookupLimit(entities.storyCodec, many)).toThrow(/13 lookup\/person columns/);
    expect(() => assertLookupLimit(entities.storyCodec, many.slice(1))).not.toThrow();
  });

  it('keeps every query below the 12 lookup/person columns of one query', () => {
    const codecs = Object.values(entities).filter(
      (v): v is ICodec<IEntity> => !!v && typeof v === 'object' && 'columns' in v && 'list' in v,
    );
    expect(codecs.length).toBeGreaterThanOrEqual(11);
    for (const codec of codecs) {
      const lookups =
        codec.columns.filter((c) => c.conv === 'user' || c.conv === 'users').length +
        selectFor(codec).filter((s) => s === 'AuthorId').length;
      expect(lookups).toBeLessThanOrEqual(12);
      expect(lookupColumns(codec, selectFor(codec)).length).toBeLessThanOrEqual(2);
    }
  });

  it("writes a field's SchemaXml with its internal name, index and choices", () => {
    const xml = fieldSchemaXml({
      name: 'TaskStatus',
      title: 'Status',
      type: 'Choice',
      choices: ['open', 'closed'],
      indexed: true,
      since: 1,
    });
    expect(xml).toBe(
      '<Field Type="Choice" Name="TaskStatus" StaticName="TaskStatus" DisplayName="Status" Required="FALSE" Indexed="TRUE" EnforceUniqueValues="FALSE" Format="Dropdown" FillInChoice="FALSE"><CHOICES><CHOICE>open</CHOICE><CHOICE>closed</CHOICE></CHOICES></Field>',
    );
    expect(fieldSchemaXml({ name: 'Leaders', title: 'Ledere & co', type: 'UserMulti', since: 1 })).toContain(
      'Mult="TRUE"',
    );
    expect(fieldSchemaXml({ name: 'Leaders', title: 'Ledere & co', type: 'UserMulti', since: 1 })).toContain(
      'DisplayName="Ledere &amp; co"',
    );
  });
});

describe('Målinger in the schema (v8)', () => {
  it("offers exactly the domain's directions in the choice columns", () => {
    expect(DIRECTION_CHOICES).toEqual(MEASURE_DIRECTIONS);
    const choices = SCHEMA.lists.flatMap((l) =>
      l.fields.filter((f) => f.name === 'MeasureDirection' || f.name === 'Direction').map((f) => f.choices),
    );
    expect(choices).toEqual([MEASURE_DIRECTIONS, MEASURE_DIRECTIONS]);
  });

  it('keys a result by indicator, unit and period, unique and indexed, and filters results only on indexed columns', () => {
    const measurements = SCHEMA.lists.find((l) => l.key === 'measurements');
    const field = (name: string): IFieldSchema | undefined => measurements?.fields.find((f) => f.name === name);
    expect(field('ClientKey')).toMatchObject({ indexed: true, unique: true, maxLength: 255 });
    for (const name of ['IndicatorKey', 'UnitId', 'Period']) expect(field(name)?.indexed).toBe(true);
    expect(measurements?.permissions).toEqual({ chefgruppe: 'contributor', members: 'read', visitors: 'read' });
    expect(SCHEMA.lists.find((l) => l.key === 'indicators')?.permissions).toEqual({
      members: 'read',
      visitors: 'read',
    });
  });
});

describe('diffing a site against the schema', () => {
  it('creates every list and column on an empty site', () => {
    const actions = diffSchema(SCHEMA, []);
    expect(actions.filter((a) => a.kind === 'createList')).toHaveLength(SCHEMA.lists.length);
    const fieldCount = SCHEMA.lists.reduce((n, l) => n + l.fields.length, 0);
    expect(actions.filter((a) => a.kind === 'createField')).toHaveLength(fieldCount);
    // Author is indexed on stories, recognitions, reflections and (v7) the personal settings.
    expect(actions.filter((a) => a.kind === 'updateField' && a.field === 'Author')).toHaveLength(4);
  });

  it('finds nothing to do on a site that matches (a second run writes nothing)', () => {
    const state = SCHEMA.lists.map((l) => provisionedState(l, !!l.permissions));
    expect(diffSchema(SCHEMA, state)).toEqual([]);
  });

  it('upgrades v1 in place: adds the new columns and the new index, touches nothing else', () => {
    const v1 = schemaAt(1);
    const state = v1.lists.map((l) => provisionedState(l));
    const actions = diffSchema(schemaAt(SCHEMA_VERSION), state);
    expect(
      actions.map(
        (a) => `${a.kind} ${a.list.key} ${'field' in a ? (typeof a.field === 'string' ? a.field : a.field.name) : ''}`,
      ),
    ).toEqual([
      'createField units TeamsChannelName',
      // v7: the initiatives' owners indexed and their latest check-in.
      'updateField initiatives Owner',
      'createField initiatives LastCheckIn',
      // v8: the measurable success criterion and a check-in's measured value.
      'createField initiatives MeasureWhat',
      'createField initiatives MeasureUnit',
      'createField initiatives MeasureDirection',
      'createField initiatives MeasureBaseline',
      'createField initiatives MeasureBaselineDate',
      'createField initiatives MeasureTarget',
      'createField initiatives MeasureTargetDate',
      'createField checkIns MeasuredValue',
      'updateField tasks Meeting',
      // v5: drafts only for approvers and the author, with versions kept; private notes out of search.
      'updateList stories ',
      // v9: a story's picture.
      'createField stories PictureUrl',
      'createField stories PictureId',
      'createField stories PictureAlt',
      'createField stories PictureConsent',
      // v4: the featured flag copied onto recognitions (indexed at creation).
      'createField recognitions StoryFeatured',
      'updateList reflections ',
      // v6: "MPK Overblik", the overview's counts.
      'createList summaries ',
      'createField summaries ClientKey',
      'createField summaries UnitId',
      'createField summaries Summary',
      'createField summaries Totals',
      // v7: "Nyt til dig", two new lists.
      'createList notifications ',
      'createField notifications ClientKey',
      'createField notifications Recipient',
      'createField notifications NotificationKind',
      'createField notifications TargetType',
      'createField notifications TargetId',
      'createField notifications UnitId',
      'createField notifications Subject',
      'createField notifications Delivery',
      'createList personalSettings ',
      'createField personalSettings ClientKey',
      'createField personalSettings Settings',
      'updateField personalSettings Author',
      // v8: Målinger, the indicators (reference data) and the units' results.
      'createList indicators ',
      'createField indicators ClientKey',
      'createField indicators IndicatorUnit',
      'createField indicators Direction',
      'createField indicators AmbitionKey',
      'createField indicators SortOrder',
      'createField indicators IsActive',
      'createList measurements ',
      'createField measurements ClientKey',
      'createField measurements IndicatorKey',
      'createField measurements UnitId',
      'createField measurements Period',
      'createField measurements MeasureValue',
      'createField measurements Respondents',
      'createField measurements ImportKey',
      // v9: the picture library.
      'createList pictures ',
      'createField pictures StoryKey',
      'createField pictures AltText',
      'createField pictures Consent',
    ]);
    expect(actions[12]).toMatchObject({ changes: { EnableVersioning: true, DraftVersionVisibility: 2 } });
    expect(actions[18]).toMatchObject({ changes: { NoCrawl: true } });
    const update = actions[11];
    expect(update.kind === 'updateField' && update.changes).toEqual({ Indexed: true });
  });

  it("adds missing choices after an administrator's own, reports a changed column type, fixes list settings", () => {
    const plans = SCHEMA.lists.find((l) => l.key === 'plans') as IListSchema;
    const state = provisionedState(plans);
    const status = state.fields.find((f) => f.name === 'PlanStatus');
    Object.assign(status as object, { choices: ['draft', 'extra'] });
    Object.assign(state.fields.find((f) => f.name === 'Period') as object, { type: 'Note' });
    state.settings.EnableVersioning = false;
    const actions = diffSchema({ ...SCHEMA, lists: [plans] }, [state]);
    expect(actions).toEqual([
      { kind: 'updateList', list: plans, changes: { EnableVersioning: true } },
      { kind: 'fieldTypeMismatch', list: plans, field: 'Period', expected: 'Text', actual: 'Note' },
      {
        kind: 'updateField',
        list: plans,
        field: 'PlanStatus',
        odataType: 'SP.Field',
        changes: { Choices: ['draft', 'extra', 'approved', 'followUp', 'closed'] },
      },
    ]);
  });
});

describe('permissions across versions', () => {
  it('gives members Contribute on units from v3 (Read before), and keeps every other list as it was', () => {
    const at = (version: number, key: string): unknown =>
      schemaAt(version).lists.find((l) => l.key === key)?.permissions;
    expect(at(2, 'units')).toEqual({ members: 'read', visitors: 'read' });
    expect(at(1, 'units')).toEqual({ members: 'read', visitors: 'read' });
    expect(at(3, 'units')).toEqual({ members: 'contribute', visitors: 'read' });
    for (const list of LISTS.filter((l) => l.key !== 'units')) expect(at(2, list.key)).toEqual(at(3, list.key));
  });

  it("upgrades v2's units permissions in place: Contribute added before Read is taken away, nothing else", () => {
    const ctx = {
      principals: PRINCIPALS,
      roleDefs: ROLE_DEFS,
      webRoleAssignments: [...WEB_ASSIGNMENTS, { principalId: 11, roleDefIds: [ROLE_DEFS.read] }],
    };
    const v2 = schemaAt(2);
    const lists: IListState[] = v2.lists.map((list) => {
      const state = provisionedState(list, !!list.permissions);
      if (list.permissions) {
        const byPrincipal = new Map(WEB_ASSIGNMENTS.map((a) => [a.principalId, a.roleDefIds.slice()]));
        for (const [principal, role] of Object.entries(list.permissions))
          byPrincipal.set(PRINCIPALS[principal as keyof typeof PRINCIPALS], [ROLE_DEFS[role as RoleKey]]);
        state.roleAssignments = [...byPrincipal].map(([principalId, roleDefIds]) => ({ principalId, roleDefIds }));
      }
      return state;
    });
    expect(diffPermissions(v2, { ...ctx, lists })).toEqual([]);
    expect(diffPermissions(schemaAt(3), { ...ctx, lists })).toEqual([
      {
        kind: 'addRole',
        scope: 'units',
        principal: 'members',
        principalId: 5,
        role: 'contribute',
        roleDefId: ROLE_DEFS.contribute,
      },
      { kind: 'removeRole', scope: 'units', principal: 'members', principalId: 5, roleDefId: ROLE_DEFS.read },
    ]);
  });
});

describe('diffing permissions', () => {
  const ctx = {
    principals: PRINCIPALS,
    roleDefs: ROLE_DEFS,
    webRoleAssignments: WEB_ASSIGNMENTS,
    lists: [] as IListState[],
  };

  it('breaks inheritance where the schema says so and replaces the copied roles', () => {
    const actions = diffPermissions(SCHEMA, ctx);
    // The site: the chefgruppe may open it; members get "MPK Bidragyder" before their Edit goes.
    expect(actions.slice(0, 3)).toEqual([
      {
        kind: 'addRole',
        scope: 'web',
        principal: 'chefgruppe',
        principalId: 11,
        role: 'read',
        roleDefId: ROLE_DEFS.read,
      },
      {
        kind: 'addRole',
        scope: 'web',
        principal: 'members',
        principalId: 5,
        role: 'contributor',
        roleDefId: ROLE_DEFS.contributor,
      },
      { kind: 'removeRole', scope: 'web', principal: 'members', principalId: 5, roleDefId: ROLE_DEFS.edit },
    ]);
    const stories = actions.filter((a) => 'scope' in a && a.scope === 'stories');
    expect(actions).toContainEqual({ kind: 'breakInheritance', list: 'stories' });
    // The list copies the site as changed above: members already have "MPK Bidragyder" there.
    expect(stories).toEqual([
      {
        kind: 'addRole',
        scope: 'stories',
        principal: 'visitors',
        principalId: 4,
        role: 'contributor',
        roleDefId: ROLE_DEFS.contributor,
      },
      { kind: 'removeRole', scope: 'stories', principal: 'visitors', principalId: 4, roleDefId: ROLE_DEFS.read },
    ]);
    const units = actions.filter((a) => 'scope' in a && a.scope === 'units');
    expect(units).toEqual([]);
    // No account but the owners keeps Edit or Full Control anywhere.
    expect(actions.filter((a) => a.kind === 'addRole' && (a.role === 'edit' || a.role === 'fullControl'))).toEqual([]);
    // Plans inherit the site: nothing to do there.
    expect(actions.some((a) => ('scope' in a ? a.scope : a.list) === 'plans')).toBe(false);
  });

  it('finds nothing to do once the roles are in place', () => {
    const lists: IListState[] = SCHEMA.lists.map((list) => {
      const state = provisionedState(list, !!list.permissions);
      if (list.permissions) {
        const byPrincipal = new Map(WEB_ASSIGNMENTS.map((a) => [a.principalId, a.roleDefIds.slice()]));
        for (const [principal, role] of Object.entries(list.permissions))
          byPrincipal.set(PRINCIPALS[principal as keyof typeof PRINCIPALS], [ROLE_DEFS[role as RoleKey]]);
        state.roleAssignments = [...byPrincipal].map(([principalId, roleDefIds]) => ({ principalId, roleDefIds }));
      }
      return state;
    });
    const web = [
      ...WEB_ASSIGNMENTS.filter((a) => a.principalId !== 5),
      { principalId: 5, roleDefIds: [ROLE_DEFS.contributor] },
      { principalId: 11, roleDefIds: [ROLE_DEFS.read] },
    ];
    expect(diffPermissions(SCHEMA, { ...ctx, webRoleAssignments: web, lists })).toEqual([]);
  });
});

describe("the product's own permission level", () => {
  const level = SCHEMA.roleDefinitions[0];
  const state = (High: number, Low: number): IRoleDefinitionState[] => [
    { id: 1073741827, name: 'Contribute', roleTypeKind: 3, basePermissions: { High: 432, Low: 1011028719 } },
    { id: 1073741900, name: 'MPK Bidragyder', roleTypeKind: 0, basePermissions: { High, Low } },
  ];
  const has = (kind: number): boolean => {
    const bit = kind - 1;
    return bit < 32
      ? ((level.basePermissions.Low >>> bit) & 1) === 1
      : ((level.basePermissions.High >>> (bit - 32)) & 1) === 1;
  };

  it('is Contribute without Delete Versions: no Manage Lists, approval, permissions or item-security override', () => {
    expect(level.name).toBe('MPK Bidragyder');
    // SP.PermissionKind: 1 view, 2 add, 3 edit, 4 delete items, 6 open items, 7 view versions, 28 browse user info, 38 remote APIs.
    for (const kind of [1, 2, 3, 4, 6, 7, 17, 18, 28, 38]) expect(has(kind)).toBe(true);
    // 5 approve, 8 delete versions, 9 override list behaviors, 12 manage lists, 19 add and customize pages, 26 manage permissions, 31 manage web.
    for (const kind of [5, 8, 9, 12, 19, 26, 31]) expect(has(kind)).toBe(false);
    expect(level.basePermissions.Low).toBe(1011028719 - 128);
    expect(schemaAt(4).roleDefinitions).toEqual([]);
  });

  it('is created when missing, set back when its rights were changed, and left alone when they match', () => {
    expect(diffRoleDefinitions(SCHEMA, state(432, 1011028591).slice(0, 1))).toEqual([
      { kind: 'createRoleDefinition', definition: level },
    ]);
    expect(diffRoleDefinitions(SCHEMA, state(432, 1011030767))).toEqual([
      { kind: 'updateRoleDefinition', definition: level, id: 1073741900 },
    ]);
    expect(diffRoleDefinitions(SCHEMA, state(432, 1011028591))).toEqual([]);
  });
});
