import '@testing-library/jest-dom';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { demoData, fakeFor, renderFollowUp } from './fixtures';

// The report is a lazy chunk (React.lazy): load it once before the first test's findBy starts counting.
beforeAll(async () => {
  await import('../../../src/ui/followUp/ReportTab');
});

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

jest.setTimeout(60000);

beforeEach(() => {
  written.length = 0;
  window.localStorage.clear();
  window.localStorage.setItem('mpk:followUp:since', '2026-02-01');
});

describe('the status report', () => {
  it("shows a chosen meeting's tasks under the overview, read through the repository", async () => {
    const services = fakeFor();
    const query = jest.spyOn(services.tasks, 'query');
    const user = userEvent.setup({ delay: null });
    renderFollowUp(services, { initialTab: 'report' });
    await act(async () => {
      await user.type(await screen.findByLabelText(/^Møde/), 'Chefgruppemøde februar 2026');
      await user.click(screen.getByRole('button', { name: 'Vis mødets opgaver' }));
    });
    const report = await screen.findByRole('article', { name: 'Statusrapport – Chefgruppemøde februar 2026' });
    expect(query).toHaveBeenCalledWith({ meeting: 'Chefgruppemøde februar 2026' }, 200);
    const table = await within(report).findByRole('table', { name: 'Opfølgningsopgaver efter frist' });
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['Plan for bedre rammer', 'Følg op på trivselsmålingen']);
    expect(within(table).queryByRole('button')).toBeNull();
    expect(within(report).getByRole('table', { name: /Hvor hver enhed står/ })).toBeInTheDocument();
    expect(
      within(report).getByText(/Udarbejdet 10\.03\.2026 af Christian Holm\. Udviklingen er målt siden 01\.02\.2026\./),
    ).toBeInTheDocument();
  });

  it('refuses a meeting over 255 characters with a Danish reason instead of asking SharePoint', async () => {
    const services = fakeFor();
    const query = jest.spyOn(services.tasks, 'query');
    const user = userEvent.setup({ delay: null });
    renderFollowUp(services, { initialTab: 'report' });
    const input = await screen.findByLabelText(/^Møde/);
    fireEvent.change(input, { target: { value: 'Chefgruppemøde '.repeat(20) } });
    expect(input).toHaveValue('Chefgruppemøde '.repeat(20));
    await act(async () => {
      await user.click(screen.getByRole('button', { name: 'Vis mødets opgaver' }));
    });
    expect(screen.getByText('Mødet må højst være 255 tegn – det er nu 299.')).toBeInTheDocument();
    expect(query).not.toHaveBeenCalled();
    expect(screen.queryByText(/kunne ikke gemmes/)).toBeNull();
    // Shortened to a real meeting, the same button shows its tasks.
    fireEvent.change(input, { target: { value: 'Chefgruppemøde februar 2026' } });
    await act(async () => {
      await user.click(screen.getByRole('button', { name: 'Vis mødets opgaver' }));
    });
    expect(query).toHaveBeenCalledWith({ meeting: 'Chefgruppemøde februar 2026' }, 200);
    expect(screen.queryByText(/må højst være 255 tegn/)).toBeNull();
  });

  it('exports "Overblik" and "Opgaver" to an Excel file named after the meeting, loading the library only then', async () => {
    const services = fakeFor();
    const initiativesRead = jest.spyOn(services.initiatives, 'listForUnit');
    const user = userEvent.setup({ delay: null });
    renderFollowUp(services, { initialTab: 'report' });
    await act(async () => {
      await user.type(await screen.findByLabelText(/^Møde/), 'Chefgruppemøde marts 2026');
      await user.click(screen.getByRole('button', { name: 'Vis mødets opgaver' }));
    });
    await screen.findByRole('heading', { name: 'Opgaver fra Chefgruppemøde marts 2026' });
    expect(written).toHaveLength(0);
    await act(async () => {
      await user.click(screen.getByRole('button', { name: 'Hent som Excel' }));
    });
    await waitFor(() => expect(written).toHaveLength(1));
    const [{ sheets, fileName }] = written;
    expect(fileName).toBe('Statusrapport-Chefgruppemøde-marts-2026-2026-03-10.xlsx');
    expect(sheets.map((s) => s.sheet)).toEqual(['Overblik', 'Opgaver']);
    const tasks = sheets[1].data as Array<Array<{ value: unknown } | null>>;
    expect(tasks).toHaveLength(2);
    expect(tasks[1][0]).toMatchObject({ value: 'Budgetmodellen til direktionen' });
    // The task is about an initiative: named by its title, which the first view already carries.
    expect(tasks[1][2]).toMatchObject({ value: 'Indsats: Ny budgetmodel' });
    expect(initiativesRead).not.toHaveBeenCalled();
    expect(tasks[1][4]).toMatchObject({ value: new Date(Date.UTC(2026, 3, 15)), format: 'dd.mm.yyyy' });
    expect(
      await screen.findByText('Excel-filen »Statusrapport-Chefgruppemøde-marts-2026-2026-03-10.xlsx« er hentet.'),
    ).toBeInTheDocument();
  });

  it('names the reader plainly in the printed report and the workbook, never "(dig)"', async () => {
    const data = demoData();
    data.tasks?.push({
      id: 4,
      clientKey: 't4',
      title: 'Forbered mødet med direktionen',
      unitId: 2,
      initiativeId: 4,
      assigneeId: 8,
      dueDate: '2026-03-20',
      status: 'open',
      meeting: 'Chefgruppemøde marts 2026',
    });
    const services = fakeFor({ data });
    const user = userEvent.setup({ delay: null });
    renderFollowUp(services, { initialTab: 'report' });
    await act(async () => {
      await user.type(await screen.findByLabelText(/^Møde/), 'Chefgruppemøde marts 2026');
      await user.click(screen.getByRole('button', { name: 'Vis mødets opgaver' }));
    });
    const report = await screen.findByRole('article', { name: 'Statusrapport – Chefgruppemøde marts 2026' });
    const table = await within(report).findByRole('table', { name: 'Opfølgningsopgaver efter frist' });
    expect(table).toHaveTextContent('Christian Holm');
    expect(table).toHaveTextContent('Indsats: Ny budgetmodel');
    expect(report).not.toHaveTextContent('(dig)');
    expect(report).not.toHaveTextContent(/Indsats nr\./);
    await act(async () => {
      await user.click(screen.getByRole('button', { name: 'Hent som Excel' }));
    });
    await waitFor(() => expect(written).toHaveLength(1));
    const cells = (written[0].sheets[1].data as Array<Array<{ value: unknown } | null>>).flat();
    expect(cells.some((cell) => cell?.value === 'Christian Holm')).toBe(true);
    expect(cells.some((cell) => String(cell?.value).includes('(dig)'))).toBe(false);
  });

  it('without a meeting reports the overdue tasks, and prints only the report', async () => {
    const print = jest.fn();
    window.print = print;
    const user = userEvent.setup({ delay: null });
    renderFollowUp(fakeFor(), { initialTab: 'report' });
    const report = await screen.findByRole('article', { name: 'Statusrapport – opgaver over fristen' });
    expect(within(report).getByRole('region', { name: 'Opgaver over fristen (1)' })).toHaveTextContent(
      'Følg op på trivselsmålingen',
    );
    expect(report).toHaveAttribute('data-mpk-print-report');
    expect(screen.getByRole('button', { name: 'Udskriv' }).closest('[data-mpk-no-print]')).not.toBeNull();
    await act(async () => {
      await user.click(screen.getByRole('button', { name: 'Udskriv' }));
    });
    expect(print).toHaveBeenCalledTimes(1);
  });
});
