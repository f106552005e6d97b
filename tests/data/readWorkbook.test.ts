/** @jest-environment node */
// Pure: builds every workbook in memory (write-excel-file, or XML zipped with jszip or fflate); no server.
import JSZip from 'jszip';
import writeExcelFile from 'write-excel-file/node';
import { checkImport, guessMapping } from '../../src/domain/measurementImport';
import type { IIndicator } from '../../src/domain/measurements';
import { zipSync } from 'fflate';
import {
  cellText,
  countRows,
  MAX_WORKBOOK_BYTES,
  readWorkbook,
  type ReadWorkbookResult,
} from '../../src/data/import/readWorkbook';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A minimal .xlsx: each sheet's `<sheetData>` inner XML (and anything after it), plus shared strings. */
async function zipWorkbook(
  sheets: Array<{ name: string; data: string; after?: string }>,
  sharedStrings: string[] = [],
  extra: (zip: JSZip) => void = () => undefined,
): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
      `</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
      sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      `</sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('') +
      `<Relationship Id="rId${sheets.length + 1}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
      `</Relationships>`,
  );
  zip.file(
    'xl/sharedStrings.xml',
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${sharedStrings.length}" uniqueCount="${sharedStrings.length}">` +
      sharedStrings.map((s) => `<si><t>${escapeXml(s)}</t></si>`).join('') +
      `</sst>`,
  );
  sheets.forEach((s, i) =>
    zip.file(
      `xl/worksheets/sheet${i + 1}.xml`,
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${s.data}</sheetData>${s.after ?? ''}</worksheet>`,
    ),
  );
  extra(zip);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

function sheetsOf(result: ReadWorkbookResult): Array<{ name: string; rows: string[][] }> {
  if (!result.ok) throw new Error(`not read: ${result.reason}`);
  return result.sheets;
}

const INDICATORS: IIndicator[] = [
  { key: 'trivsel', title: 'Trivselsmåling', unit: 'point', direction: 'higher', ambitionKey: 'a4' },
  { key: 'apv', title: 'APV', unit: 'procent', direction: 'higher', ambitionKey: 'a4' },
];
const UNITS = [
  { id: 1, title: 'Jobcenter' },
  { id: 2, title: 'Børn og Unge' },
];

describe('a workbook from a spreadsheet program', () => {
  it('gives every sheet with its name and its cells as text: numbers with a decimal comma, dates as ISO', async () => {
    const buffer = await writeExcelFile([
      {
        sheet: 'Resultater',
        data: [
          [{ value: 'Enhed' }, { value: 'Periode' }, { value: 'Indikator' }, { value: 'Værdi' }, { value: 'Svar' }],
          [
            { value: 'Jobcenter' },
            { value: new Date(Date.UTC(2026, 10, 1)), format: 'dd.mm.yyyy' },
            { value: 'APV' },
            { value: 1.234 },
            { value: 12 },
          ],
          [
            { value: 'Børn og Unge' },
            { value: '2. halvår 2026' },
            { value: 'Trivselsmåling' },
            { value: -4.5 },
            { value: true },
          ],
        ],
      },
      { sheet: 'Noter', data: [[{ value: 'Noter' }]] },
    ] as never).toBuffer();
    const sheets = sheetsOf(await readWorkbook(buffer));
    expect(sheets.map((s) => s.name)).toEqual(['Resultater', 'Noter']);
    expect(sheets[0].rows).toEqual([
      ['Enhed', 'Periode', 'Indikator', 'Værdi', 'Svar'],
      ['Jobcenter', '2026-11-01', 'APV', '1,234', '12'],
      ['Børn og Unge', '2. halvår 2026', 'Trivselsmåling', '-4,5', 'TRUE'],
    ]);
    expect(sheets[1].rows).toEqual([['Noter']]);
  });

  it('reads a Blob (the picked File) as well as bytes', async () => {
    const bytes = await zipWorkbook([{ name: 'Ark1', data: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }], ['Hej']);
    const result = await readWorkbook(new Blob([bytes]));
    expect(sheetsOf(result)).toEqual([{ name: 'Ark1', rows: [['Hej']] }]);
    expect(sheetsOf(await readWorkbook(bytes.buffer as ArrayBuffer))).toEqual([{ name: 'Ark1', rows: [['Hej']] }]);
  });

  it('ends in the import: the numbers it writes are read back exactly', async () => {
    const buffer = await writeExcelFile([
      [{ value: 'Enhed' }, { value: 'Periode' }, { value: 'Indikator' }, { value: 'Værdi' }],
      [{ value: 'Jobcenter' }, { value: 'Q3 2026' }, { value: 'APV' }, { value: 1.234 }],
      [{ value: 'Jobcenter' }, { value: 2026 }, { value: 'APV' }, { value: 1234 }],
    ] as never).toBuffer();
    const [sheet] = sheetsOf(await readWorkbook(buffer));
    const result = checkImport(sheet, guessMapping(sheet.rows[0]), UNITS, INDICATORS);
    expect(result.problems).toEqual([]);
    expect(result.rows.map((row) => [row.period, row.value])).toEqual([
      ['2026-Q3', 1.234],
      ['2026', 1234],
    ]);
  });
});

describe('what a cell holds', () => {
  it("gives a formula's saved value and never evaluates it; no value or an error is an empty cell", async () => {
    const bytes = await zipWorkbook([
      {
        name: 'Ark1',
        data:
          '<row r="1"><c r="A1"><v>42</v></c>' +
          '<c r="B1"><f>A1*2</f><v>84</v></c>' +
          '<c r="C1"><f>A1*3</f></c>' +
          '<c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
          '<c r="E1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>' +
          '<c r="F1"><f>NOW()</f><v>7</v></c></row>',
      },
    ]);
    expect(sheetsOf(await readWorkbook(bytes))[0].rows).toEqual([['42', '84', '', '', 'ab', '7']]);
  });

  it('gives a merged range its value in the first cell only', async () => {
    const bytes = await zipWorkbook(
      [
        {
          name: 'Ark1',
          data:
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
            '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>80</v></c></row>' +
            '<row r="3"><c r="A3"/><c r="B3"><v>81</v></c></row>',
          after: '<mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells>',
        },
      ],
      ['Enhed', 'Værdi', 'Jobcenter'],
    );
    expect(sheetsOf(await readWorkbook(bytes))[0].rows).toEqual([
      ['Enhed', 'Værdi'],
      ['Jobcenter', '80'],
      ['', '81'],
    ]);
  });

  it('gives an empty sheet no rows, next to a sheet with rows', async () => {
    const bytes = await zipWorkbook(
      [
        { name: 'Tom', data: '' },
        { name: 'Data', data: '<row r="2"><c r="B2" t="s"><v>0</v></c></row>' },
      ],
      ['x'],
    );
    const sheets = sheetsOf(await readWorkbook(bytes));
    expect(sheets[0]).toEqual({ name: 'Tom', rows: [] });
    expect(sheets[1].rows[sheets[1].rows.length - 1]).toContain('x');
    expect(checkImport(sheets[0], {}, UNITS, INDICATORS).problems).toEqual([{ row: 0, code: 'emptySheet' }]);
  });

  it('survives wrong types: a number cell holding text, a shared string that does not exist', async () => {
    const bytes = await zipWorkbook(
      [
        {
          name: 'Ark1',
          data: '<row r="1"><c r="A1" t="n"><v>abc</v></c><c r="B1" t="s"><v>99</v></c><c r="C1" t="b"><v>1</v></c></row>',
        },
      ],
      ['kun en'],
    );
    const result = await readWorkbook(bytes);
    // Read or refused as damaged — never a throw, never a made-up value.
    if (result.ok) {
      expect(result.sheets[0].rows[0][0]).not.toBe('abc1');
    } else expect(result.reason).toBe('broken');
  });

  it('writes every kind of value as text', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText(NaN)).toBe('');
    expect(cellText(12.5)).toBe('12,5');
    expect(cellText(1e-7)).toBe('1e-7');
    expect(cellText(false)).toBe('FALSE');
    expect(cellText(new Date(Date.UTC(2026, 0, 31)))).toBe('2026-01-31');
    expect(cellText(new Date(NaN))).toBe('');
  });
});

describe('a CPR number in a column that is not imported', () => {
  it('refuses the whole file', async () => {
    const buffer = await writeExcelFile([
      [{ value: 'Enhed' }, { value: 'Periode' }, { value: 'Indikator' }, { value: 'Værdi' }, { value: 'Note' }],
      [{ value: 'Jobcenter' }, { value: '2026' }, { value: 'APV' }, { value: 80 }, { value: '' }],
      [{ value: 'Jobcenter' }, { value: '2025' }, { value: 'APV' }, { value: 80 }, { value: 'Ring til 150375-2211' }],
    ] as never).toBuffer();
    const [sheet] = sheetsOf(await readWorkbook(buffer));
    const mapping = guessMapping(sheet.rows[0]);
    expect(mapping).toEqual({ unit: 0, period: 1, indicator: 2, value: 3 });
    const result = checkImport(sheet, mapping, UNITS, INDICATORS);
    expect(result.problems).toEqual([{ row: 3, column: 'Note', code: 'cprNumber' }]);
    expect(result.rows).toEqual([]);
  });
});

describe('files that are not workbooks', () => {
  it('refuses random bytes, an empty file and an old .xls as not an .xlsx', async () => {
    let seed = 7;
    const random = new Uint8Array(4096).map(() => (seed = (seed * 1103515245 + 12345) % 2147483648) & 255);
    expect(await readWorkbook(random)).toEqual({ ok: false, reason: 'notXlsx' });
    expect(await readWorkbook(new Uint8Array(0))).toEqual({ ok: false, reason: 'notXlsx' });
    const xls = new Uint8Array(512);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await readWorkbook(xls)).toEqual({ ok: false, reason: 'notXlsx' });
  });

  it('refuses a zip that is not a workbook as not an .xlsx', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'hej');
    zip.file('word/document.xml', '<w:document/>');
    expect(await readWorkbook(await zip.generateAsync({ type: 'uint8array' }))).toEqual({
      ok: false,
      reason: 'notXlsx',
    });
  });

  it('calls a cut-off file or a workbook with broken XML broken', async () => {
    const good = await zipWorkbook([{ name: 'Ark1', data: '<row r="1"><c r="A1"><v>1</v></c></row>' }]);
    expect(await readWorkbook(good.subarray(0, Math.floor(good.length / 2)))).toEqual({ ok: false, reason: 'broken' });
    const broken = await zipWorkbook([{ name: 'Ark1', data: '' }], [], (zip) => {
      zip.file('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v>');
      zip.remove('xl/_rels/workbook.xml.rels');
    });
    expect(await readWorkbook(broken)).toEqual({ ok: false, reason: 'broken' });
  });

  it('refuses a file over 10 MB before reading it', async () => {
    const huge = new Uint8Array(MAX_WORKBOOK_BYTES + 1);
    expect(await readWorkbook(huge)).toEqual({ ok: false, reason: 'tooLarge' });
    expect(await readWorkbook(new Blob([huge]))).toEqual({ ok: false, reason: 'tooLarge' });
  });
});

/** A workbook of one sheet: a header and `count` rows of Jobcenter / 2026 / APV / a value. */
async function workbookOfRows(count: number, firstRow = 0): Promise<Uint8Array> {
  const parts: string[] = [
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>',
  ];
  for (let r = 2; r <= count + 1; r++) {
    const year = 1990 + ((firstRow + r) % 100);
    parts.push(
      `<row r="${r}"><c r="A${r}" t="s"><v>4</v></c><c r="B${r}"><v>${year}</v></c><c r="C${r}" t="s"><v>5</v></c><c r="D${r}"><v>${r % 100}</v></c></row>`,
    );
  }
  return zipWorkbook(
    [{ name: 'Ark1', data: parts.join('') }],
    ['Enhed', 'Periode', 'Indikator', 'Værdi', 'Jobcenter', 'APV'],
  );
}

describe('large workbooks', () => {
  it('refuse 100,000 rows before parsing them, fast', async () => {
    const bytes = await workbookOfRows(100000);
    const started = Date.now();
    expect(await readWorkbook(bytes)).toEqual({ ok: false, reason: 'tooManyRows' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('read 20,001 rows and let the import refuse them, in well under 10 seconds', async () => {
    const bytes = await workbookOfRows(20001);
    const started = Date.now();
    const [sheet] = sheetsOf(await readWorkbook(bytes));
    const result = checkImport(sheet, guessMapping(sheet.rows[0]), UNITS, INDICATORS);
    expect(sheet.rows).toHaveLength(20002);
    expect(result.problems).toEqual([{ row: 0, code: 'tooManyRows', value: '20001' }]);
    expect(Date.now() - started).toBeLessThan(6000);
  });

  it('refuse a workbook that unpacks to more than 200 MB (a "zip bomb") without unpacking it', async () => {
    const bomb = zipSync({
      'xl/workbook.xml': new TextEncoder().encode('<workbook/>'),
      'xl/worksheets/sheet1.xml': new Uint8Array(1024).fill(32),
    });
    // The zip's directory now says the sheet unpacks to 4 GB (as a real bomb's does): 0xF0FFFFFF bytes.
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    let patched = 0;
    for (let at = 0; at < bomb.length - 4; at++) {
      if (view.getUint32(at, true) === 0x02014b50) {
        view.setUint32(at + 24, 0xf0ffffff, true);
        patched++;
      }
    }
    expect(patched).toBe(2);
    expect(bomb.length).toBeLessThan(MAX_WORKBOOK_BYTES);
    expect(await readWorkbook(bomb)).toEqual({ ok: false, reason: 'tooLarge' });
  });
});

describe('counting rows', () => {
  it('counts row elements with or without a namespace prefix, and stops past the limit', () => {
    const xml = new TextEncoder().encode(
      '<sheetData><row r="1"><c/></row><x:row r="2"/><rows/><row>\n</row></sheetData>',
    );
    expect(countRows(xml, 10)).toBe(3);
    expect(countRows(xml, 1)).toBe(2);
  });
});
