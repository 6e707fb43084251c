import type { SessionUser } from '../../../../src-shared/contract';
import { localDate } from '../../clock';
import type { Db } from '../../db/database';
import { recordAudit } from '../audit/record';
import { unindexRegistration } from '../conflicts/index-keys';
import { readOfficeSettings } from '../office/settings';
import { activeProtectionOf, addDays, handOverOrEndProtection, protectCustomer } from '../protection/protect';
import { loadRegistration, toFen } from '../registrations/rows';
import { dayStartIso } from './scope';
import { fieldIssue, openOpportunity } from './move';

export interface WinRequest {
  me: SessionUser;
  id: number;
  version: number;
  finalAmount: number;
  /** The day the contract was signed (YYYY-MM-DD). */
  wonDate: string;
  nowIso: string;
  today: string;
  /** Where the win's fields sit in the caller's input, for field errors. */
  path?: (string | number)[];
}

/**
 * The instant a win dated `wonDate` closed: now when it is today, otherwise midday of that day on this
 * PC's calendar (its date survives any time zone of the office), and never before what the history
 * already holds (`floorIso`), so no stint or cycle time comes out negative.
 */
function closedAtOf(wonDate: string, today: string, nowIso: string, floorIso: string): string {
  if (wonDate === today) return nowIso;
  const midday = new Date(Date.parse(dayStartIso(wonDate)) + 12 * 3_600_000).toISOString();
  return midday > floorIso ? midday : floorIso;
}

/** The latest of entering the funnel and the last stage change: a win cannot be dated before it. */
async function historyEnds(q: Db, row: { id: number; approved_at: string | null; created_at: string }): Promise<string> {
  const last = await q
    .selectFrom('stage_history')
    .select((eb) => eb.fn.max('changed_at').as('at'))
    .where('registration_id', '=', row.id)
    .executeTakeFirst();
  const entered = row.approved_at ?? row.created_at;
  return last?.at && last.at > entered ? last.at : entered;
}

/**
 * Wins an open opportunity: 合同签订 with its final amount and date. In the same transaction the
 * customer's open protection ends and a `won` one keeps the customer with its owner for `wonKeepDays`
 * from the win; the registration stays in the conflict index only while that keep lasts.
 */
export async function markWon(q: Db, req: WinRequest): Promise<void> {
  const path = req.path ?? [];
  const before = await openOpportunity(q, req.me, req.id, req.version);
  const floorIso = await historyEnds(q, before);
  const earliest = localDate(new Date(floorIso));
  if (req.wonDate > req.today) throw fieldIssue([...path, 'wonDate'], 'v.wonDateFuture');
  if (req.wonDate < earliest) throw fieldIssue([...path, 'wonDate'], 'v.wonDateTooEarly', { date: earliest });
  const closedAt = closedAtOf(req.wonDate, req.today, req.nowIso, floorIso);

  // Closing first: the schema's trigger ends the last stint at the win, and the 合同签订 entry below
  // (written after the close) adds no stint of its own.
  await q
    .updateTable('registrations')
    .set((eb) => ({
      status: 'won',
      stage: 'contract_signed',
      final_amount_fen: toFen(req.finalAmount),
      closed_at: closedAt,
      updated_at: req.nowIso,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', before.id)
    .execute();
  if (before.stage !== 'contract_signed') {
    await q
      .insertInto('stage_history')
      .values({ registration_id: before.id, from_stage: before.stage, to_stage: 'contract_signed', changed_at: req.nowIso, changed_by: req.me.id })
      .execute();
  }
  const kept = await keepCustomer(q, before.id, before.customer_id, before.owner_id, closedAt, req.nowIso);
  if (!kept) await unindexRegistration(q, before.id);
  await recordAudit(q, {
    at: req.nowIso,
    userId: req.me.id,
    operation: 'registrations.markWon',
    entity: 'registration',
    entityId: before.id,
    before,
    after: await loadRegistration(q, before.id),
  });
}

/**
 * Replaces this opportunity's open protection with the won keep period. When the owner has another
 * open opportunity with the customer, the protection passes to it as on a loss (protection/protect.ts):
 * the customer stays the owner's under the open one's rules. Returns whether this opportunity now
 * holds a keep.
 */
async function keepCustomer(q: Db, registrationId: number, customerId: number | null, ownerId: number, closedAt: string, nowIso: string): Promise<boolean> {
  await handOverOrEndProtection(q, registrationId, nowIso);
  if (customerId === null) return false;
  const { settings } = await readOfficeSettings(q);
  const keepUntil = addDays(closedAt, settings.wonKeepDays);
  if (keepUntil <= nowIso || (await activeProtectionOf(q, customerId))) return false;
  await protectCustomer(q, { customerId, registrationId, ownerId, kind: 'won', startsAt: closedAt, endsAt: keepUntil });
  return true;
}
