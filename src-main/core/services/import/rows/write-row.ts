import type { ConflictMatch } from '../../../../../src-shared/contract/registrations';
import type { Language } from '../../../../../src-shared/contract/system';
import { translate } from '../../../../../src-shared/i18n';
import type { Db } from '../../../db/database';
import type { StageCode } from '../../../db/schema';
import { recordAudit } from '../../audit/record';
import type { CustomerFields } from '../../conflicts/customers';
import { indexRegistration } from '../../conflicts/index-keys';
import { protectCustomer } from '../../protection/protect';
import { fieldColumns, toFen } from '../../registrations/rows';
import { type Classified, formFields, type TargetStatus } from './classify';
import type { IssueDraft } from './parse-row';
import { findClaim, type Settlement, settle, wantsCustomer } from './settle-claim';
import type { WriteContext } from './write-context';

export interface WrittenRow {
  outcome: 'created' | 'conflict';
  registrationId?: number;
  registrationStatus?: TargetStatus;
  /** The other registrations a conflict (or a created row's possible conflict) is with. */
  matches?: Pick<ConflictMatch, 'registrationId' | 'level' | 'signals'>[];
  errors?: IssueDraft[];
  notes?: IssueDraft[];
}

type ValidRow = Extract<Classified, { valid: true }>;

/** A date of the file as an instant: the start of that day on this PC's calendar, like the dates people type. */
const dayStart = (date: string): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
};

/** When a valid row closed: its date, or now for an expired row that has none (it is released now). */
const closedAtOf = (c: ValidRow, nowIso: string): string | null => (c.closedAt ? dayStart(c.closedAt) : c.target === 'expired' ? nowIso : null);

/** Whether writing this row may meet the one-active-protection index, so it needs a savepoint of its own. */
export const mayProtect = (c: Classified, ctx: WriteContext): boolean => c.valid && wantsCustomer(c, ctx, closedAtOf(c, ctx.nowIso));

/**
 * Writes one valid row as a registration inside the run's transaction: the claim check, the row with
 * its file's dates, its place in the conflict index, its protection, its first stage entry and its
 * audit entry. Returns the row's conflict instead when another registration holds the customer.
 */
export async function writeRow(ctx: WriteContext, c: ValidRow, ownerId: number): Promise<WrittenRow> {
  const { q, nowIso } = ctx;
  const { row } = c;
  if (row.externalId) {
    const twin = await q.selectFrom('registrations').select('id').where('external_id', '=', row.externalId).executeTakeFirst();
    if (twin)
      return {
        outcome: 'conflict',
        errors: [{ field: 'externalId', key: 'import.conflict.externalId', params: { value: row.externalId } }],
        matches: [{ registrationId: twin.id, level: 'block', signals: [] }],
      };
  }
  const customer: CustomerFields = { customerName: row.customerName, customerKind: row.customerKind, phones: row.phones, email: row.email, uscc: row.uscc, region: row.region };
  const closedAt = closedAtOf(c, nowIso);
  const claim = await findClaim(ctx, c, customer, ownerId, wantsCustomer(c, ctx, closedAt));
  if (claim.conflict) return { outcome: 'conflict', errors: claim.errors, matches: claim.matches };
  const settled = await settle(ctx, c, ownerId, claim, closedAt);
  const { status } = settled;

  const submittedAt = row.submittedAt ? dayStart(row.submittedAt) : (closedAt ?? nowIso);
  const closed = status === 'won' || status === 'lost' || status === 'expired';
  const decided = status === 'approved' || status === 'returned';
  // A won row's value is its final amount: the amount column, else what it was budgeted at.
  const finalAmount = status === 'won' ? (row.finalAmount ?? c.budget) : undefined;
  const columns = {
    ...fieldColumns({ ...formFields(row, c.expectedCloseDate), budget: c.budget }),
    customer_id: claim.customerId,
    owner_id: ownerId,
    status,
    submitted_at: submittedAt,
    // Approval by import starts the protection now; a closed deal was in the funnel from its start.
    approved_at: status === 'approved' ? nowIso : closed ? submittedAt : null,
    decided_at: decided ? nowIso : null,
    decided_by: decided ? ctx.importer.id : null,
    decision_reason: status === 'returned' ? translate(ctx.language, 'import.returnReason', { fields: fieldList(ctx.language, c.missing) }) : null,
    closed_at: closed ? closedAt : null,
    final_amount_fen: finalAmount === undefined ? null : toFen(finalAmount),
    lost_reason: status === 'lost' ? (row.lostReason ?? null) : null,
    external_id: row.externalId ?? null,
    created_at: submittedAt,
    updated_at: nowIso,
  };
  const { id } = await q.insertInto('registrations').values(columns).returning('id').executeTakeFirstOrThrow();
  if (settled.claims) await indexRegistration(q, id, customer);
  await applyProtection(q, settled, { id, ownerId, customerId: claim.customerId, at: closedAt ?? nowIso });
  await recordStage(q, id, status, columns.stage, { approvedAt: columns.approved_at, closedAt, by: status === 'approved' ? ctx.importer.id : null });
  await recordAudit(q, { at: nowIso, userId: ctx.importer.id, operation: 'import.create', entity: 'registration', entityId: id, after: { row: row.number, ...columns } });

  const notes = [
    ...(status === 'returned' ? [{ key: 'import.note.returned' as const, params: { fields: fieldList(ctx.language, c.missing) } }] : []),
    ...(claim.ownCustomer ? [{ key: 'import.note.linked' as const }] : []),
    ...settled.notes,
    ...(claim.warnings.length > 0 ? [{ key: 'import.note.possibleConflict' as const }] : []),
  ];
  return {
    outcome: 'created',
    registrationId: id,
    registrationStatus: status,
    ...(claim.warnings.length > 0 ? { matches: claim.warnings } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/**
 * The protection a settled row brings, through the same protectCustomer as approval and markWon; an
 * expired row's customer is released into the public pool at the row's date.
 */
async function applyProtection(q: Db, settled: Settlement, r: { id: number; ownerId: number; customerId: number; at: string }): Promise<void> {
  const base = { customer_id: r.customerId, registration_id: r.id, owner_id: r.ownerId };
  if (settled.protection === 'release') {
    await q.insertInto('protections').values({ ...base, kind: 'open', status: 'released', starts_at: r.at, ends_at: r.at, ended_at: r.at }).execute();
  } else if (settled.protection) {
    await protectCustomer(q, { customerId: r.customerId, registrationId: r.id, ownerId: r.ownerId, ...settled.protection });
  }
}

/** The stage the registration was in when it entered the funnel (a win: when its contract was signed). */
async function recordStage(q: Db, registrationId: number, status: TargetStatus, stage: StageCode, at: { approvedAt: string | null; closedAt: string | null; by: number | null }): Promise<void> {
  const changedAt = status === 'won' ? at.closedAt : at.approvedAt;
  if (!changedAt || status === 'returned' || status === 'submitted') return;
  await q.insertInto('stage_history').values({ registration_id: registrationId, from_stage: null, to_stage: stage, changed_at: changedAt, changed_by: at.by }).execute();
}

const fieldList = (language: Language, fields: readonly string[]) =>
  fields.map((f) => translate(language, `import.field.${f}`)).join(translate(language, 'import.listSeparator'));
