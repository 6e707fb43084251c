/** One field of an audited entity that an operation changed. */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

const show = (value: unknown): string => (value === undefined || value === null ? '' : JSON.stringify(value));
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The fields whose values differ between an entry's before and after, in the after's order and then
 * the removed ones; a creation lists every field with an empty before, a deletion with an empty after.
 * Values that are not objects compare as a whole, as one field named "".
 */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const b = before ?? {};
  const a = after ?? {};
  if (!isRecord(b) || !isRecord(a)) return show(before) === show(after) ? [] : [{ field: '', before: show(before), after: show(after) }];
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return fields.filter((f) => show(b[f]) !== show(a[f])).map((field) => ({ field, before: show(b[field]), after: show(a[field]) }));
}
