import { type ImportField, type ImportMapping, openImportStatuses } from '../../../../../src-shared/contract/import';
import { registrationFieldsSchema } from '../../../../../src-shared/contract/registrations';
import { budgetSchema, closeDateIssue, countCharacters, minNeedCharacters } from '../../../../../src-shared/domain';
import type { MessageKey } from '../../../../../src-shared/i18n';
import type { IssueDraft, ParsedRow } from './parse-row';

export type TargetStatus = 'submitted' | 'approved' | 'returned' | 'won' | 'lost' | 'expired';

export type Classified =
  | { valid: false; issues: IssueDraft[] }
  | {
      valid: true;
      row: ParsedRow;
      /** The status the row is written in, before the checks that need the database. */
      target: TargetStatus;
      /** What an open row lacks that only its owner can add (it is then `returned`). */
      missing: ImportField[];
      expectedCloseDate?: string;
      closedAt?: string;
      budget?: number;
    };

const invalid = (issues: IssueDraft[]): Classified => ({ valid: false, issues });

/** The registration form's field name → the import field an issue about it names. */
const formFieldToImport: Record<string, ImportField> = { phones: 'contact' };

/**
 * Closed rows are history: they keep their past dates, need no contact or budget, but a won or lost
 * row needs the date it closed. Open rows claim a customer, so the registration rules hold for them:
 * the close date not in the past and within 24 months, and every required field, except that what
 * only the owner can add may be missing when the mapping says to return such rows for completion.
 */
export function classifyRow(row: ParsedRow, mapping: ImportMapping, today: string): Classified {
  if (row.issues.length > 0) return invalid(row.issues);
  if (!openImportStatuses.includes(row.status)) {
    const closedAt = row.closedAt ?? row.expectedCloseDate;
    if (!closedAt && row.status !== 'expired') return invalid([{ field: 'closedAt', key: 'import.v.closeDateRequired' }]);
    const budget = row.budget !== undefined && row.budget > 0 ? row.budget : undefined;
    return { valid: true, row, target: row.status, missing: [], ...(closedAt ? { closedAt } : {}), ...(budget ? { budget } : {}) };
  }

  const issues: IssueDraft[] = [];
  if (row.budget !== undefined) {
    const budget = budgetSchema.safeParse(row.budget);
    if (!budget.success) issues.push({ field: 'budget', key: (budget.error.issues[0]?.message ?? 'v.budget') as MessageKey });
  }
  const expectedField: ImportField = row.expectedCloseDate ? 'expectedCloseDate' : 'closedAt';
  const expectedCloseDate = row.expectedCloseDate ?? row.closedAt;
  const dateIssue = expectedCloseDate ? closeDateIssue(expectedCloseDate, today) : null;
  if (dateIssue) issues.push({ field: expectedField, key: dateIssue });
  if (issues.length > 0) return invalid(issues);

  const missing = missingForSubmit(row, expectedCloseDate);
  if (missing.length > 0 && mapping.incompleteOpenRows === 'invalid') return invalid(missing.map(missingIssue(row)));
  if (missing.length === 0) {
    const fields = registrationFieldsSchema.safeParse(formFields(row, expectedCloseDate));
    if (!fields.success)
      return invalid(fields.error.issues.map((i) => ({ field: formFieldToImport[String(i.path[0])] ?? (i.path[0] as ImportField), key: i.message as MessageKey })));
  }
  return {
    valid: true,
    row,
    target: missing.length > 0 ? 'returned' : row.status,
    missing,
    ...(expectedCloseDate ? { expectedCloseDate } : {}),
    ...(row.budget !== undefined ? { budget: row.budget } : {}),
  };
}

function missingForSubmit(row: ParsedRow, expectedCloseDate: string | undefined): ImportField[] {
  const missing: ImportField[] = [];
  if (!row.contactPerson) missing.push('contactPerson');
  if (row.phones.length === 0 && !row.email) missing.push('contact');
  if (countCharacters(row.needDescription) < minNeedCharacters) missing.push('needDescription');
  if (row.budget === undefined) missing.push('budget');
  if (!expectedCloseDate) missing.push('expectedCloseDate');
  return missing;
}

const missingIssue =
  (row: ParsedRow) =>
  (field: ImportField): IssueDraft => {
    if (field === 'contact') return { field, key: 'v.contactRequired' };
    if (field === 'needDescription' && row.needDescription) return { field, key: 'v.needTooShort' };
    return { field, key: 'v.required' };
  };

/** The row as the registration form's fields, to check it with the form's own schema. */
export function formFields(row: ParsedRow, expectedCloseDate: string | undefined) {
  return {
    customerName: row.customerName,
    customerKind: row.customerKind,
    contactPerson: row.contactPerson,
    phones: row.phones,
    email: row.email,
    uscc: row.uscc,
    region: row.region,
    needDescription: row.needDescription,
    budget: row.budget,
    expectedCloseDate,
    stage: row.stage,
    sourceChannel: row.sourceChannel,
    productLine: row.productLine,
  };
}
