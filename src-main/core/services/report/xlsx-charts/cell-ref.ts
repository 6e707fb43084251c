import type { CellPosition, RangeRef } from './types';

/** Zero-based column index → letters (0 → A, 25 → Z, 26 → AA). */
export function columnLetters(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`bad column index ${index}`);
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const absolute = (p: CellPosition) => `$${columnLetters(p.col)}$${p.row + 1}`;

/**
 * A sheet name as a formula reference needs it: always quoted (harmless when not needed, and needed
 * for names with spaces, punctuation or non-ASCII letters), with quotes inside doubled.
 */
export const quoteSheetName = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

/** `'漏斗'!$B$2:$B$5`, or `'漏斗'!$B$1` for a single cell. */
export function rangeFormula(range: Pick<RangeRef<never>, 'sheet' | 'from' | 'to'>): string {
  const { from, to } = range;
  const cells = from.col === to.col && from.row === to.row ? absolute(from) : `${absolute(from)}:${absolute(to)}`;
  return `${quoteSheetName(range.sheet)}!${cells}`;
}

/** How many cells a one-row or one-column range holds; a two-dimensional range is a mistake here. */
export function rangeLength(range: Pick<RangeRef<never>, 'from' | 'to'>): number {
  const { from, to } = range;
  if (from.col !== to.col && from.row !== to.row) throw new RangeError('a series range must be one row or one column');
  if (to.col < from.col || to.row < from.row) throw new RangeError('a range must run from its first cell to its last');
  return to.col - from.col + to.row - from.row + 1;
}
