import type { ConflictMatch } from '../../../../../src-shared/contract/registrations';
import { type CustomerFields, resolveCustomer } from '../../conflicts/customers';
import { findConflicts } from '../../conflicts/find';
import { claimingStatuses } from '../../protection/pool';
import { activeProtectionCount, activeProtectionOf, addDays } from '../../protection/protect';
import { findDuplicate } from '../../registrations/submit';
import type { Classified, TargetStatus } from './classify';
import type { IssueDraft } from './parse-row';
import type { WriteContext } from './write-context';

type ValidRow = Extract<Classified, { valid: true }>;

/** The customer a row is for and what the others' registrations say about it. */
export type Claim =
  | { conflict: true; errors: IssueDraft[]; matches: Pick<ConflictMatch, 'registrationId' | 'level' | 'signals'>[] }
  | { conflict: false; customerId: number; blocked: boolean; ownCustomer: boolean; warnings: ConflictMatch[] };

/** What the row becomes: its status, whether it claims its customer, and the protection it brings. */
export interface Settlement {
  status: TargetStatus;
  /** In the conflict index: the customer is taken while this registration is open (or kept). */
  claims: boolean;
  protection: { kind: 'open' | 'won'; startsAt: string; endsAt: string } | 'release' | null;
  notes: IssueDraft[];
}

/** Whether a row wants its customer: an open one, or a win whose keep period (`wonKeepDays` from its close) is not over. */
export function wantsCustomer(c: ValidRow, ctx: Pick<WriteContext, 'settings' | 'nowIso'>, closedAt: string | null): boolean {
  if (c.target !== 'won') return c.target === 'submitted' || c.target === 'approved' || c.target === 'returned';
  return closedAt !== null && addDays(closedAt, ctx.settings.wonKeepDays) > ctx.nowIso;
}

/**
 * Checks a row like a submission: findConflicts for its owner, a block is the row's conflict (an
 * open row is not created), the owner's own customer is linked, the same need twice is a duplicate;
 * then the same customer resolution as submit. A row that wants no customer (history) only resolves it.
 */
export async function findClaim(ctx: WriteContext, c: ValidRow, customer: CustomerFields, ownerId: number, wants: boolean): Promise<Claim> {
  const { q, nowIso } = ctx;
  if (!wants) {
    const customerId = await resolveCustomer(q, customer, { blockingRegistrationIds: [], nowIso });
    return { conflict: false, customerId, blocked: false, ownCustomer: false, warnings: [] };
  }
  const report = await findConflicts(q, customer, { viewer: ctx.importer, nowIso, ownerId });
  const blocks = report.matches.filter((m) => m.level === 'block');
  // A win is history either way; only its keep period depends on whether someone holds the customer now.
  const open = c.target !== 'won';
  if (blocks.length > 0 && open) return { conflict: true, errors: [{ key: 'import.conflict.claimed' }], matches: blocks };
  if (report.ownCustomer && c.row.needDescription && open) {
    const twin = await findDuplicate(q, report.ownCustomer.registrationIds, c.row.needDescription);
    if (twin !== null) return { conflict: true, errors: [{ key: 'import.conflict.duplicate' }], matches: [{ registrationId: twin, level: 'block', signals: [] }] };
  }
  const customerId = await resolveCustomer(q, customer, {
    ownCustomerId: report.ownCustomer?.customerId,
    blockingRegistrationIds: blocks.map((b) => b.registrationId),
    nowIso,
  });
  return { conflict: false, customerId, blocked: blocks.length > 0, ownCustomer: report.ownCustomer !== null, warnings: report.matches.filter((m) => m.level === 'warn') };
}

/**
 * The status and protection a row ends up with. Approval by import is approval as a reviewer gives it:
 * never of the importer's own row, not beyond the owner's cap, and not of a customer that is already
 * protected (the one-protection-per-customer rule) — such rows wait as `submitted`. A recent win keeps
 * its customer as markWon does; an expired row puts its customer into the public pool unless someone
 * claims it now. Every other row claims nothing beyond what its status says.
 */
export async function settle(ctx: WriteContext, c: ValidRow, ownerId: number, claim: Extract<Claim, { conflict: false }>, closedAt: string | null): Promise<Settlement> {
  const { q, nowIso, settings } = ctx;
  const open = (status: TargetStatus, notes: IssueDraft[] = []): Settlement => ({ status, claims: true, protection: null, notes });
  switch (c.target) {
    case 'submitted':
    case 'returned':
      return open(c.target);
    case 'approved': {
      if (ownerId === ctx.importer.id) return open('submitted', [{ key: 'import.note.ownApproval' }]);
      const held = await activeProtectionOf(q, claim.customerId);
      if (held) return open('submitted', [{ key: 'import.note.alreadyHeld', params: { id: held.registration_id } }]);
      if ((await activeProtectionCount(q, ownerId)) >= settings.maxActiveProtections) return open('submitted', [{ key: 'import.note.protectionCap' }]);
      return { status: 'approved', claims: true, protection: { kind: 'open', startsAt: nowIso, endsAt: addDays(nowIso, settings.protectionDays) }, notes: [] };
    }
    case 'won': {
      const history: Settlement = { status: 'won', claims: false, protection: null, notes: [] };
      if (!wantsCustomer(c, ctx, closedAt) || !closedAt) return history;
      if (claim.blocked) return { ...history, notes: [{ key: 'import.note.keepNotClaimed' }] };
      const held = await activeProtectionOf(q, claim.customerId);
      if (held) return { ...history, notes: [{ key: 'import.note.keptBySibling', params: { id: held.registration_id } }] };
      return { status: 'won', claims: true, protection: { kind: 'won', startsAt: closedAt, endsAt: addDays(closedAt, settings.wonKeepDays) }, notes: [] };
    }
    case 'expired': {
      const claimed =
        (await activeProtectionOf(q, claim.customerId)) ??
        (await q.selectFrom('registrations').select('id').where('customer_id', '=', claim.customerId).where('status', 'in', claimingStatuses).executeTakeFirst());
      return { status: 'expired', claims: false, protection: claimed ? null : 'release', notes: [{ key: claimed ? 'import.note.poolSkipped' : 'import.note.pool' }] };
    }
    case 'lost':
      return { status: 'lost', claims: false, protection: null, notes: [] };
  }
}
