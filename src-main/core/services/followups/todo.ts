import { type Expression, type SqlBool, sql } from 'kysely';
import type { TodoItem } from '../../../../src-shared/contract/followups';
import type { StaleDays } from '../../../../src-shared/contract/funnel-settings';
import type { Db } from '../../db/database';
import { DAY_MS } from '../protection/protect';
import { rb } from '../opportunities/scope';
import { lastActivity, remindedStatuses, staleCutoffs, staleFlag } from './stale';

const utcDay = (date: string) => Date.parse(`${date}T00:00:00Z`);

/**
 * The first `limit` opportunities by `order`: ids first, from the covering indexes, then only those
 * rows, so a team with thousands overdue reads two hundred rows, not thousands.
 */
async function items(q: Db, where: Expression<SqlBool>, order: Expression<unknown>, limit: number) {
  const ids = (await q.selectFrom('registrations as r').select('r.id').where(where).orderBy(order).orderBy('r.id').limit(limit).execute()).map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = await q
    .selectFrom('registrations as r')
    .innerJoin('users as u', 'u.id', 'r.owner_id')
    .select(['r.id', 'r.customer_name', 'r.owner_id', 'u.display_name as owner_name', 'r.status', 'r.stage', 'r.next_action', 'r.next_due_date'])
    .select(lastActivity.as('last_activity'))
    .where('r.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

type ItemRow = Awaited<ReturnType<typeof items>>[number];
const toItem = (r: ItemRow, days: number): TodoItem => ({
  registrationId: r.id,
  customerName: r.customer_name,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  status: r.status,
  stage: r.stage,
  nextAction: r.next_action,
  nextDueDate: r.next_due_date,
  lastActivityAt: r.last_activity,
  days,
});

/**
 * 今日待办 for some owners (null: the whole team): next actions due today or overdue, oldest first, and
 * open opportunities gone stale, longest idle first; the counts cover everything, the lists `limit`.
 */
export async function todoToday(q: Db, ownerIds: readonly number[] | null, staleDays: StaleDays, now: { iso: string; today: string }, limit: number) {
  const eb = rb();
  const owners = ownerIds ? eb('r.owner_id', 'in', [...ownerIds]) : eb.and([]);
  const due = eb.and([owners, eb('r.status', 'in', remindedStatuses), eb('r.next_due_date', 'is not', null), eb('r.next_due_date', '<=', now.today)]);
  const stale = eb.and([owners, eb('r.status', '=', 'approved'), eb(staleFlag(staleCutoffs(staleDays, now.iso)), '=', 1)]);

  const dueRows = await items(q, due, sql`r.next_due_date`, limit);
  const staleRows = await items(q, stale, lastActivity, limit);
  const dueCounts = await q
    .selectFrom('registrations as r')
    .select([sql<number>`TOTAL(r.next_due_date = ${now.today})`.as('today'), sql<number>`TOTAL(r.next_due_date < ${now.today})`.as('overdue')])
    .where(due)
    .executeTakeFirstOrThrow();
  const staleCount = await q
    .selectFrom('registrations as r')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where(stale)
    .executeTakeFirstOrThrow();
  const nowMs = Date.parse(now.iso);
  return {
    today: now.today,
    due: dueRows.map((r) => toItem(r, Math.round((utcDay(now.today) - utcDay(r.next_due_date ?? now.today)) / DAY_MS))),
    stale: staleRows.map((r) => toItem(r, Math.floor((nowMs - Date.parse(r.last_activity)) / DAY_MS))),
    counts: { dueToday: Number(dueCounts.today), overdue: Number(dueCounts.overdue), stale: Number(staleCount.n) },
  };
}
