import type { ImportField, ImportMapping } from '../../../../../src-shared/contract/import';
import { multiColumnFields } from '../../../../../src-shared/contract/import';
import { type Table, cellText } from '../file/table';
import { guessDateFormat } from '../rows/dates';
import { fieldOfHeader, isTenThousandHeader } from './header-aliases';
import { customerKindOfValue, stageOfValue, statusOfValue } from './value-aliases';

/** Every distinct text of a column with how often it occurs, most frequent first. */
export function distinctValues(table: Table, column: number): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const row of table.rows) {
    const value = cellText(row.cells[column] ?? null);
    if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** The recognized entries of a value table for the column's values; unrecognized ones are left for the user. */
function valueTable<T>(values: { value: string }[], recognize: (value: string) => T | undefined): Record<string, T> {
  const table: Record<string, T> = {};
  for (const { value } of values) {
    const target = recognize(value);
    if (target !== undefined) table[value] = target;
  }
  return table;
}

/**
 * A first mapping for a file nobody mapped yet: columns by their header (a field taken by an earlier
 * column is not given twice), status, stage and kind values by their words, the date order from the
 * date columns' text. Owner values that are no user are created as accounts when an admin imports.
 */
export function proposeMapping(table: Table, canCreateOwners: boolean): ImportMapping {
  const columns: Record<string, ImportField | 'ignore'> = {};
  const taken = new Set<ImportField>();
  const columnOf = new Map<ImportField, number>();
  table.headers.forEach((header, index) => {
    const field = fieldOfHeader(header);
    const free = field !== undefined && (!taken.has(field) || multiColumnFields.includes(field));
    columns[header] = free ? field : 'ignore';
    if (!free) return;
    taken.add(field);
    if (!columnOf.has(field)) columnOf.set(field, index);
  });
  const valuesOf = (field: ImportField) => {
    const index = columnOf.get(field);
    return index === undefined ? [] : distinctValues(table, index);
  };
  const dateSamples = (['expectedCloseDate', 'closedAt', 'submittedAt'] as const).flatMap((f) => valuesOf(f).map((v) => v.value));
  const amountHeaders = (['budget', 'finalAmount'] as const).flatMap((f) => table.headers.filter((h) => columns[h] === f));
  return {
    columns,
    statusValues: valueTable(valuesOf('status'), statusOfValue),
    stageValues: valueTable(valuesOf('stage'), stageOfValue),
    customerKindValues: valueTable(valuesOf('customerKind'), customerKindOfValue),
    owners: {},
    unknownOwners: canCreateOwners ? 'create' : 'invalid',
    dateFormat: guessDateFormat(dateSamples),
    amountUnit: amountHeaders.some(isTenThousandHeader) ? 'tenThousand' : 'yuan',
    defaultStatus: 'submitted',
    incompleteOpenRows: 'return',
  };
}
