import * as React from 'react';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataError } from '../../../src/data/errors';
import { AmbitionsApp } from '../../../src/ui/ambitions/AmbitionsApp';
import { ServicesContext } from '../../../src/ui/shell/services';
import { createFakeServices } from '../../support/fakeServices';
import { renderInShell } from '../../support/render';
import { EMPLOYEE, renderAmbitions, settle, story, UNITS } from './support';
import { MODERATION_STATUS, type IStory } from '../../../src/domain';
import { draftOwner, draftStorageKey } from '../../../src/ui/shell/drafts';

jest.setTimeout(30_000);

beforeEach(() => window.localStorage.clear());

const DRAFT_KEY = draftStorageKey(draftOwner(EMPLOYEE), 'story:new');

async function openForm(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  await act(async () => {
    await user.click(screen.getByRole('button', { name: 'Skriv en hverdagshistorie' }));
  });
  const form = screen.getByRole('form', { name: 'Skriv en hverdagshistorie' });
  // The editor is its own lazily loaded chunk.
  await within(form).findByRole('textbox', { name: 'Historien' });
  return form;
}

async function fill(
  user: ReturnType<typeof userEvent.setup>,
  form: HTMLElement,
  values: { title?: string; body?: string; kind?: string; ambition?: string; unit?: string },
): Promise<void> {
  await act(async () => {
    if (values.title !== undefined)
      await user.type(within(form).getByRole('textbox', { name: /^Titel/ }), values.title);
    if (values.body !== undefined) {
      await user.click(within(form).getByRole('textbox', { name: 'Historien' }));
      await user.keyboard(values.body);
    }
    if (values.kind) await user.click(within(form).getByRole('radio', { name: values.kind }));
    if (values.ambition)
      await user.selectOptions(within(form).getByRole('combobox', { name: /^Ambition/ }), values.ambition);
    if (values.unit) await user.selectOptions(within(form).getByRole('combobox', { name: /^Enhed/ }), values.unit);
  });
}

async function submit(user: ReturnType<typeof userEvent.setup>, form: HTMLElement): Promise<void> {
  await act(async () => {
    await user.click(within(form).getByRole('button', { name: 'Send til godkendelse' }));
  });
  await settle();
}

describe('writing a story', () => {
  describe('when the author fills in everything and sends it', () => {
    it('saves it with services.stories.create, forgets the draft and shows it as "Afventer godkendelse"', async () => {
      const user = userEvent.setup();
      const { services } = await renderAmbitions();
      const create = jest.spyOn(services.stories, 'create');
      const form = await openForm(user);
      await fill(user, form, {
        title: 'Borgeren fik sin bolig',
        body: 'Vi ringede til hinanden i stedet for at skrive.',
        kind: 'Det lykkedes',
        ambition: 'Sammenhæng og samarbejde',
        unit: '2',
      });
      expect(JSON.parse(window.localStorage.getItem(DRAFT_KEY) || '{}').title).toBe('Borgeren fik sin bolig');

      await submit(user, form);

      expect(create).toHaveBeenCalledTimes(1);
      const sent = create.mock.calls[0][0];
      expect(sent).toMatchObject({
        title: 'Borgeren fik sin bolig',
        kind: 'success',
        ambitionKey: 'sammenhaeng-og-samarbejde',
        unitId: 2,
        featured: false,
      });
      expect(sent.body).toContain('Vi ringede til hinanden i stedet for at skrive.');
      expect(sent.clientKey).toMatch(/^[0-9a-f-]{36}$/);
      expect(window.localStorage.getItem(DRAFT_KEY)).toBeNull();
      expect(screen.queryByRole('form', { name: 'Skriv en hverdagshistorie' })).toBeNull();

      const mine = screen.getByRole('region', { name: 'Dine historier, der ikke er offentliggjort' });
      const article = within(mine).getByRole('article', { name: 'Borgeren fik sin bolig' });
      expect(within(article).getByText('Afventer godkendelse')).toBeInTheDocument();
      expect(within(article).queryByRole('button', { name: 'Anerkend' })).toBeNull();
      expect(screen.getByText(/Tak for »Borgeren fik sin bolig«! Den afventer godkendelse/)).toBeInTheDocument();
      await waitFor(() =>
        expect(screen.getByTestId('mpk-announcer')).toHaveTextContent('Tak! Din historie er sendt til godkendelse.'),
      );
      // Not in the public feed until an editor approves it.
      expect(screen.queryByRole('list', { name: 'Hverdagshistorier, nyeste først' })).toBeNull();
    });
  });

  describe('when something is missing', () => {
    it('sends nothing, says what is missing per field in Danish and moves focus to the first field', async () => {
      const user = userEvent.setup();
      const { services } = await renderAmbitions();
      const create = jest.spyOn(services.stories, 'create');
      const form = await openForm(user);
      await submit(user, form);
      expect(create).not.toHaveBeenCalled();
      expect(within(form).getByText('Titlen skal udfyldes.')).toBeInTheDocument();
      expect(within(form).getByText('Historien skal udfyldes.')).toBeInTheDocument();
      expect(within(form).getByText('Vælg, hvilken slags det er.')).toBeInTheDocument();
      expect(within(form).getByText('Vælg ambitionen.')).toBeInTheDocument();
      await waitFor(() => expect(within(form).getByRole('textbox', { name: /^Titel/ })).toHaveFocus());
      await waitFor(() =>
        expect(screen.getByTestId('mpk-announcer')).toHaveTextContent(
          'Historien er ikke sendt. Ret de markerede felter (4).',
        ),
      );

      // Messages go away as the fields are filled in.
      await fill(user, form, { title: 'Nu med titel' });
      expect(within(form).queryByText('Titlen skal udfyldes.')).toBeNull();
    });
  });

  describe('when the text contains a CPR number', () => {
    it('refuses it with a clear Danish message before anything is sent, and keeps everything that was typed', async () => {
      const user = userEvent.setup();
      const { services } = await renderAmbitions();
      const create = jest.spyOn(services.stories, 'create');
      const form = await openForm(user);
      await fill(user, form, {
        title: 'Hjælp til en borger',
        body: 'Borgeren med cpr 010190-1234 fik hjælp.',
        kind: 'Det lykkedes',
        ambition: 'Mod og stolthed',
      });
      await submit(user, form);

      expect(create).not.toHaveBeenCalled();
      expect(
        within(form).getByText(/^Historien ser ud til at indeholde et CPR-nummer \(010190-XXXX\)/),
      ).toBeInTheDocument();
      const editor = within(form).getByRole('textbox', { name: 'Historien' });
      expect(editor).toHaveTextContent('Borgeren med cpr 010190-1234 fik hjælp.');
      expect(editor).toHaveAttribute('aria-invalid', 'true');
      expect(within(form).getByRole('textbox', { name: /^Titel/ })).toHaveValue('Hjælp til en borger');
      const draft = JSON.parse(window.localStorage.getItem(DRAFT_KEY) || '{}');
      expect(draft.body).toContain('010190-1234');
      expect(draft.title).toBe('Hjælp til en borger');
    });
  });

  describe('when saving fails', () => {
    it('shows the Danish reason, keeps the draft, and a retry reuses the same client key (never a duplicate)', async () => {
      const user = userEvent.setup();
      const { services } = await renderAmbitions();
      const create = jest.spyOn(services.stories, 'create');
      services.failNext('stories.create', new DataError('network'));
      const form = await openForm(user);
      await fill(user, form, {
        title: 'Uden forbindelse',
        body: 'Det gik alligevel.',
        kind: 'Vi lærte af en fejl',
        ambition: 'Gode rammer',
      });
      await submit(user, form);

      const alert = within(form).getByRole('alert');
      expect(alert).toHaveTextContent('Historien blev ikke sendt – din tekst er gemt som kladde i browseren.');
      expect(alert).toHaveTextContent('Der er ingen forbindelse.');
      expect(JSON.parse(window.localStorage.getItem(DRAFT_KEY) || '{}').title).toBe('Uden forbindelse');

      await act(async () => {
        await user.click(within(alert).getByRole('button', { name: 'Prøv igen' }));
      });
      await settle();
      expect(create).toHaveBeenCalledTimes(2);
      expect(create.mock.calls[1][0].clientKey).toBe(create.mock.calls[0][0].clientKey);
      expect(services.data.stories.filter((s) => s.title === 'Uden forbindelse')).toHaveLength(1);
      expect(window.localStorage.getItem(DRAFT_KEY)).toBeNull();
    });
  });

  describe('when the page is reloaded with a draft', () => {
    it('opens the form by itself with what was typed, and says it was restored', async () => {
      const user = userEvent.setup();
      const first = await renderAmbitions();
      const form = await openForm(user);
      await fill(user, form, { title: 'Halvt skrevet', body: 'Første halvdel', kind: 'Det lykkedes' });
      first.services.calls.length = 0;
      // "Reload": a fresh mount of the web part.
      document.body.innerHTML = '';
      const services = createFakeServices({ user: EMPLOYEE, data: { units: UNITS } });
      renderInShell(
        <ServicesContext.Provider value={services}>
          <AmbitionsApp />
        </ServicesContext.Provider>,
      );
      const restored = await screen.findByRole('form', { name: 'Skriv en hverdagshistorie' });
      expect(
        within(restored).getByText('Vi har hentet din kladde frem igen – den var gemt i browseren.'),
      ).toBeInTheDocument();
      expect(within(restored).getByRole('textbox', { name: /^Titel/ })).toHaveValue('Halvt skrevet');
      expect(await within(restored).findByRole('textbox', { name: 'Historien' })).toHaveTextContent('Første halvdel');
      expect(within(restored).getByRole('radio', { name: 'Det lykkedes' })).toBeChecked();
    });

    it("is the writer's own: the next person at the same browser gets an empty form, and the writer gets it back", async () => {
      const user = userEvent.setup();
      const first = await renderAmbitions();
      const form = await openForm(user);
      await fill(user, form, { title: 'Fortroligt udkast' });
      first.services.calls.length = 0;
      // Stored under a hash of the login, never the login in clear, and nowhere a shared key.
      const keys = Object.keys(window.localStorage).filter((k) => k.startsWith('mpk:draft:'));
      expect(keys).toEqual([DRAFT_KEY]);
      expect(keys[0]).not.toContain('medarbejder');
      expect(window.localStorage.getItem('mpk:draft:story:new')).toBeNull();

      // Someone else signs in on the same PC.
      document.body.innerHTML = '';
      const other = { id: 12, email: 'kollega@mpk.local', displayName: 'Karl Kollega' };
      renderInShell(
        <ServicesContext.Provider value={createFakeServices({ user: other, data: { units: UNITS } })}>
          <AmbitionsApp />
        </ServicesContext.Provider>,
      );
      await waitFor(() => expect(screen.queryByText('Indlæser …')).toBeNull());
      await settle();
      expect(screen.queryByRole('form', { name: 'Skriv en hverdagshistorie' })).toBeNull();
      expect(screen.queryByDisplayValue('Fortroligt udkast')).toBeNull();
      const theirs = await openForm(user);
      expect(within(theirs).getByRole('textbox', { name: /^Titel/ })).toHaveValue('');

      // The writer comes back.
      document.body.innerHTML = '';
      renderInShell(
        <ServicesContext.Provider value={createFakeServices({ user: EMPLOYEE, data: { units: UNITS } })}>
          <AmbitionsApp />
        </ServicesContext.Provider>,
      );
      const restored = await screen.findByRole('form', { name: 'Skriv en hverdagshistorie' });
      expect(within(restored).getByRole('textbox', { name: /^Titel/ })).toHaveValue('Fortroligt udkast');
    });

    it('discards the draft only after the author confirms', async () => {
      const user = userEvent.setup();
      await renderAmbitions();
      const form = await openForm(user);
      await fill(user, form, { title: 'Kasseres' });
      await act(async () => {
        await user.click(within(form).getByRole('button', { name: 'Kassér kladden' }));
      });
      expect(window.localStorage.getItem(DRAFT_KEY)).not.toBeNull();
      await act(async () => {
        await user.click(within(form).getByRole('button', { name: 'Ja, kassér' }));
      });
      expect(window.localStorage.getItem(DRAFT_KEY)).toBeNull();
      expect(screen.queryByRole('form', { name: 'Skriv en hverdagshistorie' })).toBeNull();
    });
  });

  describe('when the user may not post', () => {
    it('offers no way to write a story', async () => {
      await renderAmbitions({}, { canPostStory: false });
      expect(screen.queryByRole('button', { name: 'Skriv en hverdagshistorie' })).toBeNull();
    });
  });
});

describe('correcting a story an editor sent back ("Ret og send igen")', () => {
  const returned = (): IStory =>
    story({
      id: 77,
      title: 'Afvist historie',
      body: '<p>Borgeren Hans fik hjælp.</p>',
      kind: 'lesson',
      ambitionKey: 'viden-og-faglighed',
      unitId: 2,
      moderationStatus: MODERATION_STATUS.denied,
      authorId: EMPLOYEE.id,
      authorName: EMPLOYEE.displayName,
      moderationComment: 'Fjern venligst borgerens navn.',
    });

  async function openCorrection(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
    const article = screen.getByRole('article', { name: 'Afvist historie' });
    await act(async () => {
      await user.click(within(article).getByRole('button', { name: 'Ret og send igen' }));
    });
    const form = screen.getByRole('form', { name: 'Ret og send »Afvist historie« igen' });
    await within(form).findByRole('textbox', { name: 'Historien' });
    return form;
  }

  it('opens the form filled in with the story, the reason in view and focus on the form', async () => {
    const user = userEvent.setup();
    await renderAmbitions({}, { data: { stories: [returned()] } });
    const form = await openCorrection(user);

    expect(within(form).getByText(/Fjern venligst borgerens navn\./)).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: /^Titel/ })).toHaveValue('Afvist historie');
    expect(within(form).getByRole('radio', { name: 'Vi lærte af en fejl' })).toBeChecked();
    expect(within(form).getByRole('combobox', { name: /^Ambition/ })).toHaveValue('viden-og-faglighed');
    expect(within(form).getByRole('combobox', { name: /^Enhed/ })).toHaveValue('2');
    await waitFor(() => expect(within(form).getByRole('heading', { level: 3 })).toHaveFocus());
  });

  it('sends the corrected story with stories.update, so it awaits approval again, and focuses it', async () => {
    const user = userEvent.setup();
    const { services } = await renderAmbitions({}, { data: { stories: [returned()] } });
    const update = jest.spyOn(services.stories, 'update');
    const form = await openCorrection(user);
    const title = within(form).getByRole('textbox', { name: /^Titel/ });
    await act(async () => {
      await user.clear(title);
      await user.type(title, 'Rettet historie');
    });
    await act(async () => {
      await user.click(within(form).getByRole('button', { name: 'Send igen til godkendelse' }));
    });
    await settle();

    expect(update).toHaveBeenCalledTimes(1);
    expect(update.mock.calls[0][1]).toMatchObject({ id: 77, title: 'Rettet historie', clientKey: 'story-77' });
    expect(services.data.stories.find((s) => s.id === 77)?.moderationStatus).toBe(MODERATION_STATUS.pending);
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.getByText(/»Rettet historie« er sendt til godkendelse igen/)).toBeInTheDocument();
    const article = screen.getByRole('article', { name: 'Rettet historie' });
    expect(within(article).getByText('Afventer godkendelse')).toBeInTheDocument();
    expect(within(article).queryByRole('button', { name: 'Ret og send igen' })).toBeNull();
    await waitFor(() => expect(article).toHaveFocus());
  });

  it('refuses to send it again unchanged, says so, and keeps the form', async () => {
    const user = userEvent.setup();
    const { services } = await renderAmbitions({}, { data: { stories: [returned()] } });
    const update = jest.spyOn(services.stories, 'update');
    const form = await openCorrection(user);
    await act(async () => {
      await user.click(within(form).getByRole('button', { name: 'Send igen til godkendelse' }));
    });
    await settle();
    expect(update).not.toHaveBeenCalled();
    expect(within(form).getByText('Historien er ikke sendt igen: du har ikke rettet noget endnu.')).toBeInTheDocument();
  });

  it('returns focus to its "Ret og send igen" when closed', async () => {
    const user = userEvent.setup();
    await renderAmbitions({}, { data: { stories: [returned()] } });
    const form = await openCorrection(user);
    await act(async () => {
      await user.click(within(form).getByRole('button', { name: 'Luk (kladden gemmes)' }));
    });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Ret og send igen' })).toHaveFocus());
  });
});

describe('opening and closing the story form with the keyboard', () => {
  it('moves focus into the form when it opens and back to "Skriv en hverdagshistorie" when it closes', async () => {
    const user = userEvent.setup();
    await renderAmbitions();
    const form = await openForm(user);
    await waitFor(() => expect(within(form).getByRole('heading', { level: 3 })).toHaveFocus());
    await act(async () => {
      await user.click(within(form).getByRole('button', { name: 'Luk (kladden gemmes)' }));
    });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Skriv en hverdagshistorie' })).toHaveFocus());
  });
});

describe('on a phone', () => {
  const realMatchMedia = window.matchMedia;
  beforeEach(() => {
    // A 360 px window: every "max-width" query up to 640 px holds.
    window.matchMedia = ((query: string) => ({
      matches: /max-width: 640px/.test(query),
      media: query,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    })) as unknown as typeof window.matchMedia;
  });
  afterEach(() => {
    window.matchMedia = realMatchMedia;
  });

  it('offers "Skriv en hverdagshistorie" above the ambitions, which opens the form with focus in it', async () => {
    const user = userEvent.setup();
    await renderAmbitions();
    const [header] = screen.getAllByRole('button', { name: 'Skriv en hverdagshistorie' });
    const ambitions = screen.getByRole('list', { name: 'De fem ambitioner' });
    expect(header.compareDocumentPosition(ambitions) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await act(async () => {
      await user.click(header);
    });
    const form = await screen.findByRole('form', { name: 'Skriv en hverdagshistorie' });
    await waitFor(() => expect(within(form).getByRole('heading', { level: 3 })).toHaveFocus());
  });
});
