import { type Selectable, sql } from 'kysely';
import type { ConflictProbe, Registration, RegistrationDraft, RegistrationFields } from '../../../../src-shared/contract/registrations';
import { localDate } from '../../clock';
import type { Db } from '../../db/database';
import type { RegistrationsTable } from '../../db/schema';
import { AppError } from '../../errors';

/** Budgets travel in yuan and are stored in fen, so sums never meet binary fractions. */
export const toFen = (yuan: number): number => Math.round(yuan * 100);
export const fromFen = (fen: number | null): number | null => (fen === null ? null : fen / 100);

/** Statuses whose customer the owner's protection covers; a closed or refused one shows none. */
const protectedStatuses = new Set(['submitted', 'returned', 'approved', 'won']);

export type RegistrationRow = Selectable<RegistrationsTable> & { owner_name: string; protection_ends_at: string | null };

/**
 * A registration with its owner's name and the end of the protection its customer has for its owner,
 * if any: protection is on the customer, so every open opportunity the owner has with that customer is
 * covered by the one protection, whichever registration started it. Looked up through the
 * one-active-per-customer index (its `status = 'active'` must be a literal for SQLite to use that
 * partial index): otherwise every row read would scan all active protections.
 */
export function selectRegistrations(q: Db) {
  return q
    .selectFrom('registrations as r')
    .innerJoin('users as u', 'u.id', 'r.owner_id')
    .leftJoin('protections as p', (join) =>
      join.onRef('p.customer_id', '=', 'r.customer_id').onRef('p.owner_id', '=', 'r.owner_id').on('p.status', '=', sql.lit('active')),
    )
    .selectAll('r')
    .select(['u.display_name as owner_name', 'p.ends_at as protection_ends_at']);
}

export async function loadRegistration(q: Db, id: number): Promise<RegistrationRow> {
  const row = await selectRegistrations(q).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export function toRegistration(row: RegistrationRow): Registration {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    stage: row.stage,
    customerId: row.customer_id,
    customerName: row.customer_name,
    customerKind: row.customer_kind,
    contactPerson: row.contact_person,
    phones: JSON.parse(row.phones) as string[],
    email: row.email,
    uscc: row.uscc,
    region: row.region,
    needDescription: row.need_description,
    budget: fromFen(row.budget_fen),
    expectedCloseDate: row.expected_close_date,
    sourceChannel: row.source_channel,
    productLine: row.product_line,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    needsAdjudication: row.needs_adjudication === 1,
    conflictJustification: row.conflict_justification,
    fromPool: row.from_pool === 1,
    submittedAt: row.submitted_at,
    approvedAt: row.approved_at,
    decidedAt: row.decided_at,
    decisionReason: row.decision_reason,
    protectedUntil: row.protection_ends_at && protectedStatuses.has(row.status) ? localDate(new Date(row.protection_ends_at)) : null,
    finalAmount: fromFen(row.final_amount_fen),
    closedAt: row.closed_at,
    lostReason: row.lost_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The form's fields as columns; a draft's missing values stay empty. */
export function fieldColumns(f: RegistrationFields | RegistrationDraft) {
  return {
    customer_name: f.customerName,
    customer_kind: f.customerKind,
    contact_person: f.contactPerson,
    phones: JSON.stringify(f.phones),
    email: f.email ?? null,
    uscc: f.uscc ?? null,
    region: f.region ?? null,
    need_description: f.needDescription,
    budget_fen: f.budget === undefined ? null : toFen(f.budget),
    expected_close_date: f.expectedCloseDate ?? null,
    stage: f.stage,
    source_channel: f.sourceChannel ?? null,
    product_line: f.productLine ?? null,
  };
}

/** The customer-identifying part of a stored registration, to probe for conflicts again. */
export function probeOfRow(row: RegistrationRow): ConflictProbe {
  return {
    customerName: row.customer_name,
    customerKind: row.customer_kind,
    phones: JSON.parse(row.phones) as string[],
    ...(row.email ? { email: row.email } : {}),
    ...(row.uscc ? { uscc: row.uscc } : {}),
    ...(row.region ? { region: row.region } : {}),
  };
}
