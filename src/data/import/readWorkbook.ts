/**
 * Reads an uploaded .xlsx into sheets of text cells (`ISheet[]`) for the measurement import. The reader
 * (`read-excel-file`, its `universal` entry) and the unzipper it uses (`fflate`) are fetched only when a
 * file is read, in the chunk `mpk-xlsx-read` (≈16 KB gzip).
 *
 * The file is unzipped here, synchronously, and handed to the reader re-packed without compression:
 * the reader's own unzipper would start Web Workers from `blob:` addresses for large sheets, which a
 * page's Content Security Policy may forbid. Unzipping first also lets a workbook be refused before it
 * is parsed: over 10 MB, more than 200 MB unpacked, or a sheet of more than 50,000 rows.
 *
 * What comes out: formulas give the value the spreadsheet program saved with them (nothing is
 * evaluated; a formula saved without a value, or with an error, is an empty cell); a merged range has
 * its value in its first (top-left) cell only, the others are empty; date cells are `YYYY-MM-DD`;
 * numbers are written with a decimal comma ("4,5") and never with thousands separators, so the
 * import reads them back exactly; an empty sheet has no rows.
 */
import type { ISheet } from '../../domain/measurementImport';

/** Files larger than this are refused before they are read. */
export const MAX_WORKBOOK_BYTES = 10 * 1024 * 1024;
/** A workbook whose parts unpack to more than this is refused (a "zip bomb"). */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
/** A sheet with more rows than this is not parsed (the import takes at most 20,000). */
export const MAX_SHEET_ROWS = 50000;

/**
 * Why a file could not be read: not a workbook at all, a damaged one, too large (the file, or
 * unpacked), or a sheet with more than `MAX_SHEET_ROWS` rows.
 */
export type ReadWorkbookFailure = 'notXlsx' | 'broken' | 'tooLarge' | 'tooManyRows';

export type ReadWorkbookResult = { ok: true; sheets: ISheet[] } | { ok: false; reason: ReadWorkbookFailure };

/** What `readWorkbook` accepts: the picked `File` (a `Blob`) or its bytes. */
export type WorkbookInput = Blob | ArrayBuffer | Uint8Array;

function sizeOf(input: WorkbookInput): number {
  return input instanceof Uint8Array || input instanceof ArrayBuffer ? input.byteLength : input.size;
}

async function bytesOf(input: WorkbookInput): Promise<Uint8Array> {
  if (input instanceof Uint8Array) return input;
  return new Uint8Array(input instanceof ArrayBuffer ? input : await input.arrayBuffer());
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const LT = 60; // '<'
const COLON = 58;

/** Whether a byte ends an element name (space, tab, CR, LF, '>' or '/'). */
function endsName(byte: number | undefined): boolean {
  return byte === 32 || byte === 9 || byte === 10 || byte === 13 || byte === 62 || byte === 47;
}

/** How many `<row` (or `<x:row`) elements a sheet's XML has, counting no further than `limit + 1`. */
export function countRows(xml: Uint8Array, limit: number): number {
  let count = 0;
  let at = xml.indexOf(LT);
  while (at >= 0 && count <= limit) {
    let name = at + 1;
    // An optional namespace prefix ("x:").
    let colon = name;
    while (colon < xml.length && colon - name < 16 && xml[colon] !== COLON && !endsName(xml[colon])) colon++;
    if (xml[colon] === COLON) name = colon + 1;
    if (xml[name] === 114 && xml[name + 1] === 111 && xml[name + 2] === 119 && endsName(xml[name + 3])) count++;
    at = xml.indexOf(LT, at + 1);
  }
  return count;
}

type Unpacked = { ok: true; files: Record<string, Uint8Array> } | { ok: false; reason: ReadWorkbookFailure };

/** Unzips the workbook's XML parts without Web Workers, refusing what is too large to parse. */
function unpack(bytes: Uint8Array, fflate: typeof import('fflate')): Unpacked {
  if (!startsWith(bytes, ZIP)) return { ok: false, reason: 'notXlsx' };
  let unpacked = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = fflate.unzipSync(bytes, {
      filter: (file) => {
        if (!/\.(xml|rels)$/.test(file.name)) return false;
        unpacked += file.originalSize;
        if (unpacked > MAX_UNPACKED_BYTES) throw new RangeError('tooLarge');
        return true;
      },
    });
  } catch (error) {
    return { ok: false, reason: error instanceof RangeError && error.message === 'tooLarge' ? 'tooLarge' : 'broken' };
  }
  if (!files['xl/workbook.xml']) return { ok: false, reason: 'notXlsx' };
  for (const name of Object.keys(files)) {
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name) && countRows(files[name], MAX_SHEET_ROWS) > MAX_SHEET_ROWS) {
      return { ok: false, reason: 'tooManyRows' };
    }
  }
  return { ok: true, files };
}

function pad(value: number, length: number): string {
  let text = String(value);
  while (text.length < length) text = '0' + text;
  return text;
}

/** One cell as text: '' for nothing, `YYYY-MM-DD` for a date, a decimal comma for a number. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return isFinite(value) ? String(value).replace('.', ',') : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') {
    const date = value as Date;
    if (isNaN(date.getTime())) return '';
    // The reader gives a date cell as midnight UTC of its calendar day.
    return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
  }
  return String(value);
}

/** Reads every sheet of an .xlsx; never throws for a bad file (see `ReadWorkbookResult`). */
export async function readWorkbook(input: WorkbookInput): Promise<ReadWorkbookResult> {
  if (sizeOf(input) > MAX_WORKBOOK_BYTES) return { ok: false, reason: 'tooLarge' };
  const bytes = await bytesOf(input);
  if (bytes.byteLength === 0) return { ok: false, reason: 'notXlsx' };
  const [fflate, reader] = await Promise.all([
    import(/* webpackChunkName: 'mpk-xlsx-read' */ 'fflate'),
    import(/* webpackChunkName: 'mpk-xlsx-read' */ 'read-excel-file/universal'),
  ]);
  const unpacked = unpack(bytes, fflate);
  if (!unpacked.ok) return unpacked;
  // Stored, not compressed: the reader copies the parts out without inflating (and without workers).
  const stored = fflate.zipSync(unpacked.files, { level: 0 });
  try {
    // A copy in this realm's ArrayBuffer: the reader checks `instanceof ArrayBuffer`.
    const sheets = await reader.default(stored.slice().buffer);
    return {
      ok: true,
      sheets: sheets.map((sheet) => ({
        name: sheet.sheet,
        rows: sheet.data.map((row) => row.map((value) => cellText(value))),
      })),
    };
  } catch {
    return { ok: false, reason: 'broken' };
  }
}
