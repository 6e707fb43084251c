import type { SessionUser } from '../../../../../src-shared/contract';
import type { ConflictMatch } from '../../../../../src-shared/contract/registrations';
import type { OfficeSettings } from '../../../../../src-shared/contract/office';
import type { Language } from '../../../../../src-shared/contract/system';
import { translate } from '../../../../../src-shared/i18n';
import type { Db } from '../../../db/database';
import type { StageCode } from '../../../db/schema';
import { recordAudit } from '../../audit/record';
import { type CustomerFields, resolveCustomer } from '../../conflicts/customers';
import { findConflicts } from '../../conflicts/find';
import { indexRegistration } from '../../conflicts/index-keys';
import { claimingStatuses } from '../../protection/pool';
import { activeProtectionCount, activeProtectionOf, addDays, protectCustomer } from '../../protection/protect';
import { fieldColumns, toFen } from '../../registrations/rows';
import { findDuplicate } from '../../registrations/submit';
import { type Classified, formFields, type TargetStatus } from './classify';
import type { IssueDraft } from './parse-row';

export interface WriteContext {
  q: Db;
  importer: SessionUser;
  nowIso: string;
  settings: OfficeSettings;
  language: Language;
}

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

/**
 * Whether a row claims its customer: an open one, or a win whose keep period (from its close date,
 * `wonKeepDays` of the office) is not over. Lost and expired rows are history. Without the settings
 * at hand, a win counts as possibly claiming.
 */
export function claimsCustomer(c: Classified, ctx?: Pick<WriteContext, 'settings' | 'nowIso'>): boolean {
  if (!c.valid) return false;
  if (c.target !== 'won') return c.target === 'submitted' || c.target === 'approved' || c.target === 'returned';
  if (!ctx || !c.closedAt) return ctx === undefined;
  return addDays(dayStart(c.closedAt), ctx.settings.wonKeepDays) > ctx.nowIso;
}

/** A date of the file as an instant: the start of that day on this PC's calendar, like the dates people type. */
const dayStart = (date: string): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
};

const conflict = (errors: IssueDraft[], matches: WrittenRow['matches']): WrittenRow => ({ outcome: 'conflict', errors, ...(matches ? { matches } : {}) });

/** Where a row's customer stands: which customer it is, whether the row may claim it, and why not. */
interface Claim {
  customerId: number;
  /** The row claims the customer: it goes into the conflict index (and under protection if approved or kept after a win). */
  claims: boolean;
  notes: IssueDraft[];
  warnings: ConflictMatch[];
}

/**
 * Writes one valid row as a registration, inside the run's transaction (and a savepoint of its own).
 * Rows that claim their customer (open ones, and a win still in its keep period) are checked like a
 * submission: findConflicts for the owner, a block is the row's conflict, the owner's own customer is
 * linked, the same need twice is a duplicate. Closed rows are history and claim nothing.
 */
export async function writeRow(ctx: WriteContext, c: ValidRow, ownerId: number): Promise<WrittenRow> {
  const { q, nowIso, settings } = ctx;
  const { row } = c;
  if (row.externalId) {
    const twin = await q.selectFrom('registrations').select('id').where('external_id', '=', row.externalId).executeTakeFirst();
    if (twin) return conflict([{ field: 'externalId', key: 'import.conflict.externalId', params: { value: row.externalId } }], [{ registrationId: twin.id, level: 'block', signals: [] }]);
  }
  const customer: CustomerFields = { customerName: row.customerName, customerKind: row.customerKind, phones: row.phones, email: row.email, uscc: row.uscc, region: row.region };
  const closedAt = c.closedAt ? dayStart(c.closedAt) : c.target === 'expired' ? nowIso : null;
  const keptUntil = c.target === 'won' && closedAt ? addDays(closedAt, settings.wonKeepDays) : null;
  const wantsClaim = claimsCustomer(c, ctx);

  let claim: Claim;
  if (wantsClaim) {
    const report = await findConflicts(q, customer, { viewer: ctx.importer, nowIso, ownerId });
    const blocks = report.matches.filter((m) => m.level === 'block');
    const warnings = report.matches.filter((m) => m.level === 'warn');
    if (blocks.length > 0 && c.target !== 'won') return conflict([{ key: 'import.conflict.claimed' }], blocks);
    if (report.ownCustomer && row.needDescription && c.target !== 'won') {
      const twin = await findDuplicate(q, report.ownCustomer.registrationIds, row.needDescription);
      if (twin !== null) return conflict([{ key: 'import.conflict.duplicate' }], [{ registrationId: twin, level: 'block', signals: [] }]);
    }
    const customerId = await resolveCustomer(q, customer, {
      ownCustomerId: report.ownCustomer?.customerId,
      blockingRegistrationIds: blocks.map((b) => b.registrationId),
      nowIso,
    });
    // A win recorded while someone else holds the customer now: history is kept, the claim is not.
    if (blocks.length > 0) claim = { customerId, claims: false, notes: [{ key: 'import.note.keepNotClaimed' }], warnings: [] };
    else claim = { customerId, claims: true, notes: report.ownCustomer ? [{ key: 'import.note.linked' }] : [], warnings };
  } else {
    claim = { customerId: await resolveCustomer(q, customer, { blockingRegistrationIds: [], nowIso }), claims: false, notes: [], warnings: [] };
  }

  const status = await approvalOutcome(ctx, c.target, ownerId, claim);
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
  if (claim.claims) await indexRegistration(q, id, customer);
  const notes = [...claim.notes, ...(await protect(ctx, { id, status, ownerId, customerId: claim.customerId, claims: claim.claims, closedAt, keptUntil }))];
  if (status === 'returned') notes.unshift({ key: 'import.note.returned', params: { fields: fieldList(ctx.language, c.missing) } });
  if (status !== c.target && c.target === 'approved') notes.unshift({ key: ownerId === ctx.importer.id ? 'import.note.ownApproval' : 'import.note.protectionCap' });
  if (claim.warnings.length > 0) notes.push({ key: 'import.note.possibleConflict' });
  await recordStage(q, id, status, columns.stage, { approvedAt: columns.approved_at, closedAt, by: status === 'approved' ? ctx.importer.id : null });
  await recordAudit(q, { at: nowIso, userId: ctx.importer.id, operation: 'import.create', entity: 'registration', entityId: id, after: { row: row.number, ...columns } });
  return {
    outcome: 'created',
    registrationId: id,
    registrationStatus: status,
    ...(claim.warnings.length > 0 ? { matches: claim.warnings } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/**
 * An approved row is approved only where approval itself would be: never by its own owner (nobody
 * reviews their own registration) and not beyond the owner's cap of protected customers. Otherwise it
 * waits for a reviewer as `submitted`, still claiming its customer.
 */
async function approvalOutcome(ctx: WriteContext, target: TargetStatus, ownerId: number, claim: Claim): Promise<TargetStatus> {
  if (target !== 'approved') return target;
  if (ownerId === ctx.importer.id) return 'submitted';
  const held = await activeProtectionOf(ctx.q, claim.customerId);
  if (held?.owner_id === ownerId) return 'approved';
  return (await activeProtectionCount(ctx.q, ownerId)) >= ctx.settings.maxActiveProtections ? 'submitted' : 'approved';
}

interface ProtectRequest {
  id: number;
  status: TargetStatus;
  ownerId: number;
  customerId: number;
  claims: boolean;
  closedAt: string | null;
  keptUntil: string | null;
}

/**
 * The protection a row brings, through the same protectCustomer as approval: approved → protected from
 * now for the office's period; won within its keep period → kept until then; expired → released into
 * the public pool at its date, unless someone claims the customer now.
 */
async function protect(ctx: WriteContext, p: ProtectRequest): Promise<IssueDraft[]> {
  const { q, nowIso, settings } = ctx;
  const kept = p.status === 'won' && p.claims && p.keptUntil !== null;
  if (p.status === 'approved' || kept) {
    const held = await activeProtectionOf(q, p.customerId);
    // The owner already protects this customer through another opportunity: this one falls under it.
    if (held) return [{ key: 'import.note.alreadyHeld' }];
    const window = kept ? { startsAt: p.closedAt!, endsAt: p.keptUntil! } : { startsAt: nowIso, endsAt: addDays(nowIso, settings.protectionDays) };
    await protectCustomer(q, { customerId: p.customerId, registrationId: p.id, ownerId: p.ownerId, kind: kept ? 'won' : 'open', ...window });
    return [];
  }
  if (p.status !== 'expired') return [];
  const claimed =
    (await activeProtectionOf(q, p.customerId)) ??
    (await q.selectFrom('registrations').select('id').where('customer_id', '=', p.customerId).where('status', 'in', claimingStatuses).executeTakeFirst());
  if (claimed) return [{ key: 'import.note.poolSkipped' }];
  const at = p.closedAt ?? nowIso;
  await q
    .insertInto('protections')
    .values({ customer_id: p.customerId, registration_id: p.id, owner_id: p.ownerId, kind: 'open', status: 'released', starts_at: at, ends_at: at, ended_at: at })
    .execute();
  return [{ key: 'import.note.pool' }];
}

/** The stage the registration was in when it entered the funnel (a win: when its contract was signed). */
async function recordStage(
  q: Db,
  registrationId: number,
  status: TargetStatus,
  stage: StageCode,
  at: { approvedAt: string | null; closedAt: string | null; by: number | null },
): Promise<void> {
  const changedAt = status === 'won' ? at.closedAt : at.approvedAt;
  if (!changedAt || status === 'returned' || status === 'submitted') return;
  await q
    .insertInto('stage_history')
    .values({ registration_id: registrationId, from_stage: null, to_stage: stage, changed_at: changedAt, changed_by: at.by })
    .execute();
}

const fieldList = (language: Language, fields: readonly string[]) =>
  fields.map((f) => translate(language, `import.field.${f}`)).join(translate(language, 'import.listSeparator'));
