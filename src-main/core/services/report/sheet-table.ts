import type ExcelJS from 'exceljs';
import { NUMBER_FORMAT, type ValueKind, fittedWidth, shownText } from './cell-formats';
import type { RangeRef } from './xlsx-charts/types';

export type CellValue = string | number | Date | null;

export interface TableColumn<R> {
  header: string;
  kind: ValueKind;
  value(row: R): CellValue;
}

const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true, color: { argb: 'FFFFFFFF' } },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } },
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
};

/**
 * One style object per kind of value, shared by every cell of that kind: exceljs finds a shared style
 * object's id in a WeakMap, where a fresh object per cell would be serialized and looked up each time
 * — the difference between seconds and minutes on a hundred thousand rows.
 */
export const KIND_STYLES: Record<ValueKind, Partial<ExcelJS.Style>> = {
  // Empty, but shared: a cell left with its own default style object would miss the WeakMap too.
  text: {},
  count: { numFmt: NUMBER_FORMAT.count },
  money: { numFmt: NUMBER_FORMAT.money },
  percent: { numFmt: NUMBER_FORMAT.percent },
  days: { numFmt: NUMBER_FORMAT.days },
  date: { numFmt: NUMBER_FORMAT.date },
  dateTime: { numFmt: NUMBER_FORMAT.dateTime },
};

/**
 * A sheet as every sheet of the report has it: the header row frozen, printed landscape and fitted
 * to the page width (any number of pages tall), with the header repeated on every printed page.
 */
export function addReportSheet(wb: ExcelJS.Workbook, name: string, frozenRows = 1): ExcelJS.Worksheet {
  return wb.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: frozenRows, topLeftCell: `A${frozenRows + 1}` }],
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9, // A4
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
}

/** Rows a column's width is fitted to: enough to see the long values, few enough to cost nothing. */
const WIDTH_SAMPLE = 500;

/**
 * Widens the columns to fit the header and the sampled rows (never narrows them, so two tables on one
 * sheet both fit); call before the sheet's first row is written, which carries the widths.
 */
export function fitColumns<R>(ws: ExcelJS.Worksheet, columns: readonly TableColumn<R>[], rows: readonly R[]): void {
  const sample = rows.slice(0, WIDTH_SAMPLE);
  columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    const fitted = fittedWidth(
      c.header,
      sample.map((r) => shownText(c.value(r), c.kind)),
    );
    column.width = Math.max(column.width ?? 0, fitted);
  });
}

export function writeHeader(ws: ExcelJS.Worksheet, headers: readonly string[]): void {
  const row = ws.addRow([...headers]);
  row.height = 22;
  row.eachCell((cell) => {
    cell.style = HEADER_STYLE;
  });
}

export function writeRow<R>(ws: ExcelJS.Worksheet, columns: readonly TableColumn<R>[], record: R): ExcelJS.Row {
  // An empty field makes no cell at all (undefined, not null): most opportunities leave several
  // fields empty, and each cell costs exceljs time and memory to write.
  const values = columns.map((c) => c.value(record) ?? undefined);
  const row = ws.addRow(values);
  values.forEach((v, i) => {
    if (v !== undefined) row.getCell(i + 1).style = KIND_STYLES[columns[i]!.kind];
  });
  return row;
}

/** Where a table landed, so charts can point at its cells. */
export interface TablePlacement {
  sheet: string;
  /** Zero-based row of the header; data follows directly below. */
  headerRow: number;
  rows: number;
}

/**
 * Writes a small table from column A at the sheet's next row: header and data, with an autofilter
 * when asked (one per sheet). Columns must have been fitted before the sheet's first row.
 */
export function appendTable<R>(
  ws: ExcelJS.Worksheet,
  columns: readonly TableColumn<R>[],
  rows: readonly R[],
  options: { headerRow: number; autoFilter: boolean },
): TablePlacement {
  writeHeader(ws, columns.map((c) => c.header));
  for (const r of rows) writeRow(ws, columns, r);
  const first = options.headerRow + 1;
  if (options.autoFilter) ws.autoFilter = { from: { row: first, column: 1 }, to: { row: first + rows.length, column: columns.length } };
  return { sheet: ws.name, headerRow: options.headerRow, rows: rows.length };
}

/** The one table of a sheet, from A1, with its widths and autofilter. */
export function writeTable<R>(ws: ExcelJS.Worksheet, columns: readonly TableColumn<R>[], rows: readonly R[]): TablePlacement {
  fitColumns(ws, columns, rows);
  return appendTable(ws, columns, rows, { headerRow: 0, autoFilter: true });
}

/**
 * A chart's reference to column `col` (zero-based) of a table: its header cell, and its data cells
 * with their values as category names or as numbers.
 */
export function columnRefs<R>(placement: TablePlacement, columns: readonly TableColumn<R>[], rows: readonly R[], col: number) {
  const column = columns[col];
  if (!column) throw new RangeError(`no column ${col}`);
  const headerCell = { col, row: placement.headerRow };
  const range = { sheet: placement.sheet, from: { col, row: placement.headerRow + 1 }, to: { col, row: placement.headerRow + rows.length } };
  const values = rows.map((r) => column.value(r));
  const header: RangeRef<string> = { sheet: placement.sheet, from: headerCell, to: headerCell, cache: [column.header] };
  const text: RangeRef<string> = { ...range, cache: values.map((v) => (v === null ? '' : String(v))) };
  const numbers: RangeRef<number | null> = { ...range, cache: values.map((v) => (typeof v === 'number' ? v : null)) };
  return { header, text, numbers };
}
