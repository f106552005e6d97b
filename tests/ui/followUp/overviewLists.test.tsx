import '@testing-library/jest-dom';
import * as React from 'react';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataError } from '../../../src/data/errors';
import type { IFollowUpView } from '../../../src/data/repositories/types';
import type { IFollowUpTask } from '../../../src/domain/model';
import { NO_EDITS, recordSave } from '../../../src/ui/followUp/followUpModel';
import { useOverviewLists, type IOverviewLists } from '../../../src/ui/followUp/useOverviewLists';
import type { IFakeServices } from '../../support/fakeServices';
import { englishStrings, fakeFor, NOW, renderFollowUp } from './fixtures';

jest.setTimeout(60000);

const written: Array<{ sheets: Array<{ sheet: string; data: unknown[][] }>; fileName: string }> = [];
// The real library writes in a browser (see tests/browser/followUp.test.ts); here we see what it is given.
jest.mock('write-excel-file/browser', () => ({
  __esModule: true,
  default: (sheets: Array<{ sheet: string; data: unknown[][] }>) => ({
    toFile: async (fileName: string) => {
      written.push({ sheets, fileName });
    },
  }),
}));

// The lists' items and the report are chunks (React.lazy): load them before the tests count time.
beforeAll(async () => {
  await import('../../../src/ui/followUp/FollowUpLists');
  await import('../../../src/ui/followUp/ReportTab');
});

beforeEach(() => {
  window.localStorage.clear();
  window.localStorage.setItem('mpk:followUp:since', '2026-02-01');
});

/** The first view carries only the counts of the two lists (issue 15) — the fake's as the real one's: checked on every read. */
function countsOnly(services: IFakeServices): void {
  const original = services.views.loadFollowUpView.bind(services.views);
  jest.spyOn(services.views, 'loadFollowUpView').mockImplementation(async (query) => {
    const view = await original(query);
    expect(view.overview.overdueTasks).toBeUndefined();
    expect(view.overview.stoppedInitiatives).toBeUndefined();
    expect(typeof view.overview.overdueCount).toBe('number');
    return view;
  });
}

describe('the overview of counts only', () => {
  it('shows both counts and reads neither list until asked', async () => {
    const services = fakeFor();
    countsOnly(services);
    renderFollowUp(services);
    const overdue = await screen.findByRole('region', { name: 'Opgaver over fristen (1)' });
    expect(within(overdue).getByRole('button', { name: 'Vis opgaverne over fristen' })).toBeInTheDocument();
    expect(within(overdue).queryByRole('listitem')).toBeNull();
    const stopped = screen.getByRole('region', { name: 'Stoppede indsatser – og hvorfor (1)' });
    expect(within(stopped).getByRole('button', { name: 'Vis de stoppede indsatser' })).toBeInTheDocument();
    expect(services.calls).toEqual(['views.loadFollowUpView']);
  });

  it('reads the overdue tasks of the units on "Vis opgaverne over fristen", with a spinner, then the list; focus on the heading and the count announced', async () => {
    const services = fakeFor();
    countsOnly(services);
    const load = jest.spyOn(services.views, 'loadOverdueTasks');
    const release = services.hold('views.loadOverdueTasks');
    const user = userEvent.setup({ delay: null });
    renderFollowUp(services);
    const overdue = await screen.findByRole('region', { name: 'Opgaver over fristen (1)' });
    await act(async () => {
      await user.click(within(overdue).getByRole('button', { name: 'Vis opgaverne over fristen' }));
    });
    expect(within(overdue).getByText('Henter opgaverne over fristen …')).toBeInTheDocument();
    expect(overdue).toHaveAttribute('aria-busy', 'true');
    expect(within(overdue).getByRole('heading', { name: 'Opgaver over fristen (1)' })).toHaveFocus();
    // Only the units the summaries counted overdue tasks in.
    expect(load).toHaveBeenCalledWith([1], '2026-03-10');
    await act(async () => release());
    expect(await within(overdue).findByText('Følg op på trivselsmålingen')).toBeInTheDocument();
    expect(within(overdue).getByText('Over fristen – uge 10')).toBeInTheDocument();
    expect(within(overdue).queryByRole('button', { name: 'Vis opgaverne over fristen' })).toBeNull();
    expect(within(overdue).getByRole('heading', { name: 'Opgaver over fristen (1)' })).toHaveFocus();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Opgaverne over fristen er hentet (1).'));
    expect(services.calls.filter((c) => c === 'views.loadOverdueTasks')).toHaveLength(1);
  });

  it('says in Danish when the list could not be read, and "Prøv igen" reads it', async () => {
    const services = fakeFor();
    countsOnly(services);
    services.failNext('views.loadStoppedInitiatives', new DataError('network'));
    const load = jest.spyOn(services.views, 'loadStoppedInitiatives');
    const user = userEvent.setup({ delay: null });
    renderFollowUp(services);
    const stopped = await screen.findByRole('region', { name: 'Stoppede indsatser – og hvorfor (1)' });
    await act(async () => {
      await user.click(within(stopped).getByRole('button', { name: 'Vis de stoppede indsatser' }));
    });
    const alert = await within(stopped).findByRole('alert');
    expect(alert).toHaveTextContent('De stoppede indsatser kunne ikke hentes');
    // Only the current plans the summaries counted stopped initiatives in.
    expect(load).toHaveBeenCalledWith([1]);
    await act(async () => {
      await user.click(within(alert).getByRole('button', { name: 'Prøv igen' }));
    });
    expect(await within(stopped).findByText('Papirløse møder')).toBeInTheDocument();
    expect(stopped).toHaveTextContent('Det gav ikke mere tid til børnene.');
    expect(within(stopped).queryByRole('alert')).toBeNull();
  });

  it('shows no button when there is nothing to read', async () => {
    const services = fakeFor();
    services.data.tasks = services.data.tasks.filter((t) => t.status === 'closed' || t.dueDate >= '2026-03-10');
    countsOnly(services);
    renderFollowUp(services);
    const overdue = await screen.findByRole('region', { name: 'Opgaver over fristen (0)' });
    expect(overdue).toHaveTextContent('Ingen opgaver er over fristen.');
    expect(within(overdue).queryByRole('button')).toBeNull();
  });

  it('reads both lists when the status report is opened, and offers the export once they are there', async () => {
    const services = fakeFor();
    countsOnly(services);
    const release = services.hold('views.loadOverdueTasks');
    renderFollowUp(services, { initialTab: 'report' });
    expect(
      await screen.findByText('Henter opgaverne over fristen og de stoppede indsatser til rapporten …'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Hent som Excel' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Udskriv' })).toBeDisabled();
    await act(async () => release());
    const report = await screen.findByRole('article', { name: 'Statusrapport – opgaver over fristen' });
    expect(await within(report).findByText('Følg op på trivselsmålingen')).toBeInTheDocument();
    expect(await within(report).findByText('Papirløse møder')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Hent som Excel' })).toBeEnabled());
    expect(screen.getByRole('button', { name: 'Udskriv' })).toBeEnabled();
    expect(screen.queryByText('Henter opgaverne over fristen og de stoppede indsatser til rapporten …')).toBeNull();
    expect(
      services.calls.filter((c) => c === 'views.loadOverdueTasks' || c === 'views.loadStoppedInitiatives').sort(),
    ).toEqual(['views.loadOverdueTasks', 'views.loadStoppedInitiatives']);
  });

  it('exports the lists it read to the workbook without reading the tasks again', async () => {
    written.length = 0;
    const services = fakeFor();
    countsOnly(services);
    const user = userEvent.setup({ delay: null });
    renderFollowUp(services, { initialTab: 'report' });
    const report = await screen.findByRole('article', { name: 'Statusrapport – opgaver over fristen' });
    await within(report).findByText('Papirløse møder');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Hent som Excel' })).toBeEnabled());
    await act(async () => {
      await user.click(screen.getByRole('button', { name: 'Hent som Excel' }));
    });
    await waitFor(() => expect(written).toHaveLength(1));
    const overview = JSON.stringify(written[0].sheets[0].data);
    expect(overview).toContain('Papirløse møder');
    expect(overview).toContain('Det gav ikke mere tid til børnene.');
    expect(JSON.stringify(written[0].sheets[1].data)).toContain('Følg op på trivselsmålingen');
    expect(services.calls).not.toContain('tasks.getMany');
  });

  it('keeps a list read in the overview when the report is opened (no second read)', async () => {
    const services = fakeFor();
    countsOnly(services);
    const user = userEvent.setup({ delay: null });
    renderFollowUp(services);
    const overdue = await screen.findByRole('region', { name: 'Opgaver over fristen (1)' });
    await act(async () => {
      await user.click(within(overdue).getByRole('button', { name: 'Vis opgaverne over fristen' }));
    });
    await within(overdue).findByText('Følg op på trivselsmålingen');
    await act(async () => {
      await user.click(screen.getByRole('tab', { name: 'Statusrapport' }));
    });
    const report = await screen.findByRole('article', { name: 'Statusrapport – opgaver over fristen' });
    expect(await within(report).findByText('Papirløse møder')).toBeInTheDocument();
    expect(within(report).getByText('Følg op på trivselsmålingen')).toBeInTheDocument();
    expect(services.calls.filter((c) => c === 'views.loadOverdueTasks')).toHaveLength(1);
  });
});

describe('the lists on demand in English', () => {
  it('offers and reads them with the English strings', async () => {
    const services = fakeFor();
    countsOnly(services);
    const user = userEvent.setup({ delay: null });
    renderFollowUp(services, {}, { strings: englishStrings(), tag: 'en-US' });
    const stopped = await screen.findByRole('region', { name: 'Stopped initiatives – and why (1)' });
    await act(async () => {
      await user.click(within(stopped).getByRole('button', { name: 'Show the stopped initiatives' }));
    });
    expect(await within(stopped).findByText('Papirløse møder')).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('The stopped initiatives are loaded (1).'),
    );
    expect(
      within(screen.getByRole('region', { name: 'Tasks past the deadline (1)' })).getByRole('button', {
        name: 'Show the tasks past the deadline',
      }),
    ).toBeInTheDocument();
  });
});

describe('a list read on demand and the tasks saved in this session', () => {
  const late: IFollowUpTask = {
    id: 1,
    clientKey: 't1',
    title: 'Sen',
    unitId: 1,
    dueDate: '2026-03-02',
    status: 'open',
  };
  const view = {
    units: [{ id: 1, clientKey: 'u', name: 'U', kind: 'staff', leaderIds: [] }],
    overview: { rows: [] },
  } as unknown as IFollowUpView;

  function Probe(props: { edits: typeof NO_EDITS; onLists(lists: IOverviewLists): void }): null {
    const lists = useOverviewLists({
      view,
      views: {
        loadOverdueTasks: async () => ({ tasks: [late], people: { 9: { displayName: 'Lene' } } }),
        loadStoppedInitiatives: async () => [],
      },
      overdue: { count: 1 },
      stopped: { count: 0 },
      edits: props.edits,
      now: NOW,
      rememberPeople,
      rememberInitiatives: () => undefined,
    });
    props.onLists(lists);
    return null;
  }
  const rememberPeople = jest.fn();

  it('folds the saves into the list read: a task closed here leaves it, a new overdue one joins it', async () => {
    let lists: IOverviewLists | undefined;
    const { rerender } = render(<Probe edits={NO_EDITS} onLists={(l) => (lists = l)} />);
    expect(lists?.overdue.status).toBe('idle');
    await act(async () => {
      lists?.loadOverdue();
    });
    await waitFor(() => expect(lists?.overdue.status).toBe('ready'));
    expect(rememberPeople).toHaveBeenCalledWith([{ id: 9, title: 'Lene', email: '' }]);
    const closed = recordSave(NO_EDITS, late, { ...late, status: 'closed' });
    const created = recordSave(closed, undefined, {
      ...late,
      id: 5,
      clientKey: 'n',
      title: 'Ny og sen',
      dueDate: '2026-03-01',
    });
    rerender(<Probe edits={created} onLists={(l) => (lists = l)} />);
    expect(lists?.overdue).toEqual({ status: 'ready', items: [expect.objectContaining({ title: 'Ny og sen' })] });
    expect(lists?.overdueCount).toBe(1);
  });
});
