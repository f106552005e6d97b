import '@testing-library/jest-dom';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataError } from '../../../src/data/errors';
import { CHEF, EMPLOYEE, englishStrings, fakeFor, LEADER, NOW, renderFollowUp } from './fixtures';

// Typing into Fluent inputs in jsdom is slow on a shared machine.
jest.setTimeout(60000);

// The overview's list items are a lazy chunk (React.lazy): load it once before the tests count time.
beforeAll(async () => {
  await import('../../../src/ui/followUp/FollowUpLists');
});

beforeEach(() => {
  window.localStorage.clear();
  // The last follow-up meeting: the trend compares with 1 February.
  window.localStorage.setItem('mpk:followUp:since', '2026-02-01');
});

/** The overview's lists are read on demand (issue 15): press the section's button and wait for the list. */
async function openList(region: HTMLElement, button: string): Promise<void> {
  const user = userEvent.setup({ delay: null });
  await act(async () => {
    await user.click(within(region).getByRole('button', { name: button }));
  });
  await within(region).findAllByRole('listitem');
}

describe('FollowUpApp', () => {
  describe('on its first view', () => {
    it('reads everything with exactly one loadFollowUpView call for the signed-in user', async () => {
      const services = fakeFor();
      const load = jest.spyOn(services.views, 'loadFollowUpView');
      renderFollowUp(services);
      expect(await screen.findByRole('table', { name: /Hvor hver enhed står/ })).toBeInTheDocument();
      expect(services.calls).toEqual(['views.loadFollowUpView']);
      expect(load).toHaveBeenCalledWith({ userId: CHEF.id, since: '2026-02-01', now: NOW, pageSize: 50 });
    });

    it('shows the matrix as a table with units as row headers and ambitions as column headers', async () => {
      renderFollowUp(fakeFor(), { planUrl: (id) => `https://intranet/plan?unit=${id}` });
      const table = await screen.findByRole('table', { name: /Hvor hver enhed står/ });
      const columns = within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent);
      expect(columns).toEqual([
        'Enhed',
        'Mod og stolthed',
        'Viden og faglighed',
        'Sammenhæng og samarbejde',
        'Tillid og ansvar i ledelse',
        'Gode rammer',
      ]);
      const rows = within(table)
        .getAllByRole('rowheader')
        .map((h) => h.textContent);
      expect(rows).toEqual(['Læring og Trivsel', 'Økonomi']);
      const link = within(table).getByRole('link', { name: /Læring og Trivsel – åbn enhedens ambitionsplan/ });
      expect(link).toHaveAttribute('href', 'https://intranet/plan?unit=1');
    });

    it('says relevance, initiatives, newest health and trend in words in each cell (not colour alone)', async () => {
      renderFollowUp(fakeFor());
      const table = await screen.findByRole('table', { name: /Hvor hver enhed står/ });
      const learning = within(table).getByRole('rowheader', { name: 'Læring og Trivsel' }).closest('tr') as HTMLElement;
      const cells = within(learning).getAllByRole('cell');
      // Mod og stolthed: high, two initiatives, newest check-in yellow (5 March), worse than 1 February.
      expect(cells[0]).toHaveTextContent('Relevans: Høj');
      expect(cells[0]).toHaveTextContent('2 indsatser · 2 aktive');
      expect(cells[0]).toHaveTextContent('Vurdering: Gul');
      expect(cells[0]).toHaveTextContent('Udvikling: Dårligere');
      // Viden og faglighed: the one initiative was stopped — no health.
      expect(cells[1]).toHaveTextContent('Relevans: Middel');
      expect(cells[1]).toHaveTextContent('1 indsats · 0 aktive');
      expect(cells[1]).toHaveTextContent('Ingen vurdering endnu');
      expect(cells[2]).toHaveTextContent('Relevans: Ikke vurderet');
      expect(cells[4]).toHaveTextContent('Relevans: Ikke relevant');
    });

    it('says "Ingen gældende plan" once, across the ambitions, for a unit without a plan for this year', async () => {
      const services = fakeFor();
      services.data.units.push({ id: 3, clientKey: 'ny', name: 'Ny enhed', kind: 'staff', leaderIds: [], order: 3 });
      renderFollowUp(services);
      const table = await screen.findByRole('table', { name: /Hvor hver enhed står/ });
      const row = within(table).getByRole('rowheader', { name: 'Ny enhed' }).closest('tr') as HTMLElement;
      expect(
        within(row)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ).toEqual(['Ingen gældende plan']);
      expect(within(row).getByRole('cell')).toHaveAttribute('colspan', '5');
    });

    it('counts initiatives by status, overdue tasks, stopped initiatives with their reason and stories per ambition', async () => {
      renderFollowUp(fakeFor());
      await screen.findByRole('table', { name: /Hvor hver enhed står/ });
      const value = (group: string, label: string): string | null | undefined =>
        within(screen.getByRole('region', { name: group })).getByText(label, { selector: 'dt' }).nextElementSibling
          ?.textContent;
      expect(value('Indsatser efter status', 'I gang')).toBe('1');
      expect(value('Indsatser efter status', 'Planlagt')).toBe('1');
      expect(value('Indsatser efter status', 'Stoppet')).toBe('1');
      expect(value('Opfølgningsopgaver efter status', 'Åben')).toBe('1');
      expect(value('Opfølgningsopgaver efter status', 'Afsluttet')).toBe('1');
      expect(value('Opfølgningsopgaver efter status', 'Opgaver over fristen')).toBe('1');
      const stopped = screen.getByRole('region', { name: /Stoppede indsatser – og hvorfor \(1\)/ });
      await openList(stopped, 'Vis de stoppede indsatser');
      expect(stopped).toHaveTextContent('Papirløse møder');
      expect(stopped).toHaveTextContent('Det gav ikke mere tid til børnene.');
      const stories = screen.getByRole('region', { name: 'Hverdagshistorier pr. ambition' });
      expect(within(stories).getByText('Mod og stolthed', { selector: 'dt' }).nextElementSibling).toHaveTextContent(
        '2',
      );
      expect(within(stories).getByText('Viden og faglighed', { selector: 'dt' }).nextElementSibling).toHaveTextContent(
        '0',
      );
    });

    it('says when units have no figures yet (no summary in "MPK Overblik")', async () => {
      const services = fakeFor();
      const original = services.views.loadFollowUpView.bind(services.views);
      jest
        .spyOn(services.views, 'loadFollowUpView')
        .mockImplementation(async (query) => ({ ...(await original(query)), complete: false }));
      renderFollowUp(services);
      expect(await screen.findByText(/Overblikket mangler endnu tal for en eller flere enheder/)).toBeInTheDocument();
    });

    it('lists the overdue tasks with their week number', async () => {
      renderFollowUp(fakeFor());
      const overdue = await screen.findByRole('region', { name: 'Opgaver over fristen (1)' });
      await openList(overdue, 'Vis opgaverne over fristen');
      expect(overdue).toHaveTextContent('Følg op på trivselsmålingen');
      expect(overdue).toHaveTextContent('Frist 02.03.2026 (uge 10)');
      expect(overdue).toHaveTextContent('Over fristen – uge 10');
      expect(overdue).toHaveTextContent('Ansvarlig: Leder · Læring og Trivsel');
    });

    it('shows the ten most overdue tasks first and the rest on request, so a long list never renders at once', async () => {
      const services = fakeFor();
      for (let i = 0; i < 11; i++) {
        services.data.tasks.push({
          id: 100 + i,
          clientKey: `late-${i}`,
          title: `Sen opgave ${i}`,
          unitId: 1,
          ambitionKey: 'gode-rammer',
          assigneeId: 9,
          dueDate: `2026-02-${String(10 + i).padStart(2, '0')}`,
          status: 'open',
        });
      }
      const user = userEvent.setup({ delay: null });
      renderFollowUp(services);
      const overdue = await screen.findByRole('region', { name: 'Opgaver over fristen (12)' });
      await openList(overdue, 'Vis opgaverne over fristen');
      expect(within(overdue).getAllByRole('listitem')).toHaveLength(10);
      expect(within(overdue).getAllByRole('listitem')[0]).toHaveTextContent('Sen opgave 0');
      await act(async () => {
        await user.click(within(overdue).getByRole('button', { name: 'Vis alle 12' }));
      });
      expect(within(overdue).getAllByRole('listitem')).toHaveLength(12);
      expect(within(overdue).getByRole('button', { name: 'Vis færre' })).toHaveAttribute('aria-expanded', 'true');
    });

    it('compares with another date only when asked, with one more view call', async () => {
      const services = fakeFor();
      const load = jest.spyOn(services.views, 'loadFollowUpView');
      const user = userEvent.setup({ delay: null });
      renderFollowUp(services);
      await screen.findByRole('table', { name: /Hvor hver enhed står/ });
      const since = screen.getByLabelText('Udvikling siden');
      await act(async () => {
        await user.clear(since);
        await user.type(since, '6/3-2026');
        await user.click(screen.getByRole('button', { name: 'Sammenlign' }));
      });
      await waitFor(() => expect(services.calls).toEqual(['views.loadFollowUpView', 'views.loadFollowUpView']));
      expect(load).toHaveBeenLastCalledWith(expect.objectContaining({ since: '2026-03-06' }));
      expect(window.localStorage.getItem('mpk:followUp:since')).toBe('2026-03-06');
    });

    it('describes the date field by its hint, and refuses a date in the future with a message', async () => {
      const user = userEvent.setup({ delay: null });
      renderFollowUp(fakeFor());
      await screen.findByRole('table', { name: /Hvor hver enhed står/ });
      const since = screen.getByLabelText('Udvikling siden');
      expect(since).toHaveAccessibleDescription(/Datoen for sidste opfølgning/);
      expect(since).not.toHaveAttribute('aria-invalid');
      await act(async () => {
        await user.clear(since);
        await user.type(since, '01.01.2999');
      });
      expect(since).toHaveAttribute('aria-invalid', 'true');
      expect(screen.getByRole('alert')).toHaveTextContent('Vælg en dato, der ikke ligger i fremtiden.');
      expect(since).toHaveAccessibleDescription(/Vælg en dato, der ikke ligger i fremtiden/);
      expect(screen.getByRole('button', { name: 'Sammenlign' })).toBeDisabled();
    });

    it('keeps a typed date that does not exist, says so in Danish, and does not compare', async () => {
      const user = userEvent.setup({ delay: null });
      renderFollowUp(fakeFor());
      await screen.findByRole('table', { name: /Hvor hver enhed står/ });
      const since = screen.getByLabelText('Udvikling siden');
      await act(async () => {
        await user.clear(since);
        await user.type(since, '31.11.2025');
        await user.tab();
      });
      expect(since).toHaveValue('31.11.2025');
      expect(screen.getByRole('alert')).toHaveTextContent(
        'Udvikling siden: 31.11.2025 findes ikke i kalenderen. Tjek dag og måned.',
      );
      expect(since).toHaveAttribute('aria-invalid', 'true');
      expect(screen.getByRole('button', { name: 'Sammenlign' })).toBeDisabled();
    });

    it('loads the date picker only when the calendar is asked for, and opens it in Danish', async () => {
      const user = userEvent.setup({ delay: null });
      renderFollowUp(fakeFor());
      await screen.findByRole('table', { name: /Hvor hver enhed står/ });
      expect(screen.queryByRole('combobox', { name: 'Udvikling siden' })).toBeNull();
      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Vælg dato i kalenderen' }));
      });
      const calendar = await screen.findByRole('dialog', { name: 'Kalender' });
      expect(within(calendar).getAllByRole('columnheader')[1]).toHaveTextContent('ma');
      expect(screen.getByRole('combobox', { name: 'Udvikling siden' })).toHaveAccessibleDescription(
        /Datoen for sidste opfølgning/,
      );
    });
  });

  describe('when a key figure is pressed', () => {
    /** Two units without a plan: a new stab, and a department under Læring og Trivsel. */
    function withoutPlans(): ReturnType<typeof fakeFor> {
      const services = fakeFor();
      services.data.units.push(
        { id: 3, clientKey: 'ny', name: 'Ny stab', kind: 'staff', leaderIds: [], order: 3 },
        { id: 4, clientKey: 'dt', name: 'Dagtilbud Øst', kind: 'department', parentId: 1, leaderIds: [], order: 4 },
      );
      return services;
    }

    it('shows only the units without a plan from "Enheder uden plan", in their groups, and all again on "Vis alle enheder"', async () => {
      const user = userEvent.setup({ delay: null });
      renderFollowUp(withoutPlans());
      const table = await screen.findByRole('table', { name: /Hvor hver enhed står/ });
      const names = (): (string | null)[] =>
        within(table)
          .getAllByRole('rowheader')
          .map((h) => h.textContent);
      // The department sits under its kerneområde.
      expect(names()).toEqual(['Læring og Trivsel', 'Dagtilbud Øst', 'Økonomi', 'Ny stab']);
      const figure = screen.getByRole('button', { name: 'Enheder uden plan: 2 – vis kun dem i tabellen' });
      expect(figure).toHaveAttribute('aria-pressed', 'false');
      await user.click(figure);
      expect(figure).toHaveAttribute('aria-pressed', 'true');
      expect(names()).toEqual(['Læring og Trivsel', 'Dagtilbud Øst', 'Ny stab']);
      expect(
        within(table)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ).toEqual(['Ingen gældende plan', 'Ingen gældende plan']);
      const notice = screen.getByText('Tabellen viser kun enheder uden gældende plan (2).');
      expect(notice).toHaveFocus();
      await user.click(screen.getByRole('button', { name: 'Vis alle enheder' }));
      expect(names()).toHaveLength(4);
      expect(figure).toHaveFocus();
      expect(figure).toHaveAttribute('aria-pressed', 'false');
      await waitFor(() =>
        expect(screen.getByTestId('mpk-announcer')).toHaveTextContent('Tabellen viser alle enheder (4).'),
      );
      expect(screen.queryByRole('button', { name: 'Vis alle enheder' })).not.toBeInTheDocument();
    });

    it('opens the tasks over the deadline from "Opgaver over fristen", says so, and shows all tasks again on "Vis alle opgaver"', async () => {
      const user = userEvent.setup({ delay: null });
      const services = fakeFor();
      const query = jest.spyOn(services.tasks, 'query');
      renderFollowUp(services);
      await screen.findByRole('table', { name: /Hvor hver enhed står/ });
      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Opgaver over fristen: 1 – vis opgaverne' }));
      });
      const heading = await screen.findByRole('heading', { name: 'Opfølgningsopgaver' });
      await waitFor(() => expect(heading).toHaveFocus());
      expect(query).toHaveBeenLastCalledWith({ overdueOn: '2026-03-10' }, 50);
      expect(screen.getByRole('checkbox', { name: 'Kun opgaver over fristen' })).toBeChecked();
      await waitFor(() =>
        expect(screen.getByTestId('mpk-announcer')).toHaveTextContent('Opgaverne er filtreret: Opgaver over fristen.'),
      );
      await waitFor(() => expect(screen.getByText('Opgaver vist: 1.')).toBeInTheDocument());
      expect(screen.getByText('Følg op på trivselsmålingen')).toBeInTheDocument();

      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Vis alle opgaver' }));
      });
      expect(query).toHaveBeenLastCalledWith({}, 50);
      expect(screen.getByRole('checkbox', { name: 'Kun opgaver over fristen' })).not.toBeChecked();
      expect(heading).toHaveFocus();
      await waitFor(() => expect(screen.getByText('Budgetmodellen til direktionen')).toBeInTheDocument());
    });

    it('opens the tasks in progress from "I gang" with the status filter set', async () => {
      const user = userEvent.setup({ delay: null });
      renderFollowUp(fakeFor());
      await screen.findByRole('table', { name: /Hvor hver enhed står/ });
      const tasks = screen.getByRole('region', { name: 'Opfølgningsopgaver efter status' });
      await act(async () => {
        await user.click(within(tasks).getByRole('button', { name: 'I gang: 1 – vis opgaverne' }));
      });
      await screen.findByRole('heading', { name: 'Opfølgningsopgaver' });
      expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('inProgress');
      await waitFor(() => expect(screen.getByText('Budgetmodellen til direktionen')).toBeInTheDocument());
      expect(screen.queryByText('Følg op på trivselsmålingen')).not.toBeInTheDocument();
    });
  });

  describe('in English', () => {
    it('uses the English strings, labels and date format', async () => {
      renderFollowUp(fakeFor(), {}, { strings: englishStrings(), tag: 'en-US' });
      const table = await screen.findByRole('table', { name: /Where each unit stands/ });
      expect(within(table).getAllByRole('cell')[0]).toHaveTextContent('Relevance: High');
      expect(within(table).getAllByRole('cell')[0]).toHaveTextContent('Trend: Worse');
      const overdue = screen.getByRole('region', { name: 'Tasks past the deadline (1)' });
      await openList(overdue, 'Show the tasks past the deadline');
      expect(overdue).toHaveTextContent('Due 03/02/2026 (week 10)');
      expect(overdue).toHaveTextContent('Past the deadline – week 10');
      expect(screen.getByRole('tab', { name: 'My tasks' })).toBeInTheDocument();
    });
  });

  describe('for someone outside the chefgruppe', () => {
    it('shows only "Mine opgaver" and a Danish note that the overview is for the chefgruppe', async () => {
      renderFollowUp(fakeFor({ user: EMPLOYEE, canManageTasks: false }));
      expect(await screen.findByRole('heading', { name: 'Mine opgaver' })).toBeInTheDocument();
      expect(screen.getByText(/Overblikket, opgavetavlen og statusrapporten er for chefgruppen/)).toBeInTheDocument();
      expect(screen.getByText('Du har ingen opfølgningsopgaver lige nu.')).toBeInTheDocument();
      expect(screen.queryByRole('tablist')).toBeNull();
      expect(screen.queryByRole('table')).toBeNull();
      expect(screen.queryByRole('button', { name: 'Ny opgave' })).toBeNull();
      expect(screen.queryByText('Følg op på trivselsmålingen')).toBeNull();
    });

    it('shows a leader their own tasks only, even with initialTab asking for the overview', async () => {
      renderFollowUp(fakeFor({ user: LEADER, canManageTasks: false }), { initialTab: 'overview' });
      expect(await screen.findByRole('heading', { name: 'Åbne opgaver (1)' })).toBeInTheDocument();
      expect(screen.getByText('Følg op på trivselsmålingen')).toBeInTheDocument();
      expect(screen.queryByText('Budgetmodellen til direktionen')).toBeNull();
      expect(screen.queryByRole('table')).toBeNull();
    });
  });

  describe('when the lists do not exist yet', () => {
    it('explains the surface and tells a reader who is not a site owner that an administrator prepares the site', async () => {
      renderFollowUp(fakeFor({ provisioned: false }));
      expect(
        await screen.findByText(/Opfølgningen vises, når en administrator har sat Mod på kerneopgaven op/),
      ).toBeInTheDocument();
      expect(screen.getByText(/chefgruppen overblik over, hvor hver enhed står/)).toBeInTheDocument();
      expect(screen.queryByRole('table')).toBeNull();
    });
  });

  describe('when the view cannot be read', () => {
    it('shows the data layer\'s Danish message and reads again on "Prøv igen"', async () => {
      const services = fakeFor();
      services.failNext('views.loadFollowUpView', new DataError('network'));
      const user = userEvent.setup({ delay: null });
      renderFollowUp(services);
      expect(await screen.findByText(/Der er ingen forbindelse/)).toBeInTheDocument();
      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Prøv igen' }));
      });
      expect(await screen.findByRole('table', { name: /Hvor hver enhed står/ })).toBeInTheDocument();
      expect(services.calls).toEqual(['views.loadFollowUpView', 'views.loadFollowUpView']);
    });
  });

  describe('with bad data from the server', () => {
    it('renders unknown choice values and missing fields instead of crashing', async () => {
      const services = fakeFor();
      services.data.tasks.push({
        id: 50,
        clientKey: 'bad',
        title: 'Mærkelig opgave',
        unitId: 99,
        assigneeId: 8,
        dueDate: 'ikke-en-dato',
        status: 'venter' as never,
      });
      services.data.checkIns.push({
        id: 60,
        clientKey: 'bad-c',
        initiativeId: 4,
        health: 'lilla' as never,
        progress: 0,
        date: '2026-03-08',
      });
      renderFollowUp(services, { initialTab: 'mine' });
      expect(await screen.findByText('Mærkelig opgave')).toBeInTheDocument();
      const card = screen.getByText('Mærkelig opgave').closest('li') as HTMLElement;
      expect(card).toHaveTextContent('Ingen frist');
      expect(card).toHaveTextContent('Ukendt enhed');
      expect(card).toHaveTextContent('Status: venter');
    });
  });
});
