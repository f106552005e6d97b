import * as React from 'react';
import { Link, mergeClasses } from '@fluentui/react-components';
import { formatDate } from '../../domain/dates';
import { type Locale } from '../../domain/locale';
import type { IsoDate } from '../../domain/model';
import type { IOverviewCell, IOverviewRow } from '../../domain/overview';
import {
  groupMatrixRows,
  hasNoPlan,
  lineCount,
  onlyWithoutPlan,
  type IMatrixLine,
  type MatrixGroup,
} from '../../domain/overviewGroups';
import type { IAmbition } from '../../data/repositories/types';
import { useStrings, fill } from '../shell/strings';
import { plural } from '../shell/plural';
import { ambitionTitle } from './followUpModel';
import { HealthMark, TrendMark } from './Marks';
import { useMatrixStyles } from './useFollowUpStyles.styles';
import { labelOf } from '../shell/texts';

/** Props of {@link OverviewMatrix}. */
export interface IOverviewMatrixProps {
  rows: readonly IOverviewRow[];
  ambitions: readonly IAmbition[];
  /** The trend's baseline, named in the caption. */
  since: IsoDate;
  locale: Locale;
  strings: IMpkFollowUpMatrixStrings;
  /** Makes each unit's name a link to its plan. */
  planUrl?(unitId: number): string;
  /** Open plan links in a new window (from a Teams personal app, a SharePoint page must not load inside the tab). @default false */
  openLinksInNewWindow?: boolean;
  /**
   * Draw the first rows at once and the rest frame by frame (a municipality's 200 units are a table
   * of thousands of elements: the first screen need not wait for all of them). Off for print.
   * @default false
   */
  progressive?: boolean;
  /** Only the units without a current plan, in their groups. @default false */
  onlyWithoutPlan?: boolean;
}

/** Rows drawn at once, then per frame, when `progressive`. */
export const MATRIX_FIRST_ROWS = 25;
const MATRIX_ROWS_PER_FRAME = 50;

/** How many rows to draw: all, or growing frame by frame until all are there. */
function useRowsShown(total: number, progressive: boolean): number {
  const [shown, setShown] = React.useState(progressive ? Math.min(total, MATRIX_FIRST_ROWS) : total);
  React.useEffect(() => {
    if (!progressive || shown >= total) return undefined;
    const frame = window.requestAnimationFrame(() => setShown((n) => Math.min(total, n + MATRIX_ROWS_PER_FRAME)));
    return () => window.cancelAnimationFrame(frame);
  }, [progressive, shown, total]);
  return progressive ? Math.min(shown, total) : total;
}

/** One unit × ambition: relevance, initiatives, newest health and trend — each in words. */
const MatrixCell = React.memo(function MatrixCell(props: {
  cell: IOverviewCell;
  locale: Locale;
  strings: IMpkFollowUpMatrixStrings;
}): JSX.Element {
  const mpkStrings = useStrings();
  const styles = useMatrixStyles();
  const { cell, locale, strings } = props;
  const relevance = cell.relevance ? labelOf(mpkStrings, 'relevance', cell.relevance) : strings.notDecided;
  const quiet = !cell.relevance && cell.initiativeCount === 0;
  return (
    <td
      className={mergeClasses(
        styles.cell,
        cell.relevance === 'notRelevant' && styles.notRelevant,
        quiet && styles.quiet,
      )}
    >
      <div className={styles.cellLines}>
        <span>{fill(strings.relevance, { relevance })}</span>
        <span>
          {plural(locale, cell.initiativeCount, strings.initiativeOne, strings.initiatives)}
          {cell.initiativeCount > 0 &&
            ` · ${plural(locale, cell.activeInitiativeCount, strings.activeOne, strings.active)}`}
        </span>
        {cell.initiativeCount > 0 && (
          <HealthMark
            health={cell.latestHealth}
            locale={locale}
            template={strings.health}
            noneText={strings.noCheckIn}
          />
        )}
        {cell.latestHealth && cell.trend !== 'unknown' && (
          <TrendMark trend={cell.trend} locale={locale} template={strings.trend} />
        )}
      </div>
    </td>
  );
});

/** Props of {@link MatrixRow}. */
interface IMatrixRowProps extends Pick<
  IOverviewMatrixProps,
  'locale' | 'strings' | 'planUrl' | 'openLinksInNewWindow'
> {
  line: IMatrixLine;
  /** The line opens a group with units under it (its header then names the group). */
  opensGroup: boolean;
  columns: number;
}

/**
 * One unit: its name as the row header (the group's header when it opens a group with units under it,
 * indented by level under it otherwise), then a cell per ambition — or one cell across them all when
 * the unit has no current plan.
 */
const MatrixRow = React.memo(function MatrixRow(props: IMatrixRowProps): JSX.Element {
  const styles = useMatrixStyles();
  const { line, strings } = props;
  const { row } = line;
  const unitId = row.unit.id;
  const href = unitId !== undefined && props.planUrl ? props.planUrl(unitId) : undefined;
  const name = href ? (
    <Link
      href={href}
      aria-label={fill(strings.openPlan, { unit: row.unit.name })}
      target={props.openLinksInNewWindow ? '_blank' : undefined}
      rel={props.openLinksInNewWindow ? 'noopener noreferrer' : undefined}
    >
      {row.unit.name}
    </Link>
  ) : (
    row.unit.name
  );
  const header = mergeClasses(
    styles.rowHeader,
    line.depth === 0 && styles.groupHead,
    line.depth === 1 && styles.depth1,
    line.depth > 1 && styles.depth2,
  );
  if (line.nameOnly) {
    return (
      <tr>
        <th scope="rowgroup" colSpan={props.columns + 1} className={header}>
          {name}
        </th>
      </tr>
    );
  }
  return (
    <tr>
      <th scope={props.opensGroup ? 'rowgroup' : 'row'} className={header}>
        {name}
      </th>
      {hasNoPlan(row) ? (
        <td
          colSpan={props.columns}
          className={mergeClasses(styles.cell, styles.quiet, line.depth === 0 && styles.groupHead)}
        >
          {strings.noPlan}
        </td>
      ) : (
        row.cells.map((cell) => (
          <MatrixCell key={cell.ambitionKey} cell={cell} locale={props.locale} strings={strings} />
        ))
      )}
    </tr>
  );
});

/** The groups' bodies, the first `shown` lines of them (a body per kerneområde). */
function groupBodies(
  groups: readonly MatrixGroup[],
  shown: number,
  row: (line: IMatrixLine, opensGroup: boolean) => JSX.Element,
): JSX.Element[] {
  const bodies: JSX.Element[] = [];
  let left = shown;
  for (const group of groups) {
    if (left <= 0) break;
    const lines = group.slice(0, left);
    left -= lines.length;
    const head = group[0].row.unit;
    bodies.push(
      <tbody key={head.id ?? head.name}>{lines.map((line, i) => row(line, i === 0 && group.length > 1))}</tbody>,
    );
  }
  return bodies;
}

/**
 * The chefgruppe's matrix: a real table, units as row headers and ambitions as column headers, so a
 * screen reader names both for every cell; a body per kerneområde, whose own row heads the group and
 * the units under it indented. Scrolls sideways in a narrow column (and can be scrolled by keyboard);
 * prints in full.
 */
export const OverviewMatrix = React.memo(function OverviewMatrix(props: IOverviewMatrixProps): JSX.Element {
  const styles = useMatrixStyles();
  const { strings, locale } = props;
  const ambitionKeys =
    props.rows.length > 0 ? props.rows[0].cells.map((c) => c.ambitionKey) : props.ambitions.map((a) => a.key);
  const caption = fill(strings.caption, { since: formatDate(props.since, locale) });
  const only = props.onlyWithoutPlan === true;
  const groups = React.useMemo(() => {
    const all = groupMatrixRows(props.rows);
    return only ? onlyWithoutPlan(all) : all;
  }, [props.rows, only]);
  const shown = useRowsShown(lineCount(groups), props.progressive === true);
  return (
    <div className={styles.scroller} role="region" aria-label={strings.regionLabel} tabIndex={0}>
      <table className={styles.table}>
        <caption className={styles.caption}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.colHeader}>
              {strings.unitColumn}
            </th>
            {ambitionKeys.map((key) => (
              <th key={key} scope="col" className={styles.colHeader}>
                {ambitionTitle(props.ambitions, key)}
              </th>
            ))}
          </tr>
        </thead>
        {groupBodies(groups, shown, (line, opensGroup) => (
          <MatrixRow
            key={line.row.unit.id ?? line.row.unit.name}
            line={line}
            opensGroup={opensGroup}
            columns={ambitionKeys.length}
            locale={locale}
            strings={strings}
            planUrl={props.planUrl}
            openLinksInNewWindow={props.openLinksInNewWindow}
          />
        ))}
      </table>
    </div>
  );
});

/** What the shapes and arrows mean, once, under the matrix. */
export function MatrixLegend(props: { locale: Locale; strings: IMpkFollowUpMatrixStrings }): JSX.Element {
  const styles = useMatrixStyles();
  return (
    <p className={styles.legend}>
      <span>{props.strings.legend}</span>
      <HealthMark health="green" locale={props.locale} noneText="" />
      <HealthMark health="yellow" locale={props.locale} noneText="" />
      <HealthMark health="red" locale={props.locale} noneText="" />
      <HealthMark locale={props.locale} noneText={props.strings.noCheckIn} />
      <TrendMark trend="better" locale={props.locale} />
      <TrendMark trend="same" locale={props.locale} />
      <TrendMark trend="worse" locale={props.locale} />
    </p>
  );
}
