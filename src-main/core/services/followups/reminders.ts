import { type Expression, type SqlBool, sql } from 'kysely';
import type { StaleDays } from '../../../../src-shared/contract/funnel-settings';
import { isoNow, localToday } from '../../clock';
import type { Database, Db } from '../../db/database';
import { notify } from '../notifications/notify';
import { readOfficeSettings } from '../office/settings';
import { DAY_MS } from '../protection/protect';
import { rb } from '../opportunities/scope';
import { lastActivity, remindedStatuses, staleCutoffs, staleFlag } from './stale';

/**
 * Notifications announce what has just become due or stale; the 今日待办 panel lists all of it. So a
 * reminder older than this is not sent (after an import of old data, or a week of no app running).
 */
const ANNOUNCE_WITHIN_DAYS = 7;
/** Notifications per write transaction: the lease is never held long. */
const BATCH = 500;

const dueKey = sql<string>`'followup.due:' || r.id || ':' || r.next_due_date`;
const staleKey = sql<string>`'opportunity.stale:' || r.id || ':' || ${lastActivity}`;
const notNotified = (key: Expression<string>) =>
  sql<SqlBool>`NOT EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = r.owner_id AND n.dedupe_key = ${key})`;

interface Pending {
  dueCondition: Expression<SqlBool>;
  staleCondition: Expression<SqlBool>;
}

function conditions(nowIso: string, today: string, staleDays: StaleDays): Pending {
  const eb = rb();
  const recentDay = new Date(Date.parse(`${today}T00:00:00Z`) - ANNOUNCE_WITHIN_DAYS * DAY_MS).toISOString().slice(0, 10);
  const cutoffs = staleCutoffs(staleDays, nowIso);
  // Stale since recently: idle past its stage's days, but not by more than the announcing window.
  const later = (days: number) => days + ANNOUNCE_WITHIN_DAYS;
  const oldest = staleCutoffs(
    { initial_contact: later(staleDays.initial_contact), needs_confirmed: later(staleDays.needs_confirmed), quotation: later(staleDays.quotation) },
    nowIso,
  );
  return {
    dueCondition: eb.and([
      eb('r.status', 'in', remindedStatuses),
      eb('r.next_due_date', 'is not', null),
      eb('r.next_due_date', '<=', today),
      eb('r.next_due_date', '>=', recentDay),
      notNotified(dueKey),
    ]),
    staleCondition: eb.and([eb('r.status', '=', 'approved'), eb(staleFlag(cutoffs), '=', 1), eb(staleFlag(oldest), '=', 0), notNotified(staleKey)]),
  };
}

/** Writes up to BATCH reminders of each kind; returns how many it wrote. */
async function remind(q: Db, p: Pending, nowIso: string): Promise<{ due: number; stale: number }> {
  const due = await q
    .selectFrom('registrations as r')
    .select(['r.id', 'r.owner_id', 'r.customer_name', 'r.next_action', 'r.next_due_date', dueKey.as('key')])
    .where(p.dueCondition)
    .limit(BATCH)
    .execute();
  for (const r of due) {
    const params = { customer: r.customer_name, action: r.next_action ?? '', due: r.next_due_date ?? '' };
    await notify(q, [r.owner_id], { kind: 'followup.due', entity: 'registration', entityId: r.id, params, dedupeKey: r.key }, nowIso);
  }
  const stale = await q
    .selectFrom('registrations as r')
    .select(['r.id', 'r.owner_id', 'r.customer_name', lastActivity.as('last_activity'), staleKey.as('key')])
    .where(p.staleCondition)
    .limit(BATCH)
    .execute();
  for (const r of stale) {
    const days = Math.floor((Date.parse(nowIso) - Date.parse(r.last_activity)) / DAY_MS);
    await notify(q, [r.owner_id], { kind: 'opportunity.stale', entity: 'registration', entityId: r.id, params: { customer: r.customer_name, days }, dedupeKey: r.key }, nowIso);
  }
  return { due: due.length, stale: stale.length };
}

/**
 * Reminds owners of next actions that fell due and of opportunities that went stale. Every running app
 * calls it on a timer; the dedupe keys (one per due date, one per idle spell) make two PCs calling it
 * at once send each reminder once. A read first: most runs find nothing and take no write lock.
 */
export async function runFollowUpReminders(db: Database): Promise<{ due: number; stale: number }> {
  const nowIso = isoNow(db.clock);
  const today = localToday(db.clock);
  const pending = await db.read(async (q) => {
    const { settings } = await readOfficeSettings(q);
    const p = conditions(nowIso, today, settings.staleDays);
    const any = await q
      .selectFrom('registrations as r')
      .select('r.id')
      .where((eb) => eb.or([p.dueCondition, p.staleCondition]))
      .limit(1)
      .executeTakeFirst();
    return any ? p : null;
  });
  if (!pending) return { due: 0, stale: 0 };
  const total = { due: 0, stale: 0 };
  for (;;) {
    const written = await db.write(['notifications'], (q) => remind(q, pending, nowIso));
    total.due += written.due;
    total.stale += written.stale;
    if (written.due < BATCH && written.stale < BATCH) return total;
  }
}
