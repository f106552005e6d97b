import * as React from 'react';
import {
  checkImport,
  FILE_PROBLEMS,
  guessMapping,
  headerOf,
  importBatches,
  type IImportCheck,
  type IImportUnit,
  type ImportField,
  type ImportMapping,
  type ISheet,
} from '../../domain/measurementImport';
import type { IIndicator, IIndicatorValue } from '../../domain/measurements';
import type { ReadWorkbookFailure, ReadWorkbookResult } from '../../data/import/readWorkbook';

export const WIZARD_STEPS = ['file', 'mapping', 'check', 'import'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** What the import wrote (passed to `onClose` once a write has run). */
export interface IImportSummary {
  written: number;
  /** Rows already stored with the same value: counted by the check and by the write. */
  unchanged: number;
  completedBatches: number;
  totalBatches: number;
  /** Stopped (Afbryd) or failed before every part was written. */
  stopped: boolean;
}

/** Props of the import wizard. */
export interface IImportWizardProps {
  units: IImportUnit[];
  indicators: IIndicator[];
  /** The results already stored (a re-import of the same rows writes nothing). */
  existing: IIndicatorValue[];
  /**
   * Writes the batches in order, calling `onProgress(done, total)` after each batch (`done` batches of
   * `total`). Rejects with an Error named 'AbortError' when `signal` stops it, or a DataError.
   */
  write(
    batches: IIndicatorValue[][],
    onProgress: (done: number, total: number) => void,
    signal: AbortSignal,
  ): Promise<{ written: number; unchanged: number; completedBatches: number }>;
  /** Closes the wizard; `summary` when something was (or was tried to be) written. */
  onClose(summary?: IImportSummary): void;
}

export interface IWorkbook {
  name: string;
  sheets: ISheet[];
}

/** Where a write stands: running, done, stopped by the person, or failed (with the error). */
export interface IWriteState {
  status: 'running' | 'done' | 'aborted' | 'failed';
  /** The batches confirmed (kept as they were when the person confirmed). */
  batches: IIndicatorValue[][];
  /** Batches written so far (over every attempt). */
  doneBatches: number;
  written: number;
  unchanged: number;
  error?: unknown;
}

/** The file's bytes: `Blob.arrayBuffer` where there is one, else a FileReader. */
function bytesOf(file: Blob): Promise<Blob | Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return Promise.resolve(file);
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

/** Reads a picked file; never rejects (a failure is a `ReadWorkbookFailure`). */
async function readFile(file: File): Promise<ReadWorkbookResult> {
  try {
    const { readWorkbook } = await import(/* webpackChunkName: 'mpk-xlsx-read' */ '../../data/import/readWorkbook');
    return await readWorkbook(await bytesOf(file));
  } catch {
    return { ok: false, reason: 'broken' };
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** Rows in the first `done` batches. */
export function rowsIn(batches: IIndicatorValue[][], done: number): number {
  let rows = 0;
  for (let i = 0; i < done && i < batches.length; i++) rows += batches[i].length;
  return rows;
}

/** The rows with a problem (distinct sheet rows; file problems have row 0 or the header's). */
export function problemRowCount(check: IImportCheck): number {
  const rows = new Set<number>();
  for (const problem of check.problems) if (FILE_PROBLEMS.indexOf(problem.code) < 0) rows.add(problem.row);
  return rows.size;
}

/** False once the component is gone (no state is set after that). */
function useMounted(): React.MutableRefObject<boolean> {
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  return mounted;
}

/** The write: batch by batch through `write`, stoppable, resumable where it stopped. */
function useImportWrite(
  write: IImportWizardProps['write'],
  mounted: React.MutableRefObject<boolean>,
): { state?: IWriteState; start(batches: IIndicatorValue[][]): void; resume(): void; stop(): void; reset(): void } {
  const [writeState, setWriteState] = React.useState<IWriteState>();
  const controller = React.useRef<AbortController>();
  React.useEffect(() => () => controller.current?.abort(), []);

  /** Writes the batches of `before` not yet written. */
  const runWrite = async (before: Omit<IWriteState, 'status'>): Promise<void> => {
    const from = before.doneBatches;
    const abort = new AbortController();
    controller.current = abort;
    setWriteState({ ...before, status: 'running', error: undefined });
    let done = from;
    try {
      const result = await write(
        before.batches.slice(from),
        (batchesDone) => {
          done = from + batchesDone;
          if (mounted.current) setWriteState((state) => state && { ...state, doneBatches: done });
        },
        abort.signal,
      );
      if (!mounted.current) return;
      setWriteState({
        status: 'done',
        batches: before.batches,
        doneBatches: from + result.completedBatches,
        written: before.written + result.written,
        unchanged: before.unchanged + result.unchanged,
      });
    } catch (error) {
      if (!mounted.current) return;
      // The parts completed before the stop are written (or found unchanged: a rejected write does not say).
      const written = before.written + rowsIn(before.batches.slice(from), done - from);
      setWriteState({ ...before, written, doneBatches: done, status: isAbort(error) ? 'aborted' : 'failed', error });
    }
  };

  return {
    state: writeState,
    start: (batches) => void runWrite({ batches, doneBatches: 0, written: 0, unchanged: 0 }),
    resume: () => {
      if (writeState) void runWrite(writeState);
    },
    stop: () => controller.current?.abort(),
    reset: () => setWriteState(undefined),
  };
}

/** What {@link useImportWizard} hands back. */
export interface IImportWizardState {
  props: IImportWizardProps;
  step: WizardStep;
  goTo(step: WizardStep): void;
  workbook: IWorkbook | undefined;
  reading: boolean;
  readFailure: ReadWorkbookFailure | undefined;
  /** Reads a picked file and goes on to the mapping; resolves true when it was read. */
  chooseFile(file: File | undefined): Promise<boolean>;
  sheetIndex: number;
  /** Chooses a sheet (its mapping guessed anew from its header). */
  chooseSheet(index: number): void;
  sheet: ISheet | undefined;
  header: { row: number; cells: string[] } | undefined;
  mapping: ImportMapping;
  /** Sets a field's column ('' for none); the rest of the mapping stays. */
  setColumn(field: ImportField, column: string): void;
  check: IImportCheck | undefined;
  /** A file problem refuses the whole file. */
  blocked: boolean;
  /** The check's rows in write batches (a unit's period kept together). */
  batches: IIndicatorValue[][];
  writeState: IWriteState | undefined;
  /** Starts writing (nothing is written before). */
  confirm(): void;
  /** Writes the parts not yet written, after "Afbryd" or a failure. */
  resume(): void;
  stop(): void;
  close(): void;
}

/** The state of the import wizard: file, sheet, mapping, the check, and the write. */
export function useImportWizard(props: IImportWizardProps): IImportWizardState {
  const [step, setStep] = React.useState<WizardStep>('file');
  const [workbook, setWorkbook] = React.useState<IWorkbook>();
  const [reading, setReading] = React.useState(false);
  const [readFailure, setReadFailure] = React.useState<ReadWorkbookFailure>();
  const [sheetIndex, setSheetIndex] = React.useState(0);
  const [mapping, setMapping] = React.useState<ImportMapping>({});
  const mounted = useMounted();
  const writer = useImportWrite(props.write, mounted);
  const writeState = writer.state;

  const sheet: ISheet | undefined = workbook?.sheets[sheetIndex];
  const header = React.useMemo(() => (sheet ? headerOf(sheet) : undefined), [sheet]);
  const check = React.useMemo(
    () => (sheet ? checkImport(sheet, mapping, props.units, props.indicators, props.existing) : undefined),
    [sheet, mapping, props.units, props.indicators, props.existing],
  );
  const batches = React.useMemo(() => (check ? importBatches(check.rows) : []), [check]);
  const blocked = !!check && check.problems.some((problem) => FILE_PROBLEMS.indexOf(problem.code) >= 0);

  const chooseSheet = (index: number, sheets: ISheet[] = workbook?.sheets ?? []): void => {
    setSheetIndex(index);
    const head = sheets[index] ? headerOf(sheets[index]) : undefined;
    setMapping(head ? guessMapping(head.cells) : {});
  };

  /** Reads a picked file and goes on to the mapping; on a failure the file read before (its sheet, its mapping) stays. */
  const chooseFile = async (file: File | undefined): Promise<boolean> => {
    if (!file) return false;
    setReading(true);
    setReadFailure(undefined);
    const result = await readFile(file);
    if (!mounted.current) return false;
    setReading(false);
    if (!result.ok) {
      setReadFailure(result.reason);
      return false;
    }
    setWorkbook({ name: file.name, sheets: result.sheets });
    writer.reset();
    chooseSheet(0, result.sheets);
    setStep('mapping');
    return true;
  };

  const setColumn = (field: ImportField, column: string): void => {
    setMapping((before) => {
      const next = { ...before };
      if (column === '') delete next[field];
      else next[field] = Number(column);
      return next;
    });
  };

  const confirm = (): void => {
    setStep('import');
    writer.start(batches);
  };

  const summary = (): IImportSummary | undefined =>
    writeState && {
      written: writeState.written,
      unchanged: writeState.unchanged + (check?.unchanged ?? 0),
      completedBatches: writeState.doneBatches,
      totalBatches: writeState.batches.length,
      stopped: writeState.status !== 'done',
    };

  return {
    props,
    step,
    goTo: setStep,
    workbook,
    reading,
    readFailure,
    chooseFile,
    sheetIndex,
    chooseSheet: (index: number) => chooseSheet(index),
    sheet,
    header,
    mapping,
    setColumn,
    check,
    blocked,
    batches,
    writeState,
    confirm,
    resume: writer.resume,
    stop: writer.stop,
    close: () => {
      writer.stop();
      props.onClose(summary());
    },
  };
}
