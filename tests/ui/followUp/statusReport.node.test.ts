/** @jest-environment node */
import JSZip from 'jszip';
import readExcelFile from 'read-excel-file/node';
import writeExcelFile from 'write-excel-file/node';
import * as strings from 'MpkStrings';
import { buildOverview } from '../../../src/domain/overview';
import type { IFollowUpTask } from '../../../src/domain/model';
import {
  buildStatusWorkbook,
  capCellText,
  EXCEL_CELL_MAX,
  excelDate,
  reportFileName,
  type IStatusReportInput,
} from '../../../src/ui/followUp/statusReport';
import { demoData, NOW } from './fixtures';

function workbookInput(tasks: IFollowUpTask[]): IStatusReportInput {
  const data = demoData();
  const overview = buildOverview(
    {
      units: data.units!,
      plans: data.plans!,
      focuses: data.planFocuses!,
      initiatives: data.initiatives!,
      checkIns: data.checkIns!,
      tasks: data.tasks!,
      stories: data.stories!,
    },
    { now: NOW, since: '2026-02-01' },
  );
  return {
    overview,
    ambitions: [],
    units: data.units!,
    tasks,
    personLabel: (id: number | undefined) =>
      id === 9 ? 'Leder · Læring og Trivsel' : id === 11 ? 'Leder · Økonomi' : '',
    aboutText: (task: IFollowUpTask) =>
      task.ambitionKey ? `Ambition: ${task.ambitionKey}` : `Indsats: ${task.initiativeId}`,
    now: NOW,
    locale: 'da-DK' as const,
    texts: strings.followUp.excel,
    labels: strings.labels,
  };
}

describe('the status report workbook', () => {
  it('is a real .xlsx with the sheets "Overblik" and "Opgaver", Danish headers and real dates shown as dd.mm.yyyy', async () => {
    const tasks = demoData().tasks!;
    const sheets = buildStatusWorkbook(workbookInput(tasks));
    const buffer = await writeExcelFile(sheets).toBuffer();

    const zip = await JSZip.loadAsync(buffer);
    expect(await zip.file('xl/styles.xml')!.async('string')).toContain('formatCode="dd.mm.yyyy"');

    const book = await readExcelFile(buffer);
    expect(book.map((s) => s.sheet)).toEqual(['Overblik', 'Opgaver']);

    const overview = book[0].data;
    expect(overview[0]).toEqual([
      'Enhed',
      'Ambition',
      'Relevans',
      'Indsatser',
      'Heraf aktive',
      'Stoppede',
      'Nyeste vurdering',
      'Vurderet den',
      'Udvikling',
    ]);
    // Læring og Trivsel × Mod og stolthed: high, 2 initiatives, yellow on 5 March, worse since 1 February.
    expect(overview[1]).toEqual([
      'Læring og Trivsel',
      'Mod og stolthed',
      'Høj',
      2,
      2,
      0,
      'Gul',
      new Date(Date.UTC(2026, 2, 5)),
      'Dårligere',
    ]);
    expect(overview[2]).toEqual([
      'Læring og Trivsel',
      'Viden og faglighed',
      'Middel',
      1,
      0,
      1,
      'Ingen vurdering',
      null,
      'Ukendt',
    ]);
    // Below the matrix, after a blank row: the key figures and the stopped initiatives with their reasons.
    const figure = (label: string): unknown => (overview.find((row) => row[0] === label) || [])[1];
    expect(figure('Nøgletal')).toBe('Antal');
    expect(figure('Opgaver over fristen')).toBe(1);
    expect(figure('Indsatser med status Stoppet')).toBe(1);
    expect(figure('Opgaver med status Afsluttet')).toBe(1);
    expect(figure('Hverdagshistorier om Mod og stolthed')).toBe(2);
    expect(overview.find((row) => row[0] === 'Papirløse møder')!.slice(0, 4)).toEqual([
      'Papirløse møder',
      'Læring og Trivsel',
      'Viden og faglighed',
      'Det gav ikke mere tid til børnene.',
    ]);

    const taskRows = book[1].data;
    expect(taskRows[0]).toEqual([
      'Opgave',
      'Enhed',
      'Handler om',
      'Ansvarlig',
      'Frist',
      'Uge',
      'Status',
      'Over fristen',
      'Møde',
      'Beskrivelse',
    ]);
    const overdue = taskRows.find((row) => row[0] === 'Følg op på trivselsmålingen')!;
    expect(overdue).toEqual([
      'Følg op på trivselsmålingen',
      'Læring og Trivsel',
      'Ambition: mod-og-stolthed',
      'Leder · Læring og Trivsel',
      new Date(Date.UTC(2026, 2, 2)),
      10,
      'Åben',
      'Ja',
      'Chefgruppemøde februar 2026',
      null,
    ]);
    const closed = taskRows.find((row) => row[0] === 'Plan for bedre rammer')!;
    expect(closed[6]).toBe('Afsluttet');
    expect(closed[7]).toBe('Nej');
  });

  it('leaves a bad due date empty instead of writing a wrong date', () => {
    const [, tasks] = buildStatusWorkbook(
      workbookInput([{ clientKey: 'x', title: 'Uden frist', unitId: 1, dueDate: 'snart', status: 'open' }]),
    );
    expect(tasks.data[1][4]).toBeNull();
    expect(tasks.data[1][5]).toBeNull();
  });

  it('stores a calendar date as that day at midnight UTC (the serial Excel reads as the day)', () => {
    expect(excelDate('2026-11-27')!.toISOString()).toBe('2026-11-27T00:00:00.000Z');
    expect(excelDate('2026-02-30')).toBeUndefined();
  });

  it('names the file after the meeting and the day', () => {
    expect(reportFileName('Statusrapport', 'Chefgruppemøde marts 2026', '2026-03-10')).toBe(
      'Statusrapport-Chefgruppemøde-marts-2026-2026-03-10.xlsx',
    );
    expect(reportFileName('Statusrapport', undefined, '2026-03-10')).toBe('Statusrapport-2026-03-10.xlsx');
  });

  it('caps a cell at Excel\'s 32,767 characters with a visible "… [afkortet]", and the workbook reads back', async () => {
    const long = 'Lang beskrivelse. '.repeat(3000);
    const [, sheet] = buildStatusWorkbook(
      workbookInput([
        {
          clientKey: 'x',
          title: 'Lang opgave',
          unitId: 1,
          status: 'open',
          dueDate: '2026-03-01',
          description: long,
          meeting: 'M'.repeat(40000),
        },
      ]),
    );
    const description = (sheet.data[1][9] as { value: string }).value;
    expect(description).toHaveLength(EXCEL_CELL_MAX);
    expect(description.endsWith('… [afkortet]')).toBe(true);
    expect(description.startsWith(long.slice(0, 30000))).toBe(true);
    expect((sheet.data[1][8] as { value: string }).value).toHaveLength(EXCEL_CELL_MAX);
    // A short text is left alone.
    expect((sheet.data[1][0] as { value: string }).value).toBe('Lang opgave');

    const book = await readExcelFile(
      await writeExcelFile(
        buildStatusWorkbook(
          workbookInput([
            {
              clientKey: 'x',
              title: 'Lang opgave',
              unitId: 1,
              status: 'open',
              dueDate: '2026-03-01',
              description: long,
            },
          ]),
        ),
      ).toBuffer(),
    );
    const read = book[1].data[1][9] as string;
    expect(read.length).toBeLessThanOrEqual(EXCEL_CELL_MAX);
    expect(read.endsWith('… [afkortet]')).toBe(true);
  });

  it('never splits an emoji (a surrogate pair) at the cut', () => {
    const value = 'a'.repeat(EXCEL_CELL_MAX - 6) + '😀'.repeat(10);
    const capped = capCellText(value, '…!');
    expect(capped.length).toBeLessThanOrEqual(EXCEL_CELL_MAX);
    expect(capped.endsWith('…!')).toBe(true);
    const before = capped.slice(0, -2);
    const last = before.charCodeAt(before.length - 1);
    expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
    expect(capCellText('kort', '…!')).toBe('kort');
  });
});
