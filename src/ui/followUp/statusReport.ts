/**
 * The status report as a workbook: sheet "Overblik" (every unit × ambition, then the key figures),
 * sheet "Opgaver" (the chosen meeting's tasks) and, on a site with results, sheet "Målinger". Pure — it builds the sheets; the Excel library
 * is loaded only when someone exports (`exportWorkbook`).
 */
import type { Cell, Row, Sheet } from 'write-excel-file/browser';
import { isoWeek, parseIsoDate } from '../../domain/dates';
import { type Locale } from '../../domain/locale';
import { INITIATIVE_STATUSES, TASK_STATUSES, type IFollowUpTask, type IsoDate } from '../../domain/model';
import type { IOverview } from '../../domain/overview';
import { isOverdue } from '../../domain/workflow';
import type { IAmbition, IUnitItem } from '../../data/repositories/types';
import { ambitionTitle, fileNamePart, unitName } from './followUpModel';
import { own } from '../../domain/dict';
import {
  isPublishable,
  latestWithTrend,
  periodLabel,
  type IIndicator,
  type IIndicatorValue,
  type IndicatorTrend,
} from '../../domain/measurements';
import { labelOf } from '../shell/texts';

/** The workbook's words (from the loc file's `followUp.excel`). */
export type IWorkbookTexts = IMpkFollowUpExcelStrings;

/** Everything the workbook shows. */
export interface IStatusReportInput {
  overview: IOverview;
  ambitions: readonly IAmbition[];
  units: readonly IUnitItem[];
  tasks: readonly IFollowUpTask[];
  /** Who a person id is. */
  personLabel(id: number | undefined): string;
  /** What a task is about ("Ambition: …", "Indsats: …"). */
  aboutText(task: IFollowUpTask): string;
  /** Overdue tasks in the key figures, counted at this instant. */
  now: Date;
  locale: Locale;
  texts: IWorkbookTexts;
  /** The labels of the stored codes (`labels` in `src/loc`). */
  labels: IMpkLabelStrings;
  /** The units' latest results (sheet "Målinger"; none on a site before v8 or without results). */
  measurements?: IReportMeasurements;
}

/** The results the report shows, and how to word their trend and units. */
export interface IReportMeasurements {
  indicators: readonly IIndicator[];
  results: readonly IIndicatorValue[];
  trendText(trend: IndicatorTrend): string;
  unitText(unit: string): string;
}

/** The Excel date format the municipality reads: 27.11.2026. */
export const DATE_FORMAT = 'dd.mm.yyyy';

/** A calendar date as the Date the Excel library stores (midnight UTC, so the serial is the day). */
export function excelDate(date: IsoDate | undefined): Date | undefined {
  const parts = date ? parseIsoDate(date) : undefined;
  return parts ? new Date(Date.UTC(parts.year, parts.month - 1, parts.day)) : undefined;
}

function header(text: string): Cell {
  return { value: text, fontWeight: 'bold' };
}

/** The most characters Excel keeps in one cell; a longer one may make Excel call the workbook damaged. */
export const EXCEL_CELL_MAX = 32767;

/**
 * A text cut to what one Excel cell holds, ending in a visible marker ("… [afkortet]") so no reader
 * mistakes a cut text for the whole. A surrogate pair at the cut is not split.
 */
export function capCellText(value: string, marker: string): string {
  if (value.length <= EXCEL_CELL_MAX) return value;
  let end = EXCEL_CELL_MAX - marker.length;
  const code = value.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return value.slice(0, end) + marker;
}

/** Text cells of one workbook: every one capped with the workbook's marker. */
function textCells(texts: IWorkbookTexts): (value: string | undefined) => Cell {
  return (value) => (value ? { value: capCellText(value, texts.cellTruncated), type: String } : null);
}

function count(value: number): Cell {
  return { value, type: Number };
}

function dateCell(date: IsoDate | undefined): Cell {
  const value = excelDate(date);
  return value ? { value, type: Date, format: DATE_FORMAT } : null;
}

/** Sheet "Overblik": one row per unit × ambition, a blank row, then the key figures. */
export function overviewSheet(input: IStatusReportInput): Sheet<never> {
  const { overview, texts } = input;
  const text = textCells(texts);
  const data: Row[] = [
    [
      header(texts.unit),
      header(texts.ambition),
      header(texts.relevance),
      header(texts.initiatives),
      header(texts.activeInitiatives),
      header(texts.stoppedInitiatives),
      header(texts.latestHealth),
      header(texts.checkInDate),
      header(texts.trend),
    ],
  ];
  for (const row of overview.rows) {
    for (const cell of row.cells) {
      data.push([
        text(row.unit.name),
        text(ambitionTitle(input.ambitions, cell.ambitionKey)),
        text(cell.relevance ? labelOf(input, 'relevance', cell.relevance) : texts.notDecided),
        count(cell.initiativeCount),
        count(cell.activeInitiativeCount),
        count(cell.initiativesByStatus.stopped || 0),
        text(cell.latestHealth ? labelOf(input, 'health', cell.latestHealth) : texts.noCheckIn),
        dateCell(cell.latestCheckInDate),
        text(labelOf(input, 'trend', cell.trend)),
      ]);
    }
  }
  data.push([]);
  data.push([header(texts.keyFigures), header(texts.count)]);
  for (const status of INITIATIVE_STATUSES) {
    data.push([
      text(`${texts.initiativesWithStatus} ${labelOf(input, 'initiativeStatus', status)}`),
      count(overview.initiativesByStatus[status] || 0),
    ]);
  }
  for (const status of TASK_STATUSES) {
    data.push([
      text(`${texts.tasksWithStatus} ${labelOf(input, 'taskStatus', status)}`),
      count(overview.tasksByStatus[status] || 0),
    ]);
  }
  data.push([text(texts.overdueTasks), count(overview.overdueTasks.length)]);
  const storyKeys =
    input.ambitions.length > 0 ? input.ambitions.map((a) => a.key) : Object.keys(overview.storiesByAmbition);
  for (const key of storyKeys) {
    data.push([
      text(`${texts.storiesAbout} ${ambitionTitle(input.ambitions, key)}`),
      count(own(overview.storiesByAmbition, key) || 0),
    ]);
  }
  if (overview.stoppedInitiatives.length > 0) {
    data.push([]);
    data.push([header(texts.stoppedHeading), header(texts.unit), header(texts.ambition), header(texts.stopReason)]);
    for (const initiative of overview.stoppedInitiatives) {
      data.push([
        text(initiative.title),
        text(unitName(input.units, initiative.unitId, '')),
        text(ambitionTitle(input.ambitions, initiative.ambitionKey)),
        text(initiative.stopReason),
      ]);
    }
  }
  return {
    sheet: texts.overviewSheet,
    data,
    columns: [
      { width: 32 },
      { width: 28 },
      { width: 14 },
      { width: 11 },
      { width: 11 },
      { width: 11 },
      { width: 18 },
      { width: 14 },
      { width: 12 },
    ],
    stickyRowsCount: 1,
  };
}

/** Sheet "Opgaver": one row per task, by due date. */
export function tasksSheet(input: IStatusReportInput): Sheet<never> {
  const { texts } = input;
  const text = textCells(texts);
  const data: Row[] = [
    [
      header(texts.task),
      header(texts.unit),
      header(texts.about),
      header(texts.assignee),
      header(texts.dueDate),
      header(texts.week),
      header(texts.status),
      header(texts.overdue),
      header(texts.meeting),
      header(texts.description),
    ],
  ];
  for (const task of input.tasks) {
    const due = parseIsoDate(task.dueDate || '') ? task.dueDate : undefined;
    data.push([
      text(task.title),
      text(unitName(input.units, task.unitId, '')),
      text(input.aboutText(task)),
      text(input.personLabel(task.assigneeId)),
      dateCell(due),
      due ? count(isoWeek(due)) : null,
      text(labelOf(input, 'taskStatus', task.status)),
      text(isOverdue(task, input.now) ? texts.yes : texts.no),
      text(task.meeting),
      text(task.description),
    ]);
  }
  return {
    sheet: texts.tasksSheet,
    data,
    columns: [
      { width: 36 },
      { width: 28 },
      { width: 34 },
      { width: 28 },
      { width: 12 },
      { width: 6 },
      { width: 12 },
      { width: 10 },
      { width: 28 },
      { width: 50 },
    ],
    stickyRowsCount: 1,
  };
}

/**
 * Sheet "Målinger": per unit and indicator the latest result, the one before it (same period length) and the
 * development; a result fewer than 5 answered is never there (refused on import, skipped here too).
 */
export function measurementsSheet(input: IStatusReportInput, m: IReportMeasurements): Sheet<never> {
  const { texts, locale } = input;
  const text = textCells(texts);
  const number = (value: number | undefined): Cell => (value === undefined ? null : { value, type: Number });
  const data: Row[] = [
    [texts.unit, texts.indicator, texts.period, texts.result, texts.measureUnit, texts.previousPeriod]
      .concat([texts.previousResult, texts.change, texts.respondents])
      .map(header),
  ];
  const shown = m.results.filter((r) => isPublishable(r.respondents));
  for (const unit of input.units) {
    const own = shown.filter((r) => r.unitId === unit.id);
    if (own.length === 0) continue;
    for (const indicator of m.indicators) {
      const { latest, previous, trend } = latestWithTrend(own, indicator);
      if (!latest) continue;
      data.push([
        text(unit.name),
        text(indicator.title),
        text(periodLabel(latest.period, locale)),
        number(latest.value),
        text(m.unitText(indicator.unit)),
        text(previous ? periodLabel(previous.period, locale) : undefined),
        number(previous?.value),
        text(m.trendText(trend)),
        number(latest.respondents),
      ]);
    }
  }
  return {
    sheet: texts.measurementsSheet,
    data,
    columns: [{ width: 32 }, { width: 24 }, { width: 16 }, { width: 10 }, { width: 20 }, { width: 16 }].concat([
      { width: 14 },
      { width: 30 },
      { width: 12 },
    ]),
    stickyRowsCount: 1,
  };
}

/** The sheets of the status report ("Målinger" when there are results). */
export function buildStatusWorkbook(input: IStatusReportInput): Sheet<never>[] {
  const sheets = [overviewSheet(input), tasksSheet(input)];
  if (input.measurements && input.measurements.results.length > 0)
    sheets.push(measurementsSheet(input, input.measurements));
  return sheets;
}

/** "Statusrapport-Chefgruppemøde-marts-2026-2026-03-03.xlsx" */
export function reportFileName(prefix: string, meeting: string | undefined, date: IsoDate): string {
  const parts = [prefix, meeting || '', date].map(fileNamePart).filter(Boolean);
  return `${parts.join('-')}.xlsx`;
}

/** Writes the workbook and hands it to the browser as a download; the library is fetched only now. */
export async function exportWorkbook(sheets: Sheet<never>[], fileName: string): Promise<void> {
  const { default: writeXlsxFile } = await import(/* webpackChunkName: 'mpk-xlsx' */ 'write-excel-file/browser');
  await writeXlsxFile(sheets).toFile(fileName);
}
