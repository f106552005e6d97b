import '@testing-library/jest-dom';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataError } from '../../../src/data/errors';
import { fakeFor, renderFollowUp } from './fixtures';

jest.setTimeout(60000);

beforeEach(() => {
  window.localStorage.clear();
  window.localStorage.setItem('mpk:followUp:since', '2026-02-01');
});

describe('FollowUpApp on the shell view loader', () => {
  it('keeps the overview on screen when a later read fails, says why there, and reads again on "Prøv igen"', async () => {
    const services = fakeFor();
    const user = userEvent.setup({ delay: null });
    renderFollowUp(services);
    await screen.findByRole('table', { name: /Hvor hver enhed står/ });

    services.failNext('views.loadFollowUpView', new DataError('network'));
    const since = screen.getByLabelText('Udvikling siden');
    await act(async () => {
      await user.clear(since);
      await user.type(since, '06.03.2026');
      await user.click(screen.getByRole('button', { name: 'Sammenlign' }));
    });
    expect(await screen.findByText('Opfølgningen kunne ikke hentes')).toBeInTheDocument();
    // The view read before stays: the failure does not blank the surface.
    expect(screen.getByRole('table', { name: /Hvor hver enhed står/ })).toBeInTheDocument();

    await act(async () => {
      await user.click(screen.getByRole('button', { name: 'Prøv igen' }));
    });
    await waitFor(() => expect(screen.queryByText('Opfølgningen kunne ikke hentes')).not.toBeInTheDocument());
    expect(services.calls).toEqual(['views.loadFollowUpView', 'views.loadFollowUpView', 'views.loadFollowUpView']);
  });
});
