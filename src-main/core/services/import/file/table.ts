/** A cell as the file gives it: CSV cells are text; a workbook also has numbers and dates. */
export type Cell = string | number | Date | null;

/** A file read into a header row and data rows, every data row as long as the header. */
export interface Table {
  fileType: 'csv' | 'xlsx';
  /** How a CSV was decoded; null for a workbook. */
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'gb18030' | null;
  sheetName: string | null;
  /** Unique, trimmed header names: a repeated header gets " (2)", an empty one "列 N" style names. */
  headers: string[];
  /** Data rows after the header, empty ones left out; `number` is the row number a spreadsheet shows. */
  rows: TableRow[];
}

export interface TableRow {
  number: number;
  cells: Cell[];
}

/** A cell as text, the way the preview table and the error report show it. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}
