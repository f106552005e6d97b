import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataError } from '../../../src/data/errors';
import { fakeFor as followUpFake, renderFollowUp } from '../followUp/fixtures';
import { fakeFor as planFake, openCard, OWNER, renderPlan } from '../plan/fixtures';

jest.setTimeout(30_000);

beforeEach(() => window.localStorage.clear());

async function overdueList(): Promise<HTMLElement> {
  const overdue = await screen.findByRole('region', { name: 'Opgaver over fristen (1)' });
  await userEvent.click(within(overdue).getByRole('button', { name: 'Vis opgaverne over fristen' }));
  await within(overdue).findByText('Følg op på trivselsmålingen');
  return overdue;
}

describe('"Send påmindelse" in the follow-up overview', () => {
  it('reminds the assignee of an overdue task once, says how Teams took it, and rests as sent', async () => {
    const services = followUpFake();
    renderFollowUp(services);
    const overdue = await overdueList();
    const button = within(overdue).getByRole('button', { name: 'Send påmindelse om Følg op på trivselsmålingen' });
    await userEvent.click(button);
    expect(await within(overdue).findByRole('button', { name: 'Påmindelse sendt' })).toBeDisabled();
    expect(services.inboxState.nudges).toEqual([{ type: 'task', id: 1 }]);
    expect(await screen.findByText('Modtageren har fået besked i Teams.')).toBeInTheDocument();
  });

  it('says so when the reminder could not be sent, and can be pressed again', async () => {
    const services = followUpFake();
    services.failNext('notifications.nudge', new DataError('network'));
    renderFollowUp(services);
    const overdue = await overdueList();
    await userEvent.click(within(overdue).getByRole('button', { name: /^Send påmindelse om/ }));
    expect(await within(overdue).findByText('Påmindelsen kunne ikke sendes.')).toBeInTheDocument();
    await userEvent.click(within(overdue).getByRole('button', { name: /^Send påmindelse om/ }));
    await waitFor(() => expect(services.inboxState.nudges).toHaveLength(1));
  });
});

describe('"Send påmindelse" in the plan', () => {
  it('is offered on a silent initiative to the chefgruppe, and to nobody else', async () => {
    const chef = planFake({ user: OWNER, inChefgruppe: true });
    const { unmount } = await renderPlan(chef);
    // Its latest check-in was 2026-02-20: 18 days before "today" (2026-03-10).
    const silent = await openCard('Trivselsmåling i alle dagtilbud');
    await act(async () => {
      await userEvent.click(
        within(silent).getByRole('button', { name: 'Send påmindelse om Trivselsmåling i alle dagtilbud' }),
      );
    });
    expect(await within(silent).findByRole('button', { name: 'Påmindelse sendt' })).toBeDisabled();
    expect(chef.inboxState.nudges).toEqual([{ type: 'initiative', id: 11 }]);
    unmount();

    await renderPlan(planFake());
    expect(screen.queryByRole('button', { name: /^Send påmindelse/ })).toBeNull();
  });
});
