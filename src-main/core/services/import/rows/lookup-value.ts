import { normalizeLabel } from '../recognize/normalize-label';

/**
 * A cell value's entry in one of the mapping's value tables: the value as written, else one that
 * differs only in case, width, spacing or punctuation ("Closed Won" finds "closed_won").
 */
export function lookupValue<T>(table: Readonly<Record<string, T>>, value: string): T | undefined {
  if (Object.prototype.hasOwnProperty.call(table, value)) return table[value];
  const label = normalizeLabel(value);
  const key = Object.keys(table).find((k) => normalizeLabel(k) === label);
  return key === undefined ? undefined : table[key];
}
