import type { DateFormat } from '../../../../../src-shared/contract/import';
import { isIsoDate } from '../../../../../src-shared/domain/fields';
import type { Cell } from '../file/table';

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): string | null => {
  const text = `${y}-${pad(m)}-${pad(d)}`;
  return isIsoDate(text) ? text : null;
};

/** Excel's day 0 of the 1900 date system (its phantom 1900-02-29 makes day 60 the only wrong one). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Serial numbers of 1954–2119: a bare number outside this is no date. */
const isPlausibleSerial = (n: number) => n >= 20_000 && n < 80_000;

function fromSerial(serial: number): string | null {
  const date = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS);
  return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** 16 → 2016 and 85 → 1985: a two-digit year is the nearest one no more than 20 years ahead. */
function fullYear(text: string, thisYear: number): number {
  if (text.length === 4) return Number(text);
  const year = 2000 + Number(text);
  return year > thisYear + 20 ? year - 100 : year;
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthOfName = (name: string) => months.indexOf(name.slice(0, 3).toLowerCase()) + 1;

const yearFirst = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const compact = /^(\d{4})(\d{2})(\d{2})$/;
const threeNumbers = /^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})$/;
const dayMonthName = /^(\d{1,2})[-\s/]([a-z]{3,9})\.?[-\s/,]+(\d{2}|\d{4})$/i;
const monthNameDay = /^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/i;

/**
 * A date cell as YYYY-MM-DD, or null when it is no date. Year-first text, 8-digit dates, English month
 * names, workbook date cells and Excel serial numbers are read whatever the format; `format` decides
 * only the order of day-month-year text such as 20-10-16. A time after the date is ignored.
 */
export function parseDate(cell: Cell, format: DateFormat, thisYear: number): string | null {
  if (cell === null) return null;
  // Workbook date cells are UTC midnights of the date shown.
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : iso(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  if (typeof cell === 'number') return isPlausibleSerial(cell) ? fromSerial(cell) : null;
  const text = cell.normalize('NFKC').trim().replace(/(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/, '');
  if (/^\d{5}(?:\.\d+)?$/.test(text)) return isPlausibleSerial(Number(text)) ? fromSerial(Number(text)) : null;
  let m = yearFirst.exec(text) ?? compact.exec(text);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = dayMonthName.exec(text);
  if (m) return monthOfName(m[2]!) ? iso(fullYear(m[3]!, thisYear), monthOfName(m[2]!), Number(m[1])) : null;
  m = monthNameDay.exec(text);
  if (m) return monthOfName(m[1]!) ? iso(Number(m[3]), monthOfName(m[1]!), Number(m[2])) : null;
  m = threeNumbers.exec(text);
  if (!m) return null;
  const [a, b, c] = [m[1]!, m[2]!, m[3]!];
  if (a.length === 4 || format === 'ymd') return a.length > 2 && a.length !== 4 ? null : iso(fullYear(a, thisYear), Number(b), Number(c));
  if (a.length > 2 || c.length === 3 || c.length === 1) return null;
  return format === 'dmy' ? iso(fullYear(c, thisYear), Number(b), Number(a)) : iso(fullYear(c, thisYear), Number(a), Number(b));
}

/**
 * The order that reads every sample as a date: day first when some first number is above 12, month
 * first when some second number is, day first when nothing tells (as most of the world writes it);
 * year first when no sample leads with a day or month.
 */
export function guessDateFormat(samples: readonly string[]): DateFormat {
  let dayFirst = false;
  let monthFirst = false;
  let dayOrMonthLeads = false;
  for (const sample of samples) {
    const m = threeNumbers.exec(sample.normalize('NFKC').trim().split(/\s+/)[0] ?? '');
    if (!m || m[1]!.length === 4) continue;
    dayOrMonthLeads = true;
    if (Number(m[1]) > 12) dayFirst = true;
    else if (Number(m[2]) > 12) monthFirst = true;
  }
  if (monthFirst && !dayFirst) return 'mdy';
  return dayOrMonthLeads ? 'dmy' : 'ymd';
}
