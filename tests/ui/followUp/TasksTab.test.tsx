import '@testing-library/jest-dom';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataError } from '../../../src/data/errors';
import { fakeFor, renderFollowUp } from './fixtures';
import { draftOwner, draftStorageKey } from '../../../src/ui/shell/drafts';
import { CHEF } from './fixtures';
import { typeDate } from '../../support/dates';

const TASK_DRAFT = draftStorageKey(draftOwner(CHEF), 'followUp:task:new');

// Typing into Fluent inputs in jsdom is slow on a shared machine.
jest.setTimeout(60000);

// The board is a lazy chunk (React.lazy): load it once before the first test's findBy starts counting.
beforeAll(async () => {
  await import('../../../src/ui/followUp/TasksTab');
  await import('../../../src/ui/followUp/TaskFormDialog');
});

beforeEach(() => {
  window.localStorage.clear();
  window.localStorage.setItem('mpk:followUp:since', '2026-02-01');
});

async function openTasks(
  services = fakeFor(),
  props = {},
): Promise<{ services: ReturnType<typeof fakeFor>; user: ReturnType<typeof userEvent.setup> }> {
  const user = userEvent.setup({ delay: null });
  renderFollowUp(services, { initialTab: 'tasks', ...props });
  await screen.findByRole('heading', { name: 'Opfølgningsopgaver' });
  return { services, user };
}

function column(name: RegExp): HTMLElement {
  return screen.getByRole('region', { name });
}

async function fillNewTask(user: ReturnType<typeof userEvent.setup>, dialog: HTMLElement, due: string): Promise<void> {
  await act(async () => {
    await user.type(within(dialog).getByLabelText(/^Titel/), 'Drøft trivselstallene med ledergruppen');
    await user.selectOptions(within(dialog).getByLabelText(/^Enhed/), 'Læring og Trivsel');
    await user.selectOptions(within(dialog).getByLabelText(/^Ambition/), 'Mod og stolthed');
    // The picker suggests the unit's leaders before anything is typed.
    await user.click(within(dialog).getByRole('combobox', { name: /^Ansvarlig/ }));
    // In the picker's own list: the board's "Ansvarlig" filter (a native select) may name the same person.
    await user.click(
      await within(await screen.findByRole('listbox')).findByRole('option', { name: 'Leder · Læring og Trivsel' }),
    );
    typeDate(within(dialog).getByLabelText(/^Frist/), due);
    await user.type(within(dialog).getByLabelText(/^Opfølgningsmøde/), 'Chefgruppemøde marts 2026');
  });
}

describe('Follow-up tasks', () => {
  describe('when the chefgruppe creates a task', () => {
    it('checks every field with the domain rules in Danish before anything is sent', async () => {
      const { services, user } = await openTasks();
      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Ny opgave' }));
      });
      const dialog = await screen.findByRole('dialog', { name: 'Ny opfølgningsopgave' });
      await waitFor(() => expect(within(dialog).getByRole('textbox', { name: /Titel/ })).toHaveFocus());
      await act(async () => {
        await user.type(within(dialog).getByRole('textbox', { name: 'Beskrivelse' }), 'Husk tallene.');
        await user.click(within(dialog).getByRole('button', { name: 'Opret opgave' }));
      });
      expect(within(dialog).getByRole('textbox', { name: 'Beskrivelse' })).toHaveValue('Husk tallene.');
      expect(within(dialog).getByText('Titlen skal udfyldes.')).toBeInTheDocument();
      expect(within(dialog).getByText('Vælg enheden.')).toBeInTheDocument();
      expect(
        within(dialog).getByText('Opgaven skal handle om enten en indsats eller en ambition – vælg én af dem.'),
      ).toBeInTheDocument();
      expect(within(dialog).getByText('Vælg den ansvarlige.')).toBeInTheDocument();
      expect(within(dialog).getByText('Fristen skal udfyldes.')).toBeInTheDocument();
      expect(services.calls).not.toContain('tasks.create');
      // Focus on the first field to fix.
      expect(within(dialog).getByRole('textbox', { name: /Titel/ })).toHaveFocus();
    });

    it('closes on "Luk" with focus back on "Ny opgave"', async () => {
      const { user } = await openTasks();
      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Ny opgave' }));
      });
      const dialog = await screen.findByRole('dialog', { name: 'Ny opfølgningsopgave' });
      await act(async () => {
        await user.click(within(dialog).getByRole('button', { name: 'Luk' }));
      });
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      await waitFor(() => expect(screen.getByRole('button', { name: 'Ny opgave' })).toHaveFocus());
      expect(screen.queryByRole('note')).toBeNull();
    });

    it('creates it for a leader, shows it on the board and — with a date already passed — as overdue with its week', async () => {
      const { services, user } = await openTasks();
      const create = jest.spyOn(services.tasks, 'create');
      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Ny opgave' }));
      });
      const dialog = await screen.findByRole('dialog', { name: 'Ny opfølgningsopgave' });
      await fillNewTask(user, dialog, '3/3-2026');
      expect(within(dialog).getByText('Fristen ligger i uge 10.')).toBeInTheDocument();
      await act(async () => {
        await user.click(within(dialog).getByRole('button', { name: 'Opret opgave' }));
      });
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      expect(create).toHaveBeenCalledTimes(1);
      expect(create.mock.calls[0][0]).toMatchObject({
        title: 'Drøft trivselstallene med ledergruppen',
        unitId: 1,
        ambitionKey: 'mod-og-stolthed',
        initiativeId: undefined,
        assigneeId: 9,
        dueDate: '2026-03-03',
        status: 'open',
        meeting: 'Chefgruppemøde marts 2026',
      });
      // The modal's aria-hidden on the page behind it is lifted a moment after it closes.
      const open = await waitFor(() => column(/^Åben \(2\)/));
      const card = within(open).getByRole('listitem', { name: 'Drøft trivselstallene med ledergruppen' });
      expect(card).toHaveTextContent('Frist 03.03.2026 (uge 10)');
      expect(card).toHaveTextContent('Over fristen – uge 10');
      expect(card).toHaveTextContent('Ansvarlig: Leder · Læring og Trivsel');
      // Confirmed over the board and announced; focus on the new card.
      expect(screen.getByRole('note')).toHaveTextContent(
        'Opgaven »Drøft trivselstallene med ledergruppen« er oprettet.',
      );
      await waitFor(() =>
        expect(screen.getByTestId('mpk-announcer')).toHaveTextContent(
          'Opgaven »Drøft trivselstallene med ledergruppen« er oprettet.',
        ),
      );
      await waitFor(() => expect(card).toHaveFocus());
      expect(services.data.tasks).toHaveLength(4);

      // The overview counts it at once, without reading everything again.
      await act(async () => {
        await user.click(screen.getByRole('tab', { name: 'Overblik' }));
      });
      const overdue = screen.getByRole('region', { name: 'Opgaver over fristen (2)' });
      expect(services.calls.filter((c) => c === 'views.loadFollowUpView')).toHaveLength(1);
      // The list itself is read on request, and has the new task.
      await act(async () => {
        await user.click(within(overdue).getByRole('button', { name: 'Vis opgaverne over fristen' }));
      });
      expect(await within(overdue).findByText('Drøft trivselstallene med ledergruppen')).toBeInTheDocument();
    });

    it('assigns it to someone found by searching the site, and names them on the card', async () => {
      const services = fakeFor({ siteUsers: [{ id: 21, title: 'Lars Leth', email: 'lars.leth@mpk.local' }] });
      const { user } = await openTasks(services);
      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Ny opgave' }));
      });
      const dialog = await screen.findByRole('dialog', { name: 'Ny opfølgningsopgave' });
      await fillNewTask(user, dialog, '03.04.26');
      const picker = within(dialog).getByRole('combobox', { name: /^Ansvarlig/ });
      await act(async () => {
        await user.clear(picker);
        await user.type(picker, 'LETH');
      });
      await act(async () => {
        await user.click(await screen.findByRole('option', { name: /Lars Leth/ }));
      });
      await act(async () => {
        await user.click(within(dialog).getByRole('button', { name: 'Opret opgave' }));
      });
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      expect(services.data.tasks.find((t) => t.title === 'Drøft trivselstallene med ledergruppen')?.assigneeId).toBe(
        21,
      );
      const card = await screen.findByRole('listitem', { name: 'Drøft trivselstallene med ledergruppen' });
      expect(card).toHaveTextContent('Ansvarlig: Lars Leth');
    });

    it('keeps what was typed when the save fails, and a retry creates the task once', async () => {
      const { services, user } = await openTasks();
      services.failNext('tasks.create', new DataError('network'));
      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Ny opgave' }));
      });
      const dialog = await screen.findByRole('dialog', { name: 'Ny opfølgningsopgave' });
      await fillNewTask(user, dialog, '1-4-2026');
      await act(async () => {
        await user.click(within(dialog).getByRole('button', { name: 'Opret opgave' }));
      });
      expect(await within(dialog).findByText(/Der er ingen forbindelse/)).toBeInTheDocument();
      expect(within(dialog).getByLabelText(/^Titel/)).toHaveValue('Drøft trivselstallene med ledergruppen');
      const draft = JSON.parse(window.localStorage.getItem(TASK_DRAFT) as string);
      expect(draft).toMatchObject({
        title: 'Drøft trivselstallene med ledergruppen',
        unitId: '1',
        dueDate: '2026-04-01',
      });
      await act(async () => {
        await user.click(within(dialog).getByRole('button', { name: 'Opret opgave' }));
      });
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      expect(services.data.tasks.filter((t) => t.title === 'Drøft trivselstallene med ledergruppen')).toHaveLength(1);
      expect(window.localStorage.getItem(TASK_DRAFT)).toBeNull();
    });

    it('brings back a draft left in the browser, and discards it on request', async () => {
      window.localStorage.setItem(TASK_DRAFT, JSON.stringify({ title: 'Halvt skrevet opgave', unitId: '2' }));
      const { user } = await openTasks();
      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Ny opgave' }));
      });
      const dialog = await screen.findByRole('dialog', { name: 'Ny opfølgningsopgave' });
      expect(within(dialog).getByText(/Det, du skrev sidst, er hentet frem/)).toBeInTheDocument();
      expect(within(dialog).getByLabelText(/^Titel/)).toHaveValue('Halvt skrevet opgave');
      expect(within(dialog).getByLabelText(/^Enhed/)).toHaveValue('2');
      await act(async () => {
        await user.click(within(dialog).getByRole('button', { name: 'Kassér kladden' }));
      });
      expect(within(dialog).getByLabelText(/^Titel/)).toHaveValue('');
      expect(window.localStorage.getItem(TASK_DRAFT)).toBeNull();
    });

    it("offers the chosen unit's initiatives when the task is about an initiative", async () => {
      const { services, user } = await openTasks();
      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Ny opgave' }));
      });
      const dialog = await screen.findByRole('dialog', { name: 'Ny opfølgningsopgave' });
      await act(async () => {
        await user.selectOptions(within(dialog).getByLabelText(/^Enhed/), 'Økonomi');
        await user.click(within(dialog).getByRole('radio', { name: 'En indsats' }));
      });
      const select = within(dialog).getByLabelText(/^Indsats/);
      await waitFor(() => expect(select).toBeEnabled());
      expect(services.calls).toContain('initiatives.listForUnit');
      expect(within(select).getByRole('option', { name: 'Ny budgetmodel (Mod og stolthed)' })).toBeInTheDocument();
    });
  });

  describe('on the board', () => {
    it('moves a card to another column from the keyboard with "Flyt"', async () => {
      const { services, user } = await openTasks();
      const setStatus = jest.spyOn(services.tasks, 'setStatus');
      const move = within(column(/^Åben/)).getByRole('button', { name: 'Flyt »Følg op på trivselsmålingen«' });
      move.focus();
      await act(async () => {
        await user.keyboard('{Enter}');
      });
      const item = await screen.findByRole('menuitem', { name: 'Flyt til I gang' });
      await act(async () => {
        item.focus();
        await user.keyboard('{Enter}');
      });
      await waitFor(() =>
        expect(
          within(column(/^I gang \(2\)/)).getByRole('listitem', { name: 'Følg op på trivselsmålingen' }),
        ).toBeInTheDocument(),
      );
      expect(setStatus).toHaveBeenCalledWith(expect.objectContaining({ id: 1 }), 'inProgress');
      expect(services.data.tasks.find((t) => t.id === 1)?.status).toBe('inProgress');
      expect(await screen.findByText('»Følg op på trivselsmålingen« har nu status I gang.')).toBeInTheDocument();
    });

    it('offers only the moves the workflow allows (a closed task can only be reopened)', async () => {
      const { user } = await openTasks();
      await act(async () => {
        await user.click(within(column(/^Afsluttet/)).getByRole('button', { name: 'Flyt »Plan for bedre rammer«' }));
      });
      const items = (await screen.findAllByRole('menuitem')).map((i) => i.textContent);
      expect(items).toEqual(['Flyt til Åben']);
    });

    it('shows both versions when someone else changed the same task, and overwrites with mine on request', async () => {
      const { services, user } = await openTasks();
      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Redigér »Budgetmodellen til direktionen«' }));
      });
      const dialog = await screen.findByRole('dialog', { name: 'Redigér opfølgningsopgave' });
      const title = within(dialog).getByLabelText(/^Titel/);
      await act(async () => {
        await user.clear(title);
        await user.type(title, 'Budgetmodellen til direktionen i april');
      });
      services.changeAsSomeoneElse('tasks', 2, { title: 'Budgetmodel – udskudt' });
      await act(async () => {
        await user.click(within(dialog).getByRole('button', { name: 'Gem' }));
      });
      const conflict = await within(dialog).findByRole('region', { name: /En anden har gemt ændringer/ });
      expect(conflict).toHaveTextContent('Budgetmodel – udskudt');
      expect(conflict).toHaveTextContent('Budgetmodellen til direktionen i april');
      await act(async () => {
        await user.click(within(conflict).getByRole('button', { name: 'Gem min udgave' }));
      });
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      expect(services.data.tasks.find((t) => t.id === 2)?.title).toBe('Budgetmodellen til direktionen i april');
      expect(
        await screen.findByRole('listitem', { name: 'Budgetmodellen til direktionen i april' }),
      ).toBeInTheDocument();
    });
  });

  describe('filters, paging and the list view', () => {
    it('pages with "Vis flere" and never asks for everything at once', async () => {
      const { services, user } = await openTasks(fakeFor(), { pageSize: 2 });
      expect(screen.getByText('Viser 2 opgaver – der er flere.')).toBeInTheDocument();
      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Vis flere' }));
      });
      expect(await screen.findByText('Opgaver vist: 3.')).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Vis flere' })).toBeNull();
      expect(services.calls).toEqual(['views.loadFollowUpView']);
    });

    it('asks the repository for a filtered first page when a filter changes', async () => {
      const { services, user } = await openTasks();
      const query = jest.spyOn(services.tasks, 'query');
      await act(async () => {
        await user.selectOptions(screen.getByLabelText('Enhed'), 'Økonomi');
      });
      await waitFor(() => expect(screen.getByText('Opgaver vist: 1.')).toBeInTheDocument());
      expect(query).toHaveBeenLastCalledWith({ unitId: 2 }, 50);
      expect(screen.getByRole('listitem', { name: 'Budgetmodellen til direktionen' })).toBeInTheDocument();
      expect(screen.queryByRole('listitem', { name: 'Følg op på trivselsmålingen' })).toBeNull();

      const meeting = screen.getByLabelText('Møde');
      await act(async () => {
        await user.type(meeting, 'Chefgruppemøde marts 2026{Enter}');
      });
      await waitFor(() =>
        expect(query).toHaveBeenLastCalledWith({ unitId: 2, meeting: 'Chefgruppemøde marts 2026' }, 50),
      );
    });

    it('refuses a meeting filter over 255 characters with a Danish reason, and sends nothing', async () => {
      const { services } = await openTasks();
      const query = jest.spyOn(services.tasks, 'query');
      const meeting = screen.getByLabelText('Møde');
      // Each event on its own, so the next one sees what the field holds.
      fireEvent.change(meeting, { target: { value: 'M'.repeat(300) } });
      fireEvent.keyDown(meeting, { key: 'Enter' });
      fireEvent.blur(meeting);
      expect(screen.getByText('Mødet må højst være 255 tegn – det er nu 300.')).toBeInTheDocument();
      expect(screen.queryByText(/kunne ikke gemmes/)).toBeNull();
      expect(query).not.toHaveBeenCalled();
      // 255 characters are a valid filter.
      fireEvent.change(meeting, { target: { value: 'M'.repeat(255) } });
      fireEvent.keyDown(meeting, { key: 'Enter' });
      expect(screen.queryByText(/må højst være 255 tegn/)).toBeNull();
      await waitFor(() => expect(query).toHaveBeenLastCalledWith({ meeting: 'M'.repeat(255) }, 50));
    });

    it('shows the same tasks as a table with the titles as row headers', async () => {
      const { user } = await openTasks();
      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Liste' }));
      });
      const table = screen.getByRole('table', { name: 'Opfølgningsopgaver efter frist' });
      expect(
        within(table)
          .getAllByRole('rowheader')
          .map((h) => h.textContent),
      ).toEqual(['Plan for bedre rammer', 'Følg op på trivselsmålingen', 'Budgetmodellen til direktionen']);
      const overdueRow = within(table)
        .getByRole('rowheader', { name: 'Følg op på trivselsmålingen' })
        .closest('tr') as HTMLElement;
      expect(overdueRow).toHaveTextContent('Over fristen – uge 10');
    });
  });
});
