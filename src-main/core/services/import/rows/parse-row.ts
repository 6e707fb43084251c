import type { ImportField, ImportMapping, ImportStatus } from '../../../../../src-shared/contract/import';
import type { Stage } from '../../../../../src-shared/contract/registrations';
import { customerNameSchema, emailSchema, looksLikePersonName, parseYuan, phoneSchema, usccSchema } from '../../../../../src-shared/domain';
import type { MessageKey, Params } from '../../../../../src-shared/i18n';
import { type Cell, type TableRow, cellText } from '../file/table';
import type { ColumnPlan } from './columns';
import { splitContact } from './contact';
import { parseDate } from './dates';
import { lookupValue } from './lookup-value';

export interface IssueDraft {
  field?: ImportField;
  key: MessageKey;
  params?: Params;
}

/** One data row read through the mapping: typed values, and the problems of the values that were there. */
export interface ParsedRow {
  number: number;
  issues: IssueDraft[];
  status: ImportStatus;
  stage: Stage;
  /** The owner cell as written; empty means the importing user. */
  owner: string;
  customerName: string;
  customerKind: 'company' | 'person';
  contactPerson: string;
  phones: string[];
  email?: string;
  uscc?: string;
  region?: string;
  needDescription: string;
  /** In yuan; 0 counts as none for a closed row and as invalid for an open one. */
  budget?: number;
  expectedCloseDate?: string;
  closedAt?: string;
  submittedAt?: string;
  sourceChannel?: string;
  productLine?: string;
  finalAmount?: number;
  lostReason?: string;
  externalId?: string;
}

const textLimits: Partial<Record<ImportField, number>> = {
  contactPerson: 50,
  region: 50,
  sourceChannel: 50,
  productLine: 50,
  needDescription: 2000,
  lostReason: 1000,
  externalId: 100,
};

/** Reads one row; never throws for bad values, it collects them as issues naming their field. */
export function parseRow(row: TableRow, plan: ColumnPlan, mapping: ImportMapping, thisYear: number): ParsedRow {
  const issues: IssueDraft[] = [];
  const cells = (field: ImportField): Cell[] => (plan.get(field) ?? []).map((i) => row.cells[i] ?? null);
  const first = (field: ImportField): Cell => cells(field).find((c) => cellText(c) !== '') ?? null;
  const text = (field: ImportField): string | undefined => {
    const value = cellText(first(field)).replace(/\s+/g, (ws) => (field === 'needDescription' ? ws : ' '));
    if (!value) return undefined;
    const max = textLimits[field];
    if (max !== undefined && [...value].length > max) issues.push({ field, key: 'v.tooLong' });
    return value;
  };
  const date = (field: 'expectedCloseDate' | 'closedAt' | 'submittedAt'): string | undefined => {
    const cell = first(field);
    if (cell === null) return undefined;
    const parsed = parseDate(cell, mapping.dateFormat, thisYear);
    if (!parsed) issues.push({ field, key: 'import.v.date', params: { value: cellText(cell) } });
    return parsed ?? undefined;
  };
  const amount = (field: 'budget' | 'finalAmount'): number | undefined => {
    const cell = first(field);
    if (cell === null || cell instanceof Date) return undefined;
    const yuan = parseYuan(cell);
    if (yuan === null) {
      issues.push({ field, key: field === 'budget' ? 'v.budget' : 'import.v.amount' });
      return undefined;
    }
    return mapping.amountUnit === 'tenThousand' ? Math.round(yuan * 10_000 * 100) / 100 : yuan;
  };

  const name = customerNameSchema.safeParse(cellText(first('customerName')));
  if (!name.success) issues.push({ field: 'customerName', key: name.error.issues[0]?.message === 'v.tooLong' ? 'v.tooLong' : 'v.required' });
  const customerName = name.success ? name.data : '';

  const { phones, email } = contactValues(cells('phones'), cells('contact'), cellText(first('email')), issues);
  const uscc = text('uscc');
  const usccResult = uscc === undefined ? undefined : usccSchema.safeParse(uscc);
  if (usccResult && !usccResult.success) issues.push({ field: 'uscc', key: (usccResult.error.issues[0]?.message ?? 'v.uscc') as MessageKey });

  const { status, stage } = statusAndStage(text('status'), text('stage'), mapping, issues);
  const kindText = text('customerKind');
  const kind = kindText === undefined ? undefined : lookupValue(mapping.customerKindValues, kindText);
  if (kindText !== undefined && !kind) issues.push({ field: 'customerKind', key: 'import.v.unmappedKind', params: { value: kindText } });

  const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as { [P in K]: V }));
  return {
    number: row.number,
    issues,
    status,
    stage,
    owner: text('owner') ?? '',
    customerName,
    customerKind: kind ?? (looksLikePersonName(customerName) ? 'person' : 'company'),
    contactPerson: text('contactPerson') ?? '',
    phones,
    ...optional('email', email),
    ...optional('uscc', usccResult?.success ? usccResult.data : undefined),
    ...optional('region', text('region')),
    needDescription: text('needDescription') ?? '',
    ...optional('budget', amount('budget')),
    ...optional('expectedCloseDate', date('expectedCloseDate')),
    ...optional('closedAt', date('closedAt')),
    ...optional('submittedAt', date('submittedAt')),
    ...optional('sourceChannel', text('sourceChannel')),
    ...optional('productLine', text('productLine')),
    ...optional('finalAmount', amount('finalAmount')),
    ...optional('lostReason', text('lostReason')),
    ...optional('externalId', text('externalId')),
  };
}

/** Phones from phone columns and the contact column, the email from its column or the contact column. */
function contactValues(phoneCells: Cell[], contactCells: Cell[], emailText: string, issues: IssueDraft[]): { phones: string[]; email?: string } {
  const phones: string[] = [];
  const emails: string[] = [];
  const addPhones = (texts: string[], field: ImportField) => {
    for (const raw of texts) {
      const parsed = phoneSchema.safeParse(raw);
      if (parsed.success) {
        if (!phones.includes(parsed.data)) phones.push(parsed.data);
      } else issues.push({ field, key: 'v.phone' });
    }
  };
  const addEmails = (texts: string[], field: ImportField) => {
    for (const raw of texts) {
      const parsed = emailSchema.safeParse(raw);
      if (parsed.success) {
        if (!emails.includes(parsed.data)) emails.push(parsed.data);
      } else issues.push({ field, key: 'v.email' });
    }
  };
  for (const cell of phoneCells) addPhones(splitContact(cellText(cell)).phones, 'phones');
  for (const cell of contactCells) {
    const parts = splitContact(cellText(cell));
    addPhones(parts.phones, 'contact');
    addEmails(parts.emails, 'contact');
  }
  if (emailText) {
    const found = splitContact(emailText).emails;
    addEmails(found.length > 0 ? found : [emailText], 'email');
  }
  if (phones.length > 5) issues.push({ field: 'phones', key: 'v.tooMany' });
  if (emails.length > 1) issues.push({ field: 'email', key: 'import.v.oneEmail' });
  return emails[0] === undefined ? { phones } : { phones, email: emails[0] };
}

/** The row's status from the status column (or the default) and its stage from the stage column or the status value. */
function statusAndStage(statusText: string | undefined, stageText: string | undefined, mapping: ImportMapping, issues: IssueDraft[]): { status: ImportStatus; stage: Stage } {
  const target = statusText === undefined ? { status: mapping.defaultStatus } : lookupValue(mapping.statusValues, statusText);
  if (!target) issues.push({ field: 'status', key: 'import.v.unmappedStatus', params: { value: statusText ?? '' } });
  const stageFromColumn = stageText === undefined ? undefined : lookupValue(mapping.stageValues, stageText);
  if (stageText !== undefined && !stageFromColumn) issues.push({ field: 'stage', key: 'import.v.unmappedStage', params: { value: stageText } });
  const status = target?.status ?? mapping.defaultStatus;
  // A won deal's contract is signed: that is what the last stage means.
  const stage = status === 'won' ? 'contract_signed' : (stageFromColumn ?? (target && 'stage' in target ? target.stage : undefined) ?? 'initial_contact');
  return { status, stage };
}
