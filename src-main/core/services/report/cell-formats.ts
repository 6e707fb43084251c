/** Number formats of the report's cells: real numbers and dates, formatted by Excel, never text. */
export const NUMBER_FORMAT = {
  count: '#,##0',
  money: '"¥"#,##0.00',
  percent: '0.0%',
  days: '0.0',
  date: 'yyyy-mm-dd',
  dateTime: 'yyyy-mm-dd hh:mm',
} as const;

export type ValueKind = 'text' | keyof typeof NUMBER_FORMAT;

const MS_PER_DAY = 86_400_000;
/** Days from Excel's day 0 (1899-12-30, in its 1900 date system) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * A calendar date (YYYY-MM-DD) as Excel stores a date: the day's serial number, shown as a date by the
 * cell's date format. A number costs exceljs far less to write than a Date, on every row of the list.
 */
export function excelDate(isoDate: string | null): number | null {
  if (!isoDate) return null;
  const ms = Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10)));
  return Number.isNaN(ms) ? null : ms / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/**
 * A stored instant (UTC ISO) as the wall-clock time of this PC, which is what the reader expects to
 * see: Excel has no time zones, so the serial number carries the local time.
 */
export function excelDateTime(isoInstant: string | null): number | null {
  if (!isoInstant) return null;
  const t = new Date(isoInstant);
  const ms = t.getTime();
  return Number.isNaN(ms) ? null : (ms - t.getTimezoneOffset() * 60_000) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

// East Asian wide and full-width characters take two columns in a monospaced cell, as they do in
// Excel's default fonts: CJK ideographs, kana, Hangul, full-width forms and CJK punctuation.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** How many character columns a text needs, counting a CJK character as two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) || ch.codePointAt(0)! > 0xffff ? 2 : 1;
  return width;
}

/** What a value looks like once formatted, near enough to size its column. */
export function shownText(value: unknown, kind: ValueKind): string {
  if (value === null || value === undefined) return '';
  switch (kind) {
    case 'money':
      return `¥${Number(value).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    case 'count':
      return Number(value).toLocaleString('en-US');
    case 'percent':
      return `${(Number(value) * 100).toFixed(1)}%`;
    case 'days':
      return Number(value).toFixed(1);
    case 'date':
      return '2026-01-01';
    case 'dateTime':
      return '2026-01-01 00:00';
    default:
      return String(value);
  }
}

export const MIN_COLUMN_WIDTH = 8;
export const MAX_COLUMN_WIDTH = 60;

/** A column width (in Excel's character units) that fits the header and the widest sampled value. */
export function fittedWidth(header: string, shown: Iterable<string>): number {
  let widest = displayWidth(header);
  for (const text of shown) {
    // Only the first line counts: long descriptions wrap instead of widening the sheet.
    const w = displayWidth(text.split('\n', 1)[0] ?? '');
    if (w > widest) widest = w;
  }
  return Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, widest + 2));
}
