import * as React from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import writeExcelFile from 'write-excel-file/node';
import axe from 'axe-core';
import { ImportWizard, type IImportWizardProps } from '../../../src/ui/measurements/ImportWizard';
import type { IIndicator, IIndicatorValue } from '../../../src/domain/measurements';
import { DataError } from '../../../src/data/errors';
import { renderInShell } from '../../support/render';

const UNITS = [
  { id: 1, title: 'Jobcenter' },
  { id: 2, title: 'Børn og Unge' },
  { id: 3, title: 'Ældre og Sundhed' },
];
const INDICATORS: IIndicator[] = [
  { key: 'trivsel', title: 'Trivselsmåling', unit: 'point', direction: 'higher', ambitionKey: 'a1' },
  { key: 'apv', title: 'APV', unit: 'procent', direction: 'higher', ambitionKey: 'a2' },
];
const HEADER = ['Enhed', 'Periode', 'Indikator', 'Værdi', 'Antal besvarelser'];
/** Three good rows and one with an unknown unit (a typo of "Jobcenter"). */
const ROWS = [
  ['Jobcenter', '2026', 'Trivselsmåling', '4,2', '12'],
  ['Børn og Unge', '2026', 'Trivselsmåling', '3,9', '20'],
  ['Jobcentre', '2026', 'APV', '70', '10'],
  ['Jobcenter', '2026', 'APV', '65', '15'],
];
/** What the three good rows are once stored. */
const STORED: IIndicatorValue[] = [
  { indicatorKey: 'trivsel', unitId: 1, period: '2026', value: 4.2, respondents: 12 },
  { indicatorKey: 'trivsel', unitId: 2, period: '2026', value: 3.9, respondents: 20 },
  { indicatorKey: 'apv', unitId: 1, period: '2026', value: 65, respondents: 15 },
];

async function xlsx(sheets: Array<{ name: string; rows: string[][] }>, name = 'resultater.xlsx'): Promise<File> {
  const buffer = await writeExcelFile(
    sheets.map((sheet) => ({
      sheet: sheet.name,
      data: sheet.rows.map((row) => row.map((value) => ({ value }))),
    })) as never,
  ).toBuffer();
  return new File([buffer], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

type Write = IImportWizardProps['write'];

/** A write that writes every batch at once and reports each. */
const writeAll: Write = async (batches, onProgress) => {
  batches.forEach((_, i) => onProgress(i + 1, batches.length));
  return { written: batches.reduce((n, b) => n + b.length, 0), unchanged: 0, completedBatches: batches.length };
};

function renderWizard(overrides: Partial<IImportWizardProps> = {}): IImportWizardProps {
  const props: IImportWizardProps = {
    units: UNITS,
    indicators: INDICATORS,
    existing: [],
    write: jest.fn(writeAll),
    onClose: jest.fn(),
    ...overrides,
  };
  renderInShell(<ImportWizard {...props} />);
  return props;
}

/** axe-core's WCAG 2.1 A/AA rules on the page (colour contrast needs a real browser: not in jsdom). */
async function axeViolations(): Promise<string[]> {
  const result = await axe.run(document.body, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function upload(user: ReturnType<typeof userEvent.setup>, file: File): Promise<void> {
  await user.upload(screen.getByLabelText(/Excel-fil/), file);
}

describe('ImportWizard', () => {
  it('goes file → guessed mapping → check with problems → confirm → progress → done, writing only on confirm', async () => {
    const user = userEvent.setup();
    const props = renderWizard();
    expect(screen.getByRole('heading', { name: 'Vælg filen' })).toBeInTheDocument();
    await upload(user, await xlsx([{ name: 'Resultater', rows: [HEADER, ...ROWS] }]));

    const mappingHeading = await screen.findByRole('heading', { name: 'Ark og kolonner' });
    await waitFor(() => expect(mappingHeading).toHaveFocus());
    // One sheet: no sheet choice. The mapping is guessed from the header.
    expect(screen.queryByRole('combobox', { name: 'Ark' })).not.toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /^Enhed/ })).toHaveValue('0');
    expect(screen.getByRole('combobox', { name: /^Periode/ })).toHaveValue('1');
    expect(screen.getByRole('combobox', { name: /^Måling/ })).toHaveValue('2');
    expect(screen.getByRole('combobox', { name: /^Resultat/ })).toHaveValue('3');
    expect(screen.getByRole('combobox', { name: /^Antal besvarelser/ })).toHaveValue('4');
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(1 + ROWS.length);
    expect(within(table).getByRole('columnheader', { name: /Værdi indlæses som Resultat/ })).toBeInTheDocument();
    expect(within(table).getByRole('rowheader', { name: '2' })).toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Næste' }));
    const checkHeading = screen.getByRole('heading', { name: 'Tjek af filen' });
    await waitFor(() => expect(checkHeading).toHaveFocus());
    expect(
      screen.getByText('3 resultater er klar til at blive indlæst · 0 er allerede indlæst · 1 række har problemer'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Række 4, kolonnen »Enhed«: enheden »Jobcentre« findes ikke her. Mente du »Jobcenter«?'),
    ).toBeInTheDocument();
    expect(screen.getByText(/De bliver sprunget over – der bliver ikke gættet/)).toBeInTheDocument();
    expect(props.write).not.toHaveBeenCalled();
    expect(await axeViolations()).toEqual([]);
    await waitFor(() =>
      expect(screen.getByTestId('mpk-announcer')).toHaveTextContent('3 resultater er klar til at blive indlæst'),
    );

    await user.click(screen.getByRole('button', { name: 'Indlæs 3 resultater' }));
    expect(await screen.findByText('3 resultater er indlæst')).toBeInTheDocument();
    expect(props.write).toHaveBeenCalledTimes(1);
    const batches = (props.write as jest.Mock).mock.calls[0][0] as IIndicatorValue[][];
    expect(batches.flat()).toEqual(expect.arrayContaining(STORED));
    expect(batches.flat()).toHaveLength(3);

    await user.click(screen.getByRole('button', { name: 'Luk' }));
    expect(props.onClose).toHaveBeenCalledWith(
      expect.objectContaining({ written: 3, unchanged: 0, completedBatches: 1, totalBatches: 1, stopped: false }),
    );
  });

  it('refuses a file with a CPR number anywhere, with the reason, and offers no import', async () => {
    const user = userEvent.setup();
    renderWizard();
    const rows = [[...HEADER, 'Note'], ...ROWS.map((row, i) => [...row, i === 1 ? 'Ring 0101901234' : ''])];
    await upload(user, await xlsx([{ name: 'Ark1', rows }]));
    await user.click(await screen.findByRole('button', { name: 'Næste' }));
    expect(screen.getByText('Filen kan ikke indlæses')).toBeInTheDocument();
    expect(screen.getByText(/Række 3, kolonnen »Note«: der ser ud til at stå et CPR-nummer/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Indlæs 0 resultater' })).toBeDisabled();
    await waitFor(() =>
      expect(screen.getByTestId('mpk-announcer')).toHaveTextContent(
        /^Filen kan ikke indlæses\. Række 3, kolonnen »Note«: der ser ud til at stå et CPR-nummer/,
      ),
    );
  });

  it('says why a file cannot be read and keeps the file read before', async () => {
    const user = userEvent.setup();
    renderWizard();
    await upload(user, await xlsx([{ name: 'Ark1', rows: [HEADER, ...ROWS] }], 'god.xlsx'));
    await user.click(await screen.findByRole('button', { name: 'Tilbage' }));
    await upload(user, new File(['ikke en projektmappe'], 'noter.xlsx'));
    expect(await screen.findByText(/Filen er ikke en Excel-fil/)).toBeInTheDocument();
    expect(screen.getByText('Valgt fil: god.xlsx')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Næste' }));
    expect(screen.getByRole('combobox', { name: /^Enhed/ })).toHaveValue('0');
  });

  it('stops after the first part on "Afbryd" and says what that means', async () => {
    const user = userEvent.setup();
    // 120 units with a result each: two parts (100 + 20).
    const units = Array.from({ length: 120 }, (_, i) => ({ id: i + 1, title: `Enhed ${i + 1}` }));
    const rows = units.map((unit) => [unit.title, '2026', 'APV', '70', '9']);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const write: Write = async (batches, onProgress, signal) => {
      for (let i = 0; i < batches.length; i++) {
        if (signal.aborted) throw Object.assign(new Error('stopped'), { name: 'AbortError' });
        onProgress(i + 1, batches.length);
        await gate;
      }
      return { written: 120, unchanged: 0, completedBatches: batches.length };
    };
    const props = renderWizard({ units, write: jest.fn(write) });
    await upload(user, await xlsx([{ name: 'Ark1', rows: [HEADER, ...rows] }]));
    await user.click(await screen.findByRole('button', { name: 'Næste' }));
    await user.click(screen.getByRole('button', { name: 'Indlæs 120 resultater' }));

    expect(await screen.findByText('Indlæst 100 af 120')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0.5');
    await user.click(screen.getByRole('button', { name: 'Afbryd' }));
    release();
    expect(await screen.findByText(/^Stoppet efter 1 af 2 dele\. Hver enheds periode/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Afbryd' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Luk' }));
    expect(props.onClose).toHaveBeenCalledWith(
      expect.objectContaining({ completedBatches: 1, totalBatches: 2, stopped: true }),
    );
  });

  it('keeps the mapping after a failed write and offers "Prøv igen"', async () => {
    const user = userEvent.setup();
    const write = jest
      .fn<ReturnType<Write>, Parameters<Write>>()
      .mockRejectedValueOnce(new DataError('network'))
      .mockRejectedValueOnce(new DataError('network'))
      .mockImplementation(writeAll);
    renderWizard({ write });
    // The value column is not where the guess puts it: the person's choice must survive the failure.
    const header = ['Enhed', 'Periode', 'Indikator', 'Score', 'Gennemsnit', 'Antal besvarelser'];
    const rows = ROWS.map((row) => [row[0], row[1], row[2], 'x', row[3], row[4]]);
    await upload(user, await xlsx([{ name: 'Ark1', rows: [header, ...rows] }]));
    const valueSelect = await screen.findByRole('combobox', { name: /^Resultat/ });
    expect(valueSelect).toHaveValue('3');
    await user.selectOptions(valueSelect, '4');
    await user.click(screen.getByRole('button', { name: 'Næste' }));
    await user.click(screen.getByRole('button', { name: 'Indlæs 3 resultater' }));

    expect(await screen.findByText('Indlæsningen blev ikke færdig')).toBeInTheDocument();
    expect(screen.getByText(/^Stoppet efter 0 af 1 dele/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Prøv igen' }));
    await waitFor(() => expect(write).toHaveBeenCalledTimes(2));
    expect(await screen.findByText('Indlæsningen blev ikke færdig')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Tilbage' }));
    await user.click(screen.getByRole('button', { name: 'Tilbage' }));
    expect(screen.getByRole('combobox', { name: /^Resultat/ })).toHaveValue('4');
    await user.click(screen.getByRole('button', { name: 'Næste' }));
    await user.click(screen.getByRole('button', { name: 'Indlæs 3 resultater' }));
    expect(await screen.findByText('3 resultater er indlæst')).toBeInTheDocument();
    expect(write).toHaveBeenCalledTimes(3);
    expect(write.mock.calls[2][0].flat()).toEqual(expect.arrayContaining(STORED));
  });

  it("lists the first 50 problems in the file's order and counts the rest", async () => {
    const user = userEvent.setup();
    renderWizard();
    const bad = Array.from({ length: 60 }, (_, i) => ['Jobcenter', `${2001 + i}`, 'Trivselsmåling', 'mange', '10']);
    await upload(user, await xlsx([{ name: 'Ark1', rows: [HEADER, ...bad] }]));
    await user.click(await screen.findByRole('button', { name: 'Næste' }));
    const list = screen.getByRole('list', { name: 'Rækker med problemer' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(51);
    expect(items[0]).toHaveTextContent('Række 2, kolonnen »Værdi«: »mange« er ikke et tal.');
    expect(items[49]).toHaveTextContent('Række 51,');
    expect(items[50]).toHaveTextContent('og 10 mere');
    expect(screen.getByText(/0 resultater er klar .* 60 rækker har problemer/)).toBeInTheDocument();
  });

  it('writes nothing when the same rows are imported again', async () => {
    const user = userEvent.setup();
    const props = renderWizard({ existing: STORED });
    await upload(user, await xlsx([{ name: 'Ark1', rows: [HEADER, ...ROWS] }]));
    await user.click(await screen.findByRole('button', { name: 'Næste' }));
    expect(
      screen.getByText('0 resultater er klar til at blive indlæst · 3 er allerede indlæst · 1 række har problemer'),
    ).toBeInTheDocument();
    expect(screen.getByText('Der er ikke noget nyt at indlæse.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Indlæs 0 resultater' })).toBeDisabled();
    expect(props.write).not.toHaveBeenCalled();
  });

  it('offers the sheets of a workbook with several and guesses each sheet’s mapping', async () => {
    const user = userEvent.setup();
    renderWizard();
    const other = ['Værdi', 'Enhed', 'Periode', 'Indikator'];
    await upload(
      user,
      await xlsx([
        { name: 'Noter', rows: [['Kun noter']] },
        { name: 'Data', rows: [other, ['4', 'Jobcenter', '2026', 'APV']] },
      ]),
    );
    const sheet = await screen.findByRole('combobox', { name: 'Ark' });
    expect(screen.getByRole('combobox', { name: /^Enhed/ })).toHaveValue('');
    await user.selectOptions(sheet, '1');
    expect(screen.getByRole('combobox', { name: /^Enhed/ })).toHaveValue('1');
    expect(screen.getByRole('combobox', { name: /^Resultat/ })).toHaveValue('0');
  });
});
