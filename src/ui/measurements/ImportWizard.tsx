import * as React from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  ProgressBar,
  Select,
  Text,
} from '@fluentui/react-components';
import { FILE_PROBLEMS, IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportField } from '../../domain/measurementImport';
import { AnnouncerProvider, useAnnounce } from '../shell/Announcer';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { useLocale } from '../shell/locale';
import { Notice, NoticeBody, NoticeTitle } from '../shell/Notice';
import { plural } from '../shell/plural';
import { SelectOptions } from '../shell/SelectOptions';
import { Spinner } from '../shell/Spinner';
import { fill, useStrings } from '../shell/strings';
import { checkSummary, columnLetter, describeImportProblem } from './importTexts';
import {
  problemRowCount,
  rowsIn,
  useImportWizard,
  WIZARD_STEPS,
  type IImportWizardProps,
  type IImportWizardState,
} from './useImportWizard';
import { useImportWizardStyles } from './useImportWizardStyles.styles';

export type { IImportWizardProps, IImportSummary } from './useImportWizard';

/** Problems listed before "og N mere". */
const SHOWN_PROBLEMS = 50;
/** Data rows in the preview. */
const PREVIEW_ROWS = 10;

/** The step's heading; focus moves to it when the step changes. */
function StepHeading(props: { wizard: IImportWizardState }): JSX.Element {
  const w = useStrings().import.wizard;
  const styles = useImportWizardStyles();
  const ref = React.useRef<HTMLHeadingElement>(null);
  const { step } = props.wizard;
  const first = React.useRef(true);
  React.useEffect(() => {
    // The dialog puts focus in itself when it opens; later steps move it to their heading.
    if (first.current) first.current = false;
    else ref.current?.focus();
  }, [step]);
  return (
    <div>
      <p className={styles.stepOf}>
        {fill(w.stepOf, { step: WIZARD_STEPS.indexOf(step) + 1, steps: WIZARD_STEPS.length })}
      </p>
      <h3 ref={ref} tabIndex={-1} className={styles.heading}>
        {w.steps[step]}
      </h3>
    </div>
  );
}

/** Step 1: the file. */
function FileStep(props: { wizard: IImportWizardState }): JSX.Element {
  const strings = useStrings();
  const w = strings.import.wizard;
  const { wizard } = props;
  const styles = useImportWizardStyles();
  const announce = useAnnounce();
  const onChange = async (event: React.ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    if (!file) return;
    announce(w.reading);
    if (await wizard.chooseFile(file)) announce(fill(w.fileRead, { name: file.name }));
  };
  return (
    <>
      <Field
        label={w.fileLabel}
        hint={w.fileHint}
        validationMessage={wizard.readFailure && strings.import.readFailures[wizard.readFailure]}
      >
        {(fieldProps) => (
          <input
            {...fieldProps}
            className={styles.fileInput}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={wizard.reading}
            onChange={(event) => void onChange(event)}
          />
        )}
      </Field>
      {wizard.reading && <Spinner size="tiny" label={w.reading} />}
      {wizard.workbook && !wizard.reading && <Text>{fill(w.chosenFile, { name: wizard.workbook.name })}</Text>}
    </>
  );
}

/** The first rows of the sheet, the mapped columns marked. */
function PreviewTable(props: { wizard: IImportWizardState }): JSX.Element | null {
  const s = useStrings().import;
  const styles = useImportWizardStyles();
  const { sheet, header, mapping } = props.wizard;
  if (!sheet || !header) return null;
  const fieldOf = (column: number): ImportField | undefined => IMPORT_FIELDS.find((f) => mapping[f] === column);
  const rows: Array<{ cells: string[]; number: number }> = [];
  for (let i = header.row; i < sheet.rows.length && rows.length < PREVIEW_ROWS; i++) {
    const cells = sheet.rows[i];
    if (cells.some((cell) => cell && cell.trim())) rows.push({ cells, number: i + 1 });
  }
  const cellClass = (column: number): string => (fieldOf(column) ? `${styles.cell} ${styles.mapped}` : styles.cell);
  return (
    <div className={styles.tableWrap} tabIndex={0} role="region" aria-label={s.wizard.previewCaption}>
      <table className={styles.table}>
        <caption className={styles.caption}>{s.wizard.previewCaption}</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.cell}>
              {s.wizard.rowHeader}
            </th>
            {header.cells.map((cell, column) => {
              const field = fieldOf(column);
              return (
                <th key={column} scope="col" className={cellClass(column)}>
                  {cell || `${columnLetter(column)} (${s.unnamedColumn})`}
                  {field && <span className={styles.mark}>{fill(s.wizard.mappedAs, { field: s.fields[field] })}</span>}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.number}>
              <th scope="row" className={styles.cell}>
                {row.number}
              </th>
              {header.cells.map((_, column) => (
                <td key={column} className={cellClass(column)}>
                  {row.cells[column] ?? ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Step 2: the sheet and which column holds what. */
function MappingStep(props: { wizard: IImportWizardState }): JSX.Element {
  const s = useStrings().import;
  const locale = useLocale();
  const styles = useImportWizardStyles();
  const { wizard } = props;
  const columns = (wizard.header?.cells ?? []).map((header, index) => ({ header, index }));
  const columnProblem = (field: ImportField): string | undefined => {
    const problem = wizard.check?.problems.find(
      (p) => p.field === field && (p.code === 'missingColumn' || p.code === 'columnUsedTwice'),
    );
    return problem && describeImportProblem({ import: s }, problem, locale);
  };
  return (
    <>
      {wizard.workbook && wizard.workbook.sheets.length > 1 && (
        <Field label={s.wizard.sheet}>
          <Select value={String(wizard.sheetIndex)} onChange={(_, data) => wizard.chooseSheet(Number(data.value))}>
            <SelectOptions
              items={wizard.workbook.sheets.map((sheet, index) => ({ sheet, index }))}
              value={(item) => String(item.index)}
              label={(item) => item.sheet.name}
            />
          </Select>
        </Field>
      )}
      <Text>{s.wizard.mappingIntro}</Text>
      <div className={styles.fields}>
        {IMPORT_FIELDS.map((field) => {
          const required = REQUIRED_IMPORT_FIELDS.indexOf(field) >= 0;
          return (
            <Field
              key={field}
              className={styles.field}
              label={s.fields[field]}
              required={required}
              hint={required ? undefined : s.wizard.optionalHint}
              validationMessage={columnProblem(field)}
            >
              <Select
                className={styles.select}
                value={wizard.mapping[field] === undefined ? '' : String(wizard.mapping[field])}
                onChange={(_, data) => wizard.setColumn(field, data.value)}
              >
                <SelectOptions
                  empty={required ? s.wizard.chooseColumn : s.wizard.noColumn}
                  items={columns}
                  value={(column) => String(column.index)}
                  label={(column) =>
                    fill(s.wizard.columnOption, {
                      letter: columnLetter(column.index),
                      header: column.header || s.unnamedColumn,
                    })
                  }
                />
              </Select>
            </Field>
          );
        })}
      </div>
      <PreviewTable wizard={wizard} />
    </>
  );
}

/** A list of problems in the file's order: the first 50, then "og N mere". */
function ProblemList(props: { wizard: IImportWizardState; file: boolean; label: string }): JSX.Element | null {
  const strings = useStrings();
  const locale = useLocale();
  const styles = useImportWizardStyles();
  const problems = (props.wizard.check?.problems ?? []).filter(
    (problem) => FILE_PROBLEMS.indexOf(problem.code) >= 0 === props.file,
  );
  if (problems.length === 0) return null;
  const rest = problems.length - SHOWN_PROBLEMS;
  return (
    <ul className={styles.problems} aria-label={props.label} tabIndex={0}>
      {problems.slice(0, SHOWN_PROBLEMS).map((problem, index) => (
        <li key={index}>{describeImportProblem(strings, problem, locale)}</li>
      ))}
      {rest > 0 && <li>{fill(strings.import.wizard.more, { count: new Intl.NumberFormat(locale).format(rest) })}</li>}
    </ul>
  );
}

/** Step 3: what the check found. */
function CheckStep(props: { wizard: IImportWizardState }): JSX.Element | null {
  const strings = useStrings();
  const w = strings.import.wizard;
  const locale = useLocale();
  const { wizard } = props;
  const { check } = wizard;
  if (!check) return null;
  const problemRows = problemRowCount(check);
  return (
    <>
      {wizard.blocked ? (
        <Notice intent="error" layout="multiline">
          <NoticeBody>
            <NoticeTitle>{w.blocked}</NoticeTitle>
            <ProblemList wizard={wizard} file label={w.blocked} />
          </NoticeBody>
        </Notice>
      ) : (
        <Text weight="semibold">
          {checkSummary(strings, { ready: check.rows.length, unchanged: check.unchanged, problemRows }, locale)}
        </Text>
      )}
      {!wizard.blocked && problemRows > 0 && (
        <Notice intent="warning" layout="multiline">
          <NoticeBody>
            <NoticeTitle>{w.problemsHeading}</NoticeTitle>
            {w.skipped}
          </NoticeBody>
        </Notice>
      )}
      {!wizard.blocked && <ProblemList wizard={wizard} file={false} label={w.problemsHeading} />}
      {!wizard.blocked && check.rows.length === 0 && <Text>{w.nothingToImport}</Text>}
    </>
  );
}

/** Step 4: the write's progress and its end. */
function ImportStep(props: { wizard: IImportWizardState }): JSX.Element | null {
  const strings = useStrings();
  const w = strings.import.wizard;
  const locale = useLocale();
  const { writeState: state } = props.wizard;
  if (!state) return null;
  const numbers = new Intl.NumberFormat(locale);
  const total = state.batches.length;
  const allRows = rowsIn(state.batches, total);
  const unchanged = state.unchanged + (props.wizard.check?.unchanged ?? 0);
  return (
    <>
      {state.status === 'running' && (
        <Field
          validationMessage={fill(w.progress, {
            done: numbers.format(rowsIn(state.batches, state.doneBatches)),
            total: numbers.format(allRows),
          })}
          validationState="none"
        >
          <ProgressBar
            value={total ? state.doneBatches / total : 0}
            max={1}
            thickness="large"
            aria-label={w.steps.import}
          />
        </Field>
      )}
      {state.status === 'done' && (
        <Notice intent="success" layout="multiline">
          <NoticeBody>
            <NoticeTitle>{plural(locale, state.written, w.doneOne, w.doneOther)}</NoticeTitle>
            {unchanged > 0 && plural(locale, unchanged, w.doneUnchangedOne, w.doneUnchangedOther)}
          </NoticeBody>
        </Notice>
      )}
      {state.status === 'failed' && (
        <DataErrorMessage error={state.error} title={w.failed} onRetry={props.wizard.resume} />
      )}
      {(state.status === 'failed' || state.status === 'aborted') && (
        <Notice intent="warning" layout="multiline">
          <NoticeBody>
            {fill(w.stopped, { done: numbers.format(state.doneBatches), total: numbers.format(total) })}
          </NoticeBody>
        </Notice>
      )}
    </>
  );
}

/** Says each status to screen readers: the check's counts, the write's start, progress and end. */
function useStatusAnnouncements(wizard: IImportWizardState): void {
  const strings = useStrings();
  const w = strings.import.wizard;
  const locale = useLocale();
  const announce = useAnnounce();
  const { step, check, readFailure, writeState } = wizard;
  React.useEffect(() => {
    if (readFailure) announce(strings.import.readFailures[readFailure]);
    // Said when the failure changes; the words and the announcer are the same throughout.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [readFailure]);
  React.useEffect(() => {
    if (step !== 'check' || !check) return;
    if (wizard.blocked) {
      // The refusal and its first reason (the notice lists them all).
      const first = check.problems.find((problem) => FILE_PROBLEMS.indexOf(problem.code) >= 0);
      announce(first ? `${w.blocked}. ${describeImportProblem(strings, first, locale)}` : w.blocked);
    } else {
      const counts = { ready: check.rows.length, unchanged: check.unchanged, problemRows: problemRowCount(check) };
      announce(checkSummary(strings, counts, locale));
    }
    // Said once per check (entering the step, or a changed mapping), not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step, check]);
  const status = writeState?.status;
  const done = writeState?.doneBatches;
  React.useEffect(() => {
    if (!writeState) return;
    const numbers = new Intl.NumberFormat(locale);
    const total = writeState.batches.length;
    if (status === 'running') {
      const text = fill(w.progress, {
        done: numbers.format(rowsIn(writeState.batches, writeState.doneBatches)),
        total: numbers.format(rowsIn(writeState.batches, total)),
      });
      announce(writeState.doneBatches === 0 ? `${w.started} ${text}` : text);
    } else if (status === 'done') announce(plural(locale, writeState.written, w.doneOne, w.doneOther));
    else announce(fill(w.stopped, { done: numbers.format(writeState.doneBatches), total: numbers.format(total) }));
    // Said per status and per part written.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status, done]);
}

/** The buttons of each step. */
function WizardActions(props: { wizard: IImportWizardState }): JSX.Element {
  const strings = useStrings();
  const w = strings.import.wizard;
  const locale = useLocale();
  const { wizard } = props;
  const { step, check, writeState } = wizard;
  const ready = check && !wizard.blocked ? check.rows.length : 0;
  const running = writeState?.status === 'running';
  const back = { mapping: 'file', check: 'mapping', import: 'check' } as const;
  return (
    <DialogActions>
      {step === 'file' && wizard.workbook && (
        <Button appearance="primary" onClick={() => wizard.goTo('mapping')}>
          {w.next}
        </Button>
      )}
      {step === 'mapping' && (
        <Button appearance="primary" onClick={() => wizard.goTo('check')}>
          {w.next}
        </Button>
      )}
      {step === 'check' && (
        <Button appearance="primary" disabled={ready === 0} onClick={wizard.confirm}>
          {plural(locale, ready, w.confirmOne, w.confirmOther)}
        </Button>
      )}
      {running && <Button onClick={wizard.stop}>{w.stop}</Button>}
      {writeState?.status === 'aborted' && <Button onClick={wizard.resume}>{w.resume}</Button>}
      {step !== 'file' && !running && writeState?.status !== 'done' && (
        <Button onClick={() => wizard.goTo(back[step])}>{w.back}</Button>
      )}
      <Button onClick={wizard.close}>{w.close}</Button>
    </DialogActions>
  );
}

/** The wizard's content, inside the dialog's own announcer. */
function WizardContent(props: { wizard: IImportWizardState }): JSX.Element {
  const { wizard } = props;
  const styles = useImportWizardStyles();
  useStatusAnnouncements(wizard);
  return (
    <DialogBody>
      <DialogTitle as="h2">{useStrings().import.wizard.title}</DialogTitle>
      <DialogContent className={styles.content}>
        <StepHeading wizard={wizard} />
        {wizard.step === 'file' && <FileStep wizard={wizard} />}
        {wizard.step === 'mapping' && <MappingStep wizard={wizard} />}
        {wizard.step === 'check' && <CheckStep wizard={wizard} />}
        {wizard.step === 'import' && <ImportStep wizard={wizard} />}
      </DialogContent>
      <WizardActions wizard={wizard} />
    </DialogBody>
  );
}

/**
 * Imports the units' indicator results from an .xlsx: the file, the sheet and the column mapping
 * (guessed from the header), the check of every row, and — only after the person confirms — the
 * write in batches with progress and "Afbryd". State in {@link useImportWizard}.
 */
export function ImportWizard(props: IImportWizardProps): JSX.Element {
  const wizard = useImportWizard(props);
  const styles = useImportWizardStyles();
  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && wizard.close()}>
      <DialogSurface className={styles.surface} aria-describedby={undefined}>
        <AnnouncerProvider>
          <WizardContent wizard={wizard} />
        </AnnouncerProvider>
      </DialogSurface>
    </Dialog>
  );
}
