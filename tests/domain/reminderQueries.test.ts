import { readFileSync } from 'fs';
import { join } from 'path';
import { listSchema } from '../../src/data/schema/lists';
import type { ListKey } from '../../src/data/schema/types';
import {
  activeInitiativesFilter,
  dueThisWeekFilter,
  FLOW_DAYS,
  FLOW_UNIT_ID,
  flowDayExpression,
  recentCheckInsFilter,
  silentInitiatives,
  SILENCE_DAYS,
  unitsWithChannelFilter,
} from '../../src/domain/reminderQueries';

const ROOT = join(__dirname, '..', '..');
const FLOW = join(ROOT, 'flows', 'mandagspaamindelse');
/** The Teams app id, as the manifest declares it (CONTRIBUTING.md, "Fixed identifiers"). */
const TEAMS_APP_ID = (
  JSON.parse(readFileSync(join(ROOT, 'teamsapp', 'appPackage', 'manifest.json'), 'utf8')) as { id: string }
).id;

interface IAction {
  type: string;
  description?: string;
  runAfter?: Record<string, string[]>;
  actions?: Record<string, IAction>;
  else?: { actions: Record<string, IAction> };
  foreach?: string;
  runtimeConfiguration?: { concurrency?: { repetitions: number } };
  inputs?: {
    host?: { apiId: string; connectionName: string; operationId: string };
    parameters?: Record<string, unknown>;
    from?: string;
    where?: string;
  };
}
interface IDefinition {
  $schema: string;
  parameters: Record<string, { type: string; defaultValue?: unknown }>;
  triggers: Record<string, { type: string; recurrence: Record<string, unknown> }>;
  actions: Record<string, IAction>;
}
const definition = JSON.parse(readFileSync(join(FLOW, 'definition.json'), 'utf8')) as IDefinition;

/** Every action of the definition, nested ones included, by name. */
function allActions(actions: Record<string, IAction> = definition.actions): Map<string, IAction> {
  const found = new Map<string, IAction>();
  for (const [name, action] of Object.entries(actions)) {
    found.set(name, action);
    for (const [inner, child] of allActions({ ...action.actions, ...action.else?.actions })) found.set(inner, child);
  }
  return found;
}
const actions = allActions();
const byOperation = (operationId: string): [string, IAction][] =>
  [...actions].filter(([, action]) => action.inputs?.host?.operationId === operationId);

/** The column names a `$filter` compares (the words before an operator). */
const columnsOf = (filter: string): string[] =>
  Array.from(filter.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*) (?:eq|ne|lt|le|gt|ge) /g), (m) => m[1]);

const TABLES: Record<string, ListKey> = {
  'MPK Enheder': 'units',
  'MPK Indsatser': 'initiatives',
  'MPK Statusmeldinger': 'checkIns',
  'MPK Opgaver': 'tasks',
};

describe('the reminder filters', () => {
  it('build SharePoint filters for a fixed day', () => {
    expect(unitsWithChannelFilter()).toBe('TeamsChannelId ne null');
    expect(activeInitiativesFilter(7)).toBe(
      "UnitId eq 7 and (InitiativeStatus eq 'planned' or InitiativeStatus eq 'inProgress')",
    );
    expect(recentCheckInsFilter(7, '2026-12-07')).toBe("UnitId eq 7 and CheckInDate ge '2026-11-24T00:00:00Z'");
    expect(dueThisWeekFilter(7, '2026-12-07')).toBe(
      "UnitId eq 7 and DueDate ge '2026-12-07T00:00:00Z' and DueDate lt '2026-12-14T00:00:00Z' and TaskStatus ne 'closed'",
    );
  });

  it('build the same filters as Power Automate expressions for the flow', () => {
    expect(FLOW_DAYS.day(-13)).toBe("@{addDays(convertFromUtc(utcNow(),'Romance Standard Time'),-13,'yyyy-MM-dd')}");
    expect(recentCheckInsFilter(FLOW_UNIT_ID, FLOW_DAYS)).toBe(
      "UnitId eq @{items('For_each_unit')?['ID']} and CheckInDate ge " +
        "'@{addDays(convertFromUtc(utcNow(),'Romance Standard Time'),-13,'yyyy-MM-dd')}T00:00:00Z'",
    );
  });

  it.each([
    ['units', unitsWithChannelFilter()],
    ['initiatives', activeInitiativesFilter(1)],
    ['checkIns', recentCheckInsFilter(1, '2026-12-07')],
    ['tasks', dueThisWeekFilter(1, '2026-12-07')],
  ] as [ListKey, string][])('filter %s only on indexed columns, unit first', (key, filter) => {
    const columns = columnsOf(filter);
    expect(columns.length).toBeGreaterThan(0);
    const indexed = listSchema(key)
      .fields.filter((field) => field.indexed)
      .map((field) => field.name);
    expect(columns.filter((column) => !indexed.includes(column))).toEqual([]);
    if (key !== 'units') expect(columns[0]).toBe('UnitId');
  });
});

describe('silent initiatives', () => {
  const today = '2026-12-07';
  it('are those without a check-in in the last 14 days and created 14 days ago or earlier', () => {
    const initiatives = [
      { id: 1, created: '2026-10-01' }, // checked in recently
      { id: 2, created: '2026-10-01' }, // silent
      { id: 3, created: '2026-11-23' }, // created exactly 14 days ago: silent
      { id: 4, created: '2026-11-24' }, // 13 days old: not yet
      { id: 5 }, // creation unknown: counted as old
    ];
    expect(silentInitiatives(initiatives, [{ initiativeId: 1 }], today).map((i) => i.id)).toEqual([2, 3, 5]);
    expect(SILENCE_DAYS).toBe(14);
  });
});

describe('the Power Automate flow "Mandagspåmindelse"', () => {
  it('is a Logic Apps workflow definition run by a Recurrence trigger on Mondays at 08:00 Danish time', () => {
    expect(definition.$schema).toBe(
      'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#',
    );
    expect(Object.keys(definition.parameters).sort()).toEqual(
      ['$authentication', '$connections', 'mpkSiteUrl', 'teamsAppId'].sort(),
    );
    expect(definition.triggers).toEqual({
      Recurrence: {
        type: 'Recurrence',
        recurrence: {
          frequency: 'Week',
          interval: 1,
          timeZone: 'Romance Standard Time',
          schedule: { weekDays: ['Monday'], hours: [8], minutes: [0] },
        },
      },
    });
  });

  it('asks SharePoint exactly the product\'s filters, one "Get items" per list, on the site parameter', () => {
    const queries = byOperation('GetItems').map(([, action]) => action.inputs?.parameters as Record<string, unknown>);
    expect(Object.fromEntries(queries.map((q) => [q.table, q.$filter]))).toEqual({
      'MPK Enheder': unitsWithChannelFilter(),
      'MPK Indsatser': activeInitiativesFilter(FLOW_UNIT_ID),
      'MPK Statusmeldinger': recentCheckInsFilter(FLOW_UNIT_ID, FLOW_DAYS),
      'MPK Opgaver': dueThisWeekFilter(FLOW_UNIT_ID, FLOW_DAYS),
    });
    expect(queries).toHaveLength(4);
    for (const query of queries) {
      expect(query.dataset).toBe("@parameters('mpkSiteUrl')");
      expect(query.$top).toBe(5000);
      expect(listSchema(TABLES[query.table as string]).title).toBe(query.table);
    }
  });

  it('keeps silent initiatives with the rule of silentInitiatives, and runs units one at a time', () => {
    const where = actions.get('Silent_initiatives')?.inputs?.where;
    expect(where).toContain("not(contains(body('Checked_in_initiative_ids'), item()?['ID']))");
    expect(where).toContain(`, ${flowDayExpression(-SILENCE_DAYS)})`);
    expect(actions.get('For_each_unit')?.runtimeConfiguration?.concurrency?.repetitions).toBe(1);
  });

  it('posts one message per unit in its leader-group channel as Flow bot, mentioning owners and assignees', () => {
    const posts = byOperation('PostMessageToConversation');
    expect(posts.map(([name]) => name)).toEqual(['Post_in_the_leader_group_channel']);
    const parameters = posts[0][1].inputs?.parameters as Record<string, string>;
    expect(parameters).toMatchObject({
      poster: 'Flow bot',
      location: 'Channel',
      'body/recipient/groupId': "@items('For_each_unit')?['TeamsTeamId']",
      'body/recipient/channelId': "@items('For_each_unit')?['TeamsChannelId']",
    });
    expect(
      byOperation('AtMentionUser').map(([, action]) => (action.inputs?.parameters as Record<string, string>).userId),
    ).toEqual([
      "@items('For_each_silent_initiative')?['Owner']?['Email']",
      "@items('For_each_task_due')?['Assignee']?['Email']",
    ]);
  });

  it('links each line to the item in the Teams app: an initiative in Ambitionsplan, a task in Opfølgning', () => {
    expect(definition.parameters.teamsAppId.defaultValue).toBe(TEAMS_APP_ID);
    const lines = ['Add_initiative_line', 'Add_task_line'].map(
      (name) => (actions.get(name)?.inputs as unknown as { value: string }).value,
    );
    expect(lines[0]).toContain(
      "https://teams.microsoft.com/l/entity/@{parameters('teamsAppId')}/ambitionsplan?label=Ambitionsplan&context=" +
        "@{encodeUriComponent(concat('{\"subEntityId\":\"', string(items('For_each_silent_initiative')?['ID']), '\"}'))}",
    );
    expect(lines[1]).toContain(
      "https://teams.microsoft.com/l/entity/@{parameters('teamsAppId')}/opfoelgning?label=Opf%C3%B8lgning&context=" +
        "@{encodeUriComponent(concat('{\"subEntityId\":\"task-', string(items('For_each_task_due')?['ID']), '\"}'))}",
    );
  });

  it('wires every action after one that exists in the same scope', () => {
    const scopes = [definition.actions, ...[...actions.values()].flatMap((a) => [a.actions, a.else?.actions])];
    for (const scope of scopes.filter((s): s is Record<string, IAction> => !!s)) {
      for (const action of Object.values(scope)) {
        for (const before of Object.keys(action.runAfter ?? {})) expect(Object.keys(scope)).toContain(before);
      }
    }
  });
});
