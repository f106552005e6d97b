import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataError } from '../../../src/data/errors';
import { EMPLOYEE, renderAmbitions, settle } from './support';
import { draftOwner, draftStorageKey } from '../../../src/ui/shell/drafts';

jest.setTimeout(30_000);

beforeEach(() => window.localStorage.clear());

const CONTRIBUTION = /^Hvordan kan jeg bidrage til at udvikle kerneopgaven\?/;
const MEANING = /^Hvad betyder ambitionerne for mig\?/;
const DRAFT_KEY = draftStorageKey(draftOwner(EMPLOYEE), `reflection:${EMPLOYEE.id}:notes`);

async function openNotes(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  await act(async () => {
    await user.click(screen.getByRole('tab', { name: /^Egne noter/ }));
  });
  // The notes load when their tab is first shown.
  return screen.findByRole('form', { name: 'Egne noter' });
}

describe('"Egne noter"', () => {
  describe('when a person writes notes for the first time', () => {
    it("asks the strategy's two questions, says exactly who can read them, and creates the note", async () => {
      const user = userEvent.setup();
      const { services } = await renderAmbitions();
      const create = jest.spyOn(services.reflections, 'create');
      const form = await openNotes(user);
      const privacy = within(form).getByText(/^Dine noter gemmes i din egen OneDrive/);
      expect(privacy).toHaveTextContent('Din leder, chefgruppen og sitets ejere kan ikke åbne dem.');
      expect(privacy).toHaveTextContent(/andre programmer.* kan læse noterne/);
      expect(privacy).toHaveTextContent('søge dem frem i en undersøgelse – det bliver registreret');
      expect(privacy).not.toHaveTextContent(/kun du kan læse/);

      await act(async () => {
        await user.type(within(form).getByRole('textbox', { name: CONTRIBUTION }), 'Ved at dele det, der virker.');
        await user.type(within(form).getByRole('textbox', { name: MEANING }), 'Mod til at sige fejl højt.');
        await user.selectOptions(
          within(form).getByRole('combobox', { name: /^Handler noten om en bestemt ambition/ }),
          'Mod og stolthed',
        );
      });
      expect(JSON.parse(window.localStorage.getItem(DRAFT_KEY) || '{}').meaning).toBe('Mod til at sige fejl højt.');
      await act(async () => {
        await user.click(within(form).getByRole('button', { name: 'Gem noter' }));
      });
      await settle();

      expect(create).toHaveBeenCalledWith(
        expect.objectContaining({
          contribution: 'Ved at dele det, der virker.',
          meaning: 'Mod til at sige fejl højt.',
          ambitionKey: 'mod-og-stolthed',
        }),
      );
      expect(services.data.reflections).toHaveLength(1);
      expect(window.localStorage.getItem(DRAFT_KEY)).toBeNull();
      await waitFor(() => expect(screen.getByTestId('mpk-announcer')).toHaveTextContent('Dine noter er gemt.'));
      const saved = screen.getByRole('form', { name: 'Egne noter' });
      expect(within(saved).getByText(/^Gemt \d{2}\.\d{2}\.\d{4}\.$/)).toBeInTheDocument();
      expect(within(saved).getByRole('textbox', { name: MEANING })).toHaveValue('Mod til at sige fejl højt.');
    });

    it('refuses an empty note and a CPR number with Danish messages, keeping the text', async () => {
      const user = userEvent.setup();
      const { services } = await renderAmbitions();
      const create = jest.spyOn(services.reflections, 'create');
      const form = await openNotes(user);
      await act(async () => {
        await user.click(within(form).getByRole('button', { name: 'Gem noter' }));
      });
      expect(within(form).getByText('Skriv noget i mindst ét af felterne, før du gemmer.')).toBeInTheDocument();
      await act(async () => {
        await user.type(within(form).getByRole('textbox', { name: MEANING }), 'Min kollega 010190-1234 siger');
        await user.click(within(form).getByRole('button', { name: 'Gem noter' }));
      });
      expect(create).not.toHaveBeenCalled();
      expect(within(form).getByText(/CPR-nummer \(010190-XXXX\)/)).toBeInTheDocument();
      expect(within(form).getByRole('textbox', { name: MEANING })).toHaveValue('Min kollega 010190-1234 siger');
      // Focus on the field to fix.
      expect(within(form).getByRole('textbox', { name: MEANING })).toHaveFocus();
    });
  });

  describe('when a person has notes already', () => {
    const existing = {
      id: 77,
      clientKey: 'note-77',
      contribution: 'Lytte mere',
      meaning: 'Retning',
      authorId: EMPLOYEE.id,
    };

    it('shows them and saves changes with reflections.update', async () => {
      const user = userEvent.setup();
      const { services } = await renderAmbitions({}, { data: { reflections: [existing] } });
      const update = jest.spyOn(services.reflections, 'update');
      const form = await openNotes(user);
      const meaning = within(form).getByRole('textbox', { name: MEANING });
      expect(meaning).toHaveValue('Retning');
      expect(within(form).getByText('Alt er gemt.')).toBeInTheDocument();
      await act(async () => {
        await user.type(meaning, ' og mening');
        await user.click(within(form).getByRole('button', { name: 'Gem noter' }));
      });
      await settle();
      expect(update).toHaveBeenCalledWith(
        expect.objectContaining({ id: 77, meaning: 'Retning' }),
        expect.objectContaining({ id: 77, meaning: 'Retning og mening' }),
      );
      expect(services.data.reflections[0].meaning).toBe('Retning og mening');
    });

    it('keeps the text as a draft when saving fails', async () => {
      const user = userEvent.setup();
      const { services } = await renderAmbitions({}, { data: { reflections: [existing] } });
      services.failNext('reflections.update', new DataError('throttled', { status: 429 }));
      const form = await openNotes(user);
      await act(async () => {
        await user.type(within(form).getByRole('textbox', { name: CONTRIBUTION }), ' og spørge');
        await user.click(within(form).getByRole('button', { name: 'Gem noter' }));
      });
      await settle();
      expect(within(form).getByRole('alert')).toHaveTextContent('Der er travlt lige nu.');
      expect(within(form).getByRole('textbox', { name: CONTRIBUTION })).toHaveValue('Lytte mere og spørge');
      expect(
        JSON.parse(
          window.localStorage.getItem(draftStorageKey(draftOwner(EMPLOYEE), `reflection:${EMPLOYEE.id}:notes`)) || '{}',
        ).contribution,
      ).toBe('Lytte mere og spørge');
    });

    describe('and they were changed elsewhere in the meantime (412)', () => {
      async function conflict(
        user: ReturnType<typeof userEvent.setup>,
        alsoContribution = false,
      ): Promise<{ form: HTMLElement; services: Awaited<ReturnType<typeof renderAmbitions>>['services'] }> {
        const { services } = await renderAmbitions({}, { data: { reflections: [existing] } });
        const form = await openNotes(user);
        services.changeAsSomeoneElse('reflections', 77, {
          meaning: 'Skrevet i en anden fane',
          contribution: 'Også ændret der',
        });
        await act(async () => {
          await user.clear(within(form).getByRole('textbox', { name: MEANING }));
          await user.type(within(form).getByRole('textbox', { name: MEANING }), 'Skrevet her');
          if (alsoContribution)
            await user.type(within(form).getByRole('textbox', { name: CONTRIBUTION }), ' – mit bidrag');
          await user.click(within(form).getByRole('button', { name: 'Gem noter' }));
        });
        await settle();
        return { form, services };
      }

      it('shows both versions of what both changed and can overwrite with mine', async () => {
        const user = userEvent.setup();
        const { form, services } = await conflict(user);
        const resolver = within(form).getByRole('region', { name: 'En anden har gemt ændringer i mellemtiden' });
        expect(within(resolver).getByText('Skrevet i en anden fane')).toBeInTheDocument();
        expect(within(resolver).getByText('Skrevet her')).toBeInTheDocument();
        // Only the field both changed is asked about.
        expect(within(resolver).getAllByRole('radiogroup')).toHaveLength(1);
        await act(async () => {
          await user.click(within(resolver).getByRole('button', { name: 'Gem min udgave' }));
        });
        await settle();
        expect(services.data.reflections[0]).toMatchObject({ meaning: 'Skrevet her', contribution: 'Også ændret der' });
        expect(screen.queryByRole('region', { name: 'En anden har gemt ændringer i mellemtiden' })).toBeNull();
      });

      it('can keep theirs, which writes nothing and shows the saved version', async () => {
        const user = userEvent.setup();
        const { form, services } = await conflict(user);
        const update = jest.spyOn(services.reflections, 'update');
        await act(async () => {
          await user.click(within(form).getByRole('button', { name: 'Behold den gemte udgave' }));
        });
        await settle();
        expect(update).not.toHaveBeenCalled();
        const fresh = screen.getByRole('form', { name: 'Egne noter' });
        expect(within(fresh).getByRole('textbox', { name: MEANING })).toHaveValue('Skrevet i en anden fane');
        expect(services.data.reflections[0].meaning).toBe('Skrevet i en anden fane');
      });

      it('can merge field by field', async () => {
        const user = userEvent.setup();
        const { form, services } = await conflict(user, true);
        const resolver = within(form).getByRole('region', { name: 'En anden har gemt ændringer i mellemtiden' });
        const groups = within(resolver).getAllByRole('radiogroup');
        expect(groups).toHaveLength(2);
        await act(async () => {
          // Theirs for the first question, mine (the default) for the second.
          await user.click(within(groups[0]).getByRole('radio', { name: /^Den gemte udgave/ }));
          await user.click(within(resolver).getByRole('button', { name: 'Gem det valgte' }));
        });
        await settle();
        expect(services.data.reflections[0]).toMatchObject({ contribution: 'Også ændret der', meaning: 'Skrevet her' });
      });
    });
  });

  describe('on their own', () => {
    it('are not read by the first view: only when their tab is shown', async () => {
      const user = userEvent.setup();
      const { services } = await renderAmbitions({}, { data: { reflections: [] } });
      const listMine = jest.spyOn(services.reflections, 'listMine');
      await settle();
      expect(listMine).not.toHaveBeenCalled();
      await openNotes(user);
      expect(listMine).toHaveBeenCalledWith(EMPLOYEE.id);
    });

    it('save themselves a moment after typing stops, and say "Gemt"', async () => {
      const user = userEvent.setup();
      const { services } = await renderAmbitions();
      const form = await openNotes(user);
      const field = within(form).getByRole('textbox', { name: CONTRIBUTION });
      await act(async () => {
        await user.type(field, 'Jeg skriver videre');
      });
      await waitFor(() => expect(services.data.reflections).toHaveLength(1), { timeout: 5000 });
      expect(services.data.reflections[0].contribution).toBe('Jeg skriver videre');
      await waitFor(() => expect(within(form).getByText(/^Gemt \d{2}\.\d{2}\.\d{4}\.$/)).toBeInTheDocument());
      // The form stays where the person is typing.
      expect(field).toHaveFocus();
      expect(window.localStorage.getItem(DRAFT_KEY)).toBeNull();
    });

    it('say plainly that they cannot be opened where there is no Microsoft Graph', async () => {
      const user = userEvent.setup();
      const { services } = await renderAmbitions();
      const refuse = (): Promise<never> => Promise.reject(new DataError('forbidden', { reason: 'notesUnavailable' }));
      jest.spyOn(services.reflections, 'listMine').mockImplementation(refuse);
      await act(async () => {
        await user.click(screen.getByRole('tab', { name: /^Egne noter/ }));
      });
      expect(await screen.findByText('Egne noter kan ikke åbnes her')).toBeInTheDocument();
      expect(screen.getByText(/Files\.ReadWrite\.AppFolder/)).toBeInTheDocument();
      expect(screen.queryByRole('form', { name: 'Egne noter' })).toBeNull();
    });

    it('offer "Prøv igen" when they could not be fetched', async () => {
      const user = userEvent.setup();
      const { services } = await renderAmbitions({}, { data: { reflections: [] } });
      services.failNext('reflections.listMine', new DataError('throttled', { status: 429 }));
      await act(async () => {
        await user.click(screen.getByRole('tab', { name: /^Egne noter/ }));
      });
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('Dine noter kunne ikke hentes lige nu');
      await act(async () => {
        await user.click(within(alert).getByRole('button', { name: 'Prøv igen' }));
      });
      expect(await screen.findByRole('form', { name: 'Egne noter' })).toBeInTheDocument();
    });

    it('can be downloaded ("Hent mine noter") as a text file', async () => {
      const user = userEvent.setup();
      const existing = { id: 5, clientKey: 'n5', contribution: 'Lytte', meaning: 'Retning', authorId: EMPLOYEE.id };
      await renderAmbitions({}, { data: { reflections: [existing] } });
      const blobs: Blob[] = [];
      const url = URL as unknown as { createObjectURL?: unknown; revokeObjectURL?: unknown };
      url.createObjectURL = (blob: Blob) => {
        blobs.push(blob);
        return 'blob:notes';
      };
      url.revokeObjectURL = () => undefined;
      const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
        this: HTMLAnchorElement,
      ) {
        expect(this.download).toBe('egne-noter.txt');
      });
      const form = await openNotes(user);
      await act(async () => {
        await user.click(within(form).getByRole('button', { name: 'Hent mine noter' }));
      });
      expect(click).toHaveBeenCalledTimes(1);
      // jsdom's Blob has no text(): read it as the browser would.
      const text = await new Promise<string>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.readAsText(blobs[0]);
      });
      expect(text).toContain('Hvordan kan jeg bidrage til at udvikle kerneopgaven?');
      expect(text).toContain('Lytte');
      expect(text).toContain('Retning');
      click.mockRestore();
    });
  });
});
