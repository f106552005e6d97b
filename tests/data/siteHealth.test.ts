/** @jest-environment node */
import { as, dataRequests, startServer, USERS, type TestServer } from './support';
import { provision } from '../../src/data/provisioning';
import { checkSiteHealth } from '../../src/data/provisioning/health';
import { createServices } from '../../src/data/services';
import { siteHealth, type IHealthFinding } from '../../src/data/schema/health';
import { describeFinding } from '../../src/ui/shell/healthTexts';
import { danish, english } from '../support/strings';
import { SCHEMA, listSchema, listTitle } from '../../src/data/schema/lists';
import type { IListState, IPermissionContext } from '../../src/data/schema/diff';
import type { ISchema } from '../../src/data/schema/types';

jest.setTimeout(60_000);

/**
 * The build's schema with the stories list hiding drafts (DraftVersionVisibility 2), whether or not
 * the build states it yet: the health check takes every expected value from the schema it is given.
 */
const SCHEMA_WITH_DRAFTS: ISchema = {
  ...SCHEMA,
  lists: SCHEMA.lists.map((l) =>
    l.key === 'stories'
      ? { ...l, settings: { ...l.settings, DraftVersionVisibility: l.settings.DraftVersionVisibility ?? 2 } }
      : l,
  ),
};

async function merge(
  server: TestServer,
  list: string,
  body: Record<string, unknown>,
  who: string = USERS.admin,
): Promise<number> {
  const response = await server.fetch(`_api/web/lists/getByTitle('${encodeURIComponent(list)}')`, {
    as: who,
    method: 'POST',
    headers: { 'Content-Type': 'application/json;odata=nometadata', 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' },
    body: JSON.stringify(body),
  });
  return response.status;
}

async function post(server: TestServer, path: string): Promise<number> {
  const response = await server.fetch(path, { method: 'POST' });
  return response.status;
}

function pick(
  findings: readonly IHealthFinding[],
): Pick<IHealthFinding, 'list' | 'setting' | 'principal' | 'expected' | 'actual' | 'risk'>[] {
  return findings.map((f) => {
    const { list, setting, principal, expected, actual, risk } = f;
    return principal ? { list, setting, principal, expected, actual, risk } : { list, setting, expected, actual, risk };
  });
}

describe('the site health check on a provisioned site', () => {
  let server: TestServer;
  let visitorsId: number;
  let editRoleId: number;
  beforeAll(async () => {
    server = await startServer();
    const report = await provision(as(server, USERS.admin), { schema: SCHEMA_WITH_DRAFTS });
    expect(report.changes.filter((c) => c.kind === 'warning')).toEqual([]);
    const visitors = (await (await server.fetch('_api/web/associatedVisitorGroup?$select=Id')).json()) as {
      Id: number;
    };
    visitorsId = visitors.Id;
    const defs = (await (await server.fetch('_api/web/roleDefinitions?$select=Id,RoleTypeKind')).json()) as {
      value: { Id: number; RoleTypeKind: number }[];
    };
    editRoleId = (defs.value.find((d) => d.RoleTypeKind === 6) as { Id: number }).Id;
  });
  afterAll(() => server.close());

  it('finds nothing right after provisioning, in one $batch POST', async () => {
    await server.resetRequests();
    expect(await checkSiteHealth(as(server, USERS.admin), SCHEMA_WITH_DRAFTS)).toEqual([]);
    const requests = await dataRequests(server);
    expect(requests.map((r) => `${r.method} ${/\$batch/.test(r.path) ? '$batch' : r.path}`)).toEqual(['POST $batch']);
  });

  it('finds every security setting an owner (or an attacker with Manage Lists) changed, with what, why and how in Danish', async () => {
    const reflections = listTitle('reflections');
    const stories = listTitle('stories');
    const plans = listTitle('plans');
    expect(await merge(server, reflections, { ReadSecurity: 1 })).toBe(204);
    expect(await merge(server, stories, { EnableModeration: false })).toBe(204);
    expect(await merge(server, stories, { DraftVersionVisibility: 0 })).toBe(204);
    // Plans inherit the site in the schema; stories give visitors Contribute, not Edit.
    expect(
      await post(
        server,
        `_api/web/lists/getByTitle('${encodeURIComponent(plans)}')/breakroleinheritance(copyRoleAssignments=true,clearSubscopes=false)`,
      ),
    ).toBe(200);
    expect(
      await post(
        server,
        `_api/web/lists/getByTitle('${encodeURIComponent(stories)}')/roleassignments/addroleassignment(principalid=${visitorsId},roledefid=${editRoleId})`,
      ),
    ).toBe(200);

    const findings = await checkSiteHealth(as(server, USERS.admin), SCHEMA_WITH_DRAFTS);
    expect(pick(findings)).toEqual([
      { list: stories, setting: 'EnableModeration', expected: true, actual: false, risk: 'high' },
      { list: stories, setting: 'DraftVersionVisibility', expected: 2, actual: 0, risk: 'high' },
      {
        list: stories,
        setting: 'role',
        principal: 'visitors',
        expected: listSchema('stories').permissions?.visitors,
        actual: 'edit',
        risk: 'high',
      },
      { list: reflections, setting: 'ReadSecurity', expected: 2, actual: 1, risk: 'high' },
      { list: plans, setting: 'uniquePermissions', expected: false, actual: true, risk: 'medium' },
    ]);

    const texts = findings.map((f) => describeFinding(danish, f));
    const notes = texts[3];
    expect(notes.what).toBe(
      'MPK Refleksioner: læseadgang er »Læseadgang til alle elementer«, men skal være »Læseadgang til elementer, som brugeren har oprettet«.',
    );
    expect(notes.why).toBe('Alle kan se andres egne noter.');
    expect(notes.how).toMatch(
      /^Vælg »Ret indstillingerne« – eller i listen: Listeindstillinger → Avancerede indstillinger → Læseadgang: »Læseadgang til elementer, som brugeren har oprettet«\.$/,
    );
    expect(texts[0].why).toBe('Nye historier vises for alle uden at være godkendt.');
    expect(texts[1].why).toMatch(/venter på godkendelse eller er sendt tilbage, kan læses af andre/);
    expect(texts[2].what).toBe('MPK Historier: Besøgende har »Redigere«, men skal have »MPK Bidragyder«.');
    expect(texts[4].what).toBe('MPK Planer: listen har fået egne tilladelser, men skal arve sitets.');
    expect(describeFinding(english, findings[3]).why).toBe("Everyone can see other people's private notes.");
  });

  it("is restored by 'Klargør site', which reports what it found; a second run writes nothing", async () => {
    const before = await checkSiteHealth(as(server, USERS.admin), SCHEMA_WITH_DRAFTS);
    expect(before.length).toBe(5);
    const report = await provision(as(server, USERS.admin), { schema: SCHEMA_WITH_DRAFTS });
    expect(report.health).toEqual(before);
    expect(report.changes.map((c) => `${c.kind} ${c.target}${c.detail ? ` (${c.detail})` : ''}`).sort()).toEqual(
      [
        'inheritanceReset MPK Planer',
        `listUpdated MPK Historier (EnableModeration, DraftVersionVisibility)`,
        'listUpdated MPK Refleksioner (ReadSecurity)',
        `roleRemoved MPK Historier (visitors: role ${editRoleId})`,
      ].sort(),
    );
    expect(await checkSiteHealth(as(server, USERS.admin), SCHEMA_WITH_DRAFTS)).toEqual([]);
    const again = await provision(as(server, USERS.admin), { schema: SCHEMA_WITH_DRAFTS });
    expect(again.writes).toBe(0);
    expect(again.health).toBeUndefined();
  });

  it("is offered through the services, lazily, as the build's schema sees it", async () => {
    const services = createServices(as(server, USERS.admin), { id: 1, email: USERS.admin, displayName: 'Admin' });
    expect(await merge(server, listTitle('reflections'), { WriteSecurity: 1 })).toBe(204);
    const findings = await services.provisioning.health();
    expect(pick(findings.filter((f) => f.setting !== 'DraftVersionVisibility'))).toEqual([
      { list: 'MPK Refleksioner', setting: 'WriteSecurity', expected: 2, actual: 1, risk: 'high' },
    ]);
    expect(describeFinding(danish, findings.find((f) => f.setting === 'WriteSecurity') as IHealthFinding).why).toBe(
      'Alle kan rette og slette de elementer, andre har oprettet.',
    );
    await provision(as(server, USERS.admin), { schema: SCHEMA_WITH_DRAFTS });
  });

  it('cannot be read by a leader, who has no right to enumerate permissions', async () => {
    await expect(checkSiteHealth(as(server, USERS.leder), SCHEMA_WITH_DRAFTS)).rejects.toMatchObject({
      kind: 'forbidden',
    });
  });
});

describe('the site health check without a server', () => {
  const ROLE_DEFS: IPermissionContext['roleDefs'] = {
    read: 1073741826,
    contribute: 1073741827,
    fullControl: 1073741829,
    edit: 1073741830,
    contributor: 1073741931,
  };
  const lists = (change: (l: IListState) => IListState = (l) => l): IListState[] =>
    SCHEMA_WITH_DRAFTS.lists.map((list) =>
      change({
        id: list.key,
        title: list.title,
        settings: { ...list.settings },
        hasUniqueRoleAssignments: !!list.permissions,
        fields: [],
      }),
    );

  it('compares only what the schema states: a list without DraftVersionVisibility in the schema is never a finding', () => {
    const ctx = {
      principals: {},
      roleDefs: ROLE_DEFS,
      webRoleAssignments: [],
      lists: lists((l) => ({ ...l, settings: { ...l.settings, DraftVersionVisibility: 1 } })),
    };
    const findings = siteHealth(SCHEMA_WITH_DRAFTS, ctx);
    const unstated = SCHEMA_WITH_DRAFTS.lists
      .filter((l) => l.settings.DraftVersionVisibility === undefined)
      .map((l) => l.title);
    expect(findings.filter((f) => unstated.indexOf(f.list) >= 0)).toEqual([]);
    expect(pick(findings)).toContainEqual({
      list: 'MPK Historier',
      setting: 'DraftVersionVisibility',
      expected: 2,
      actual: 1,
      risk: 'high',
    });
  });

  it('rates a stricter setting lower than a looser one', () => {
    const ctx = {
      principals: {},
      roleDefs: ROLE_DEFS,
      webRoleAssignments: [],
      lists: lists((l) =>
        l.title === 'MPK Kommentarer' ? { ...l, settings: { ...l.settings, WriteSecurity: 4 } } : l,
      ),
    };
    expect(pick(siteHealth(SCHEMA_WITH_DRAFTS, ctx))).toEqual([
      { list: 'MPK Kommentarer', setting: 'WriteSecurity', expected: 2, actual: 4, risk: 'medium' },
    ]);
    expect(describeFinding(danish, siteHealth(SCHEMA_WITH_DRAFTS, ctx)[0]).why).toBe(
      'Brugerne kan ikke rette deres egne elementer.',
    );
  });

  it("reports a list that should have its own permissions but inherits the site's as high risk", () => {
    const ctx = {
      principals: {},
      roleDefs: ROLE_DEFS,
      webRoleAssignments: [],
      lists: lists((l) => (l.title === 'MPK Refleksioner' ? { ...l, hasUniqueRoleAssignments: false } : l)),
    };
    const findings = siteHealth(SCHEMA_WITH_DRAFTS, ctx);
    expect(pick(findings)).toEqual([
      { list: 'MPK Refleksioner', setting: 'uniquePermissions', expected: true, actual: false, risk: 'high' },
    ]);
    expect(describeFinding(danish, findings[0]).what).toBe(
      'MPK Refleksioner: listen arver sitets tilladelser, men skal have sine egne.',
    );
  });
});
