/** @jest-environment node */
import type { SPFI } from '@pnp/sp';
import { spError, spFor, startServer, TestServer, USERS } from './harness';

describe('lists and fields over PnPjs', () => {
  let server: TestServer;
  let sp: SPFI;

  beforeAll(async () => {
    server = await startServer();
    sp = spFor(USERS.admin);
  });
  afterAll(async () => {
    await server.close();
  });

  describe('lists', () => {
    it('ensure creates a list once, then updates it with MERGE on the same URL', async () => {
      const first = await sp.web.lists.ensure('Plans', 'Ambitionsplaner', 100, false, { EnableVersioning: true });
      expect(first.created).toBe(true);
      expect(first.data).toMatchObject({
        Title: 'Plans',
        EntityTypeName: 'PlansList',
        ListItemEntityTypeFullName: 'SP.Data.PlansListItem',
        EnableVersioning: true,
        BaseTemplate: 100,
      });
      await server.resetRequests();
      const second = await sp.web.lists.ensure('Plans', 'Ambitionsplaner v2', 100, false, { EnableModeration: true });
      expect(second.created).toBe(false);
      const log = await server.requests();
      expect(log.map((r) => `${r.method} ${r.path.replace(/^\/sites\/mpk\/_api\//, '')} ${r.status}`)).toEqual([
        "GET web/lists/getByTitle('Plans')?%24select=Title 200",
        "MERGE web/lists/getByTitle('Plans')?%24select=Title 204",
      ]);
      const list = await sp.web.lists
        .getByTitle('Plans')
        .select('Description', 'EnableModeration', 'EnableVersioning')();
      expect(list).toMatchObject({ Description: 'Ambitionsplaner v2', EnableModeration: true, EnableVersioning: true });
    });

    it('names entity types from the title (spaces → _x0020_)', async () => {
      const r = await sp.web.lists.add('Egne noter');
      expect(r).toMatchObject({
        EntityTypeName: 'Egne_x0020_noterList',
        ListItemEntityTypeFullName: 'SP.Data.Egne_x0020_noterListItem',
      });
      const item = await sp.web.lists.getByTitle('egne NOTER').items.add({ Title: 'x' });
      expect(item['odata.type']).toBe('SP.Data.Egne_x0020_noterListItem');
    });

    it('refuses a duplicate title with SharePoint’s 500', async () => {
      await expect(spError(sp.web.lists.add('Plans'))).resolves.toMatchObject({
        status: 500,
        code: '-2130575342, Microsoft.SharePoint.SPException',
        message:
          'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.',
      });
    });

    it('answers an unknown title with 404 naming the site', async () => {
      await expect(spError(sp.web.lists.getByTitle('Nope')())).resolves.toEqual(
        expect.objectContaining({
          status: 404,
          code: '-1, System.ArgumentException',
          message: `List 'Nope' does not exist at site with URL '${server.siteUrl}'.`,
        }),
      );
    });

    it('finds a list by id in PnPjs form and in SharePoint’s own Lists(guid’…’) form', async () => {
      const { Id } = await sp.web.lists.getByTitle('Plans').select('Id')();
      await expect(sp.web.lists.getById(Id).select('Title')()).resolves.toMatchObject({ Title: 'Plans' });
      const res = await server.fetch(`_api/Web/Lists(guid'${Id}')?$select=Title`);
      expect(((await res.json()) as { Title: string }).Title).toBe('Plans');
    });

    it('enumerates with $select and $filter', async () => {
      const rows = await sp.web.lists
        .select('Title', 'ItemCount')
        .filter("Hidden eq false and startswith(Title, 'Pl')")();
      expect(rows).toEqual([expect.objectContaining({ Title: 'Plans', ItemCount: 0 })]);
      expect(Object.keys(rows[0]).filter((k) => !k.startsWith('odata.'))).toEqual(['ItemCount', 'Title']);
    });

    it('updates ReadSecurity/WriteSecurity and reveals them only on $select', async () => {
      await sp.web.lists.getByTitle('Egne noter').update({ ReadSecurity: 2, WriteSecurity: 2 });
      const all = await sp.web.lists.getByTitle('Egne noter')();
      expect(all).not.toHaveProperty('ReadSecurity');
      const sel = await sp.web.lists
        .getByTitle('Egne noter')
        .select('ReadSecurity', 'WriteSecurity', 'HasUniqueRoleAssignments')();
      expect(sel).toMatchObject({ ReadSecurity: 2, WriteSecurity: 2, HasUniqueRoleAssignments: false });
    });

    it('refuses unknown list properties and invalid values', async () => {
      await expect(
        spError(sp.web.lists.getByTitle('Plans').update({ Colour: 'blue' } as Record<string, unknown>)),
      ).resolves.toMatchObject({
        status: 400,
        message:
          "The property 'Colour' does not exist on type 'SP.List'. Make sure to only use property names that are defined by the type.",
      });
      await expect(spError(sp.web.lists.getByTitle('Plans').update({ ReadSecurity: 3 }))).resolves.toMatchObject({
        status: 400,
      });
      await expect(spError(sp.web.lists.getByTitle('Plans').select('Colour')())).resolves.toMatchObject({
        status: 400,
      });
    });

    it('deletes a list (200) after which it does not exist', async () => {
      await sp.web.lists.add('Temp');
      await sp.web.lists.getByTitle('Temp').delete();
      await expect(spError(sp.web.lists.getByTitle('Temp')())).resolves.toMatchObject({ status: 404 });
    });

    it('answers unknown paths with 404 and wrong verbs without success', async () => {
      const res = await server.fetch('_api/web/nothing');
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({
        'odata.error': {
          code: '-1, Microsoft.SharePoint.Client.ResourceNotFoundException',
          message: { lang: 'en-US', value: 'Cannot find resource for the request nothing.' },
        },
      });
      const get = await server.fetch('_api/contextinfo');
      expect(get.status).toBe(405);
    });
  });

  describe('fields', () => {
    let list: ReturnType<SPFI['web']['lists']['getByTitle']>;
    beforeAll(async () => {
      await sp.web.lists.ensure('Columns');
      list = sp.web.lists.getByTitle('Columns');
    });

    it('supports every fields.add* helper with SharePoint’s verbose answer', async () => {
      const text = await list.fields.addText('Kort tekst', { MaxLength: 100 });
      expect(text).toMatchObject({
        __metadata: expect.objectContaining({ type: 'SP.FieldText' }),
        InternalName: 'Kort_x0020_tekst',
        MaxLength: 100,
        FieldTypeKind: 2,
        TypeAsString: 'Text',
      });
      const made = await Promise.all([
        list.fields.addMultilineText('Note'),
        list.fields.addChoice('Valg', { Choices: ['a', 'b'] }),
        list.fields.addMultiChoice('Flere', { Choices: ['x', 'y'] }),
        list.fields.addDateTime('Dato'),
        list.fields.addUser('Person', { SelectionMode: 0 }),
        list.fields.addNumber('Tal', { MinimumValue: 0, MaximumValue: 10 }),
        list.fields.addBoolean('JaNej'),
        list.fields.addCurrency('Beløb'),
        list.fields.addUrl('Link'),
        list.fields.addCalculated('Beregnet', { Formula: '=[Tal]*2', OutputType: 9 }),
        list.fields.addLocation('Sted'),
        list.fields.addImageField('Billede'),
      ]);
      expect(made.map((f: { TypeAsString: string }) => f.TypeAsString)).toEqual([
        'Note',
        'Choice',
        'MultiChoice',
        'DateTime',
        'User',
        'Number',
        'Boolean',
        'Currency',
        'URL',
        'Calculated',
        'Location',
        'Thumbnail',
      ]);
      expect(made[1].Choices).toEqual({ __metadata: { type: 'Collection(Edm.String)' }, results: ['a', 'b'] });
      expect(made[7].InternalName).toBe('Bel_x00f8_b');
      const calc = await list.items.add({ Title: 'calc', Tal: 3 });
      expect(calc.Beregnet).toBeNull();
    });

    it('adds lookups with AddField and via SchemaXml, single and multi', async () => {
      const target = await sp.web.lists.ensure('Targets');
      const lookup = await list.fields.addLookup('Mål', { LookupListId: target.data.Id, LookupFieldName: 'Title' });
      expect(lookup).toMatchObject({
        'odata.type': 'SP.FieldLookup',
        TypeAsString: 'Lookup',
        LookupField: 'Title',
        LookupList: `{${target.data.Id}}`,
        AllowMultipleValues: false,
      });
      const multi = await list.fields.createFieldAsXml(
        `<Field Type="LookupMulti" DisplayName="Flere mål" Name="FlereMaal" Mult="TRUE" List="{${target.data.Id}}" ShowField="Title"/>`,
      );
      expect(multi).toMatchObject({
        TypeAsString: 'LookupMulti',
        AllowMultipleValues: true,
        InternalName: 'Flere_x0020_m_x00e5_l',
      });
      await expect(
        spError(
          list.fields.addLookup('Dangling', {
            LookupListId: '00000000-0000-0000-0000-000000000001',
            LookupFieldName: 'Title',
          }),
        ),
      ).resolves.toMatchObject({ status: 400 });
    });

    it('createFieldAsXml takes Name only with AddFieldInternalNameHint, and reads Indexed, unique, required and choices', async () => {
      const hinted = await list.fields.createFieldAsXml({
        SchemaXml:
          '<Field Type="Choice" DisplayName="Status på plan" Name="PlanStatus" StaticName="PlanStatus" Required="TRUE" Indexed="TRUE"><CHOICES><CHOICE>kladde</CHOICE><CHOICE>godkendt</CHOICE></CHOICES><Default>kladde</Default></Field>',
        Options: 8,
      });
      expect(hinted).toMatchObject({
        InternalName: 'PlanStatus',
        Title: 'Status på plan',
        Required: true,
        Indexed: true,
        Choices: ['kladde', 'godkendt'],
        DefaultValue: 'kladde',
      });
      const unique = await list.fields.createFieldAsXml(
        '<Field Type="Text" DisplayName="Nøgle" Name="Key" Indexed="TRUE" EnforceUniqueValues="TRUE" />',
      );
      expect(unique).toMatchObject({ InternalName: 'N_x00f8_gle', EnforceUniqueValues: true, Indexed: true });
      const item = await list.items.add({ Title: 'default' });
      expect(item.PlanStatus).toBe('kladde');
      await expect(
        spError(
          list.fields.createFieldAsXml('<Field Type="Text" DisplayName="x" Name="x" EnforceUniqueValues="TRUE" />'),
        ),
      ).resolves.toMatchObject({ status: 500 });
      await expect(
        spError(list.fields.createFieldAsXml('<Field Type="Text" DisplayName="broken"')),
      ).resolves.toMatchObject({ status: 400 });
    });

    it('cuts internal names at 32 characters and numbers clashes', async () => {
      const long = await list.fields.addText('Hvordan kan jeg bidrage til at udvikle kerneopgaven');
      expect(long.InternalName).toBe('Hvordan_x0020_kan_x0020_jeg_x002');
      expect(long.InternalName?.length).toBeLessThanOrEqual(32);
      const again = await list.fields.addText('Hvordan kan jeg bidrage til at udvikle noget andet');
      expect(again.InternalName).not.toBe(long.InternalName);
      expect(again.InternalName?.length).toBeLessThanOrEqual(32);
    });

    it('field GETs carry odata.type, and field.update first GETs $select=FieldTypeKind then MERGEs', async () => {
      const f = (await list.fields.getByInternalNameOrTitle('Kort tekst')()) as unknown as Record<string, unknown>;
      expect(f['odata.type']).toBe('SP.FieldText');
      await server.resetRequests();
      await list.fields
        .getByInternalNameOrTitle('Kort_x0020_tekst')
        .update({ Indexed: true, Required: true, Description: 'kort' });
      const log = await server.requests();
      expect(log.map((r) => r.method)).toEqual(['GET', 'MERGE']);
      expect(log[0].path).toContain('%24select=FieldTypeKind');
      await expect(
        list.fields.getByTitle('Kort tekst').select('Indexed', 'Required', 'Description')(),
      ).resolves.toMatchObject({ Indexed: true, Required: true, Description: 'kort' });
      await list.fields.getByTitle('Kort tekst').update({ Required: false });
    });

    it('turns on unique values over MERGE only with an index and without duplicates', async () => {
      const f = list.fields.getByInternalNameOrTitle('Tal');
      await expect(spError(f.update({ EnforceUniqueValues: true }))).resolves.toMatchObject({ status: 500 });
      await list.items.add({ Title: 'dup1', Tal: 7 });
      await list.items.add({ Title: 'dup2', Tal: 7 });
      await expect(spError(f.update({ Indexed: true, EnforceUniqueValues: true }))).resolves.toMatchObject({
        status: 500,
      });
      await f.update({ Indexed: true });
      await expect(f.select('Indexed')()).resolves.toMatchObject({ Indexed: true });
    });

    it('enumerates fields with $filter and $select', async () => {
      const rows = await list.fields
        .filter('Hidden eq false and ReadOnlyField eq false')
        .select('InternalName', 'TypeAsString')();
      const names = rows.map((r: { InternalName: string }) => r.InternalName);
      expect(names).toContain('Title');
      expect(names).toContain('Kort_x0020_tekst');
      expect(names).not.toContain('ID');
      expect(names).not.toContain('_ModerationStatus');
    });

    it('refuses unknown field properties naming the field type', async () => {
      await expect(
        spError(list.fields.getByInternalNameOrTitle('Valg').update({ Colour: 'red' })),
      ).resolves.toMatchObject({
        status: 400,
        message:
          "The property 'Colour' does not exist on type 'SP.FieldChoice'. Make sure to only use property names that are defined by the type.",
      });
      await expect(spError(list.fields.getByInternalNameOrTitle('Ingen')())).resolves.toMatchObject({ status: 404 });
    });

    it('deletes a custom field, never a built-in one', async () => {
      await list.fields.getByInternalNameOrTitle('JaNej').delete();
      await expect(spError(list.fields.getByInternalNameOrTitle('JaNej')())).resolves.toMatchObject({ status: 404 });
      await expect(spError(list.fields.getByInternalNameOrTitle('Created').delete())).resolves.toMatchObject({
        status: 500,
      });
    });

    it('turns a lookup into a multi lookup with MERGE AllowMultipleValues', async () => {
      const target = await sp.web.lists.getByTitle('Targets').items.add({ Title: 'T1' });
      const added = await list.items.add({ Title: 'med mål', M_x00e5_lId: target.Id });
      await list.fields.getByInternalNameOrTitle('Mål').update({ AllowMultipleValues: true });
      const f = await list.fields.getByInternalNameOrTitle('Mål')();
      expect(f.TypeAsString).toBe('LookupMulti');
      const item = await list.items.getById(added.Id).select('M_x00e5_lId')();
      expect(item.M_x00e5_lId).toEqual([target.Id]);
    });
  });
});
