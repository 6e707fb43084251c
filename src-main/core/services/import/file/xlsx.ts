import ExcelJS from 'exceljs';
import type { Cell } from './table';

type CellValue = ExcelJS.CellValue;

/** A workbook cell as plain data: rich text and hyperlinks as their text, formulas as their result. */
function plainCell(value: CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return String(value.text ?? '');
  if ('formula' in value || 'sharedFormula' in value) return plainCell((value as { result?: CellValue }).result ?? null);
  if ('error' in value) return null;
  return null;
}

/**
 * The first worksheet that holds anything, as rows of plain cells (row 1 of the sheet first; empty
 * rows kept as empty arrays so row numbers stay those Excel shows).
 */
export async function readWorkbook(bytes: Uint8Array): Promise<{ name: string; rows: Cell[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0) ?? workbook.worksheets[0];
  if (!sheet) return { name: '', rows: [] };
  const rows: Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = plainCell(cell.value);
    });
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? null);
  });
  return { name: sheet.name, rows: Array.from(rows, (r) => r ?? []) };
}
