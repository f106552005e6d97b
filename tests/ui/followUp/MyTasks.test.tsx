import '@testing-library/jest-dom';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataError } from '../../../src/data/errors';
import { CHEF, fakeFor, LEADER, renderFollowUp } from './fixtures';

jest.setTimeout(60000);

beforeEach(() => window.localStorage.clear());

function leader(): ReturnType<typeof fakeFor> {
  return fakeFor({ user: LEADER, canManageTasks: false });
}

describe('"Mine opgaver"', () => {
  describe('for a leader', () => {
    it("lists the leader's own tasks across units, open ones first, the overdue one marked with its week", async () => {
      renderFollowUp(leader(), { host: 'teams-personal' });
      const open = await screen.findByRole('heading', { name: 'Åbne opgaver (1)' });
      expect(open).toBeInTheDocument();
      const task = screen.getByRole('listitem', { name: 'Følg op på trivselsmålingen' });
      expect(task).toHaveTextContent('Frist 02.03.2026 (uge 10)');
      expect(task).toHaveTextContent('Over fristen – uge 10');
      expect(task).toHaveTextContent('Læring og Trivsel');
      expect(task).toHaveTextContent('Ambition: Mod og stolthed');
      expect(task).toHaveTextContent('Møde: Chefgruppemøde februar 2026');
      expect(screen.getByRole('button', { name: 'Afsluttede opgaver (1)' })).toBeInTheDocument();
    });

    it('marks a task done with setStatus only, moves it to the closed ones and says so', async () => {
      const services = leader();
      const setStatus = jest.spyOn(services.tasks, 'setStatus');
      const user = userEvent.setup({ delay: null });
      renderFollowUp(services);
      await act(async () => {
        await user.click(
          await screen.findByRole('button', { name: 'Markér som afsluttet: »Følg op på trivselsmålingen«' }),
        );
      });
      expect(await screen.findByRole('heading', { name: 'Åbne opgaver (0)' })).toBeInTheDocument();
      expect(screen.getByText('Alle dine opgaver er afsluttet.')).toBeInTheDocument();
      expect(setStatus).toHaveBeenCalledWith(expect.objectContaining({ id: 1, status: 'open' }), 'closed');
      expect(services.calls).not.toContain('tasks.create');
      expect(services.data.tasks.find((t) => t.id === 1)?.status).toBe('closed');
      expect(await screen.findByText('»Følg op på trivselsmålingen« har nu status Afsluttet.')).toBeInTheDocument();
      const closedToggle = screen.getByRole('button', { name: 'Afsluttede opgaver (2)' });
      expect(closedToggle).toHaveAttribute('aria-expanded', 'false');
      expect(screen.queryByRole('button', { name: 'Genåbn »Følg op på trivselsmålingen«' })).toBeNull();
      await act(async () => {
        await user.click(closedToggle);
      });
      expect(closedToggle).toHaveAttribute('aria-expanded', 'true');
      expect(document.getElementById(closedToggle.getAttribute('aria-controls') as string)).toContainElement(
        screen.getByRole('button', { name: 'Genåbn »Følg op på trivselsmålingen«' }),
      );
    });

    it('shows the Danish message when SharePoint is busy, and the task stays as it was', async () => {
      const services = leader();
      services.failNext('tasks.setStatus', new DataError('throttled', { status: 429 }));
      const user = userEvent.setup({ delay: null });
      renderFollowUp(services);
      await act(async () => {
        await user.click(
          await screen.findByRole('button', { name: 'Markér som afsluttet: »Følg op på trivselsmålingen«' }),
        );
      });
      expect(await screen.findByText(/Der er travlt lige nu/)).toBeInTheDocument();
      expect(screen.getByRole('heading', { name: 'Åbne opgaver (1)' })).toBeInTheDocument();
      expect(services.data.tasks.find((t) => t.id === 1)?.status).toBe('open');
    });

    it("lets the leader keep the other person's status when the chefgruppe changed it meanwhile", async () => {
      const services = leader();
      const user = userEvent.setup({ delay: null });
      renderFollowUp(services);
      await screen.findByRole('heading', { name: 'Åbne opgaver (1)' });
      services.changeAsSomeoneElse('tasks', 1, { status: 'inProgress' });
      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Markér som afsluttet: »Følg op på trivselsmålingen«' }));
      });
      const conflict = await screen.findByRole('region', { name: /En anden har gemt ændringer/ });
      expect(within(conflict).getByText('I gang')).toBeInTheDocument();
      expect(within(conflict).getByText('Afsluttet')).toBeInTheDocument();
      await act(async () => {
        await user.click(within(conflict).getByRole('button', { name: 'Behold den gemte udgave' }));
      });
      await waitFor(() => expect(screen.queryByRole('region', { name: /En anden har gemt ændringer/ })).toBeNull());
      expect(screen.getByRole('listitem', { name: 'Følg op på trivselsmålingen' })).toHaveTextContent('Status: I gang');
      expect(services.data.tasks.find((t) => t.id === 1)?.status).toBe('inProgress');
    });
  });

  describe('when the leader has more tasks than one page', () => {
    it('shows the first page, says there are more, and "Vis flere" reads the next', async () => {
      const services = leader();
      for (let i = 0; i < 5; i++) {
        services.data.tasks.push({
          id: 100 + i,
          clientKey: `m${i}`,
          title: `Ekstra opgave ${i + 1}`,
          unitId: 1,
          ambitionKey: 'gode-rammer',
          assigneeId: LEADER.id,
          dueDate: '2026-06-01',
          status: 'open',
        });
      }
      const user = userEvent.setup({ delay: null });
      renderFollowUp(services, { pageSize: 3 });
      expect(
        await screen.findByRole('heading', { name: 'Åbne opgaver (3 hentet – der er flere)' }),
      ).toBeInTheDocument();
      expect(screen.getByText('Viser 3 opgaver – der er flere.')).toBeInTheDocument();
      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Vis flere' }));
      });
      expect(
        await screen.findByRole('heading', { name: 'Åbne opgaver (6 hentet – der er flere)' }),
      ).toBeInTheDocument();
      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Vis flere' }));
      });
      expect(await screen.findByRole('heading', { name: 'Åbne opgaver (6)' })).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Afsluttede opgaver (1)' })).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Vis flere' })).toBeNull();
    });
  });

  describe('for the chefgruppe', () => {
    it('is a tab of its own next to the overview', async () => {
      const services = fakeFor();
      services.data.tasks.push({
        id: 70,
        clientKey: 't70',
        title: 'Chefens egen opgave',
        unitId: 2,
        ambitionKey: 'gode-rammer',
        assigneeId: CHEF.id,
        dueDate: '2026-05-01',
        status: 'open',
      });
      const user = userEvent.setup({ delay: null });
      renderFollowUp(services);
      await act(async () => {
        await user.click(await screen.findByRole('tab', { name: 'Mine opgaver' }));
      });
      expect(screen.getByRole('tabpanel')).toHaveTextContent('Chefens egen opgave');
      expect(screen.queryByText('Følg op på trivselsmålingen')).toBeNull();
    });
  });
});
