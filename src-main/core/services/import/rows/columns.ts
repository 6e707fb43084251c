import { type ImportField, type ImportMapping, multiColumnFields } from '../../../../../src-shared/contract/import';
import { AppError } from '../../../errors';

/** Which columns feed each field, by index into the header row. */
export type ColumnPlan = Map<ImportField, number[]>;

/**
 * The mapping's columns as indexes, checked: the customer name must come from somewhere, and a field
 * other than phones/contact from one column only (two would leave it unclear which one wins).
 */
export function planColumns(headers: readonly string[], mapping: ImportMapping): ColumnPlan {
  const plan: ColumnPlan = new Map();
  headers.forEach((header, index) => {
    const field = mapping.columns[header];
    if (!field || field === 'ignore') return;
    plan.set(field, [...(plan.get(field) ?? []), index]);
  });
  for (const [field, indexes] of plan) {
    if (indexes.length > 1 && !multiColumnFields.includes(field))
      throw new AppError('VALIDATION', 'import.v.fieldMappedTwice', { columns: indexes.map((i) => headers[i]).join('、') });
  }
  if (!plan.has('customerName')) throw new AppError('VALIDATION', 'import.v.customerColumn');
  return plan;
}
