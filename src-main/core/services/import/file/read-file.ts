import { gunzipSync } from 'node:zlib';
import type { ImportFile } from '../../../../../src-shared/contract/import';
import { AppError } from '../../../errors';
import { parseCsv } from './csv';
import { decodeText } from './decode-text';
import { type Cell, type Table, type TableRow, cellText } from './table';
import { readWorkbook } from './xlsx';

/** A decompressed file larger than this is refused: a few hundred thousand rows at most. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;
const MAX_ROWS = 200_000;

const zipMagic = [0x50, 0x4b, 0x03, 0x04];
/** The OLE container of Excel 97–2003 .xls files, which exceljs cannot read. */
const oleMagic = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

function fileBytes(file: Pick<ImportFile, 'compression' | 'data'>): Uint8Array {
  const raw = Buffer.from(file.data, 'base64');
  if (raw.length === 0) throw new AppError('VALIDATION', 'import.v.unreadableFile');
  if (file.compression !== 'gzip') return raw;
  try {
    return gunzipSync(raw, { maxOutputLength: MAX_FILE_BYTES });
  } catch {
    throw new AppError('VALIDATION', 'import.v.unreadableFile');
  }
}

/** Excel's name of the column: A, B, … Z, AA. */
function columnLetter(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    name = String.fromCharCode(65 + rest) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** Trimmed, unique header names, so a mapping can name every column: 电话, 电话 (2); [F] for a blank one. */
function uniqueHeaders(cells: Cell[], width: number): string[] {
  const seen = new Map<string, number>();
  return Array.from({ length: width }, (_, i) => {
    const base = cellText(cells[i] ?? null).replace(/\s+/g, ' ') || `[${columnLetter(i)}]`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

const isEmptyRow = (cells: Cell[]) => cells.every((c) => cellText(c) === '');

/** The first non-empty row is the header; every later non-empty row is data, padded to the header's width. */
function toTable(rows: Cell[][], meta: Pick<Table, 'fileType' | 'encoding' | 'sheetName'>): Table {
  const headerIndex = rows.findIndex((r) => !isEmptyRow(r));
  if (headerIndex < 0) throw new AppError('VALIDATION', 'import.v.noHeader');
  const dataRows = rows.slice(headerIndex + 1);
  const width = Math.max(rows[headerIndex]!.length, ...dataRows.map((r) => r.length));
  const headers = uniqueHeaders(rows[headerIndex]!, width);
  const table: TableRow[] = [];
  dataRows.forEach((cells, i) => {
    if (isEmptyRow(cells)) return;
    table.push({ number: headerIndex + i + 2, cells: Array.from({ length: width }, (_, c) => cells[c] ?? null) });
  });
  if (table.length > MAX_ROWS) throw new AppError('VALIDATION', 'import.v.tooManyRows', { max: MAX_ROWS });
  return { ...meta, headers, rows: table };
}

/** Reads an uploaded .xlsx or .csv (by its content, not its name) into a table. */
export async function readImportFile(file: Pick<ImportFile, 'compression' | 'data'>): Promise<Table> {
  const bytes = fileBytes(file);
  if (bytes.length > MAX_FILE_BYTES) throw new AppError('VALIDATION', 'import.v.fileTooLarge');
  if (startsWith(bytes, oleMagic)) throw new AppError('VALIDATION', 'import.v.legacyXls');
  if (startsWith(bytes, zipMagic)) {
    let sheet: Awaited<ReturnType<typeof readWorkbook>>;
    try {
      sheet = await readWorkbook(bytes);
    } catch {
      throw new AppError('VALIDATION', 'import.v.unreadableFile');
    }
    return toTable(sheet.rows, { fileType: 'xlsx', encoding: null, sheetName: sheet.name });
  }
  const { text, encoding } = decodeText(bytes);
  return toTable(parseCsv(text), { fileType: 'csv', encoding, sheetName: null });
}
