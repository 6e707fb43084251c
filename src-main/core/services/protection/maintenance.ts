import { localDate } from '../../clock';
import type { Database, Db } from '../../db/database';
import { recordAudit } from '../audit/record';
import { unindexRegistration } from '../conflicts/index-keys';
import { readOfficeSettings } from '../office/settings';
import { addDays } from './protect';

/**
 * Releases protections whose time is up: an open deal's customer goes to the public pool (the
 * registration becomes `expired`), a won customer's keep period simply ends. Idempotent, so every
 * running app may call it at start and on a timer: the second caller finds nothing due.
 */
export async function expireDue(q: Db, nowIso: string): Promise<number> {
  const due = await q
    .selectFrom('protections')
    .select(['id', 'kind', 'registration_id', 'customer_id', 'owner_id', 'ends_at'])
    .where('status', '=', 'active')
    .where('ends_at', '<=', nowIso)
    .execute();
  for (const p of due) {
    await q
      .updateTable('protections')
      .set({ status: p.kind === 'open' ? 'released' : 'ended', ended_at: nowIso })
      .where('id', '=', p.id)
      .execute();
    // The customer goes back to the pool: every open opportunity the owner had with it expires with it.
    const released = p.kind === 'open'
      ? await q
          .updateTable('registrations')
          .set((eb) => ({ status: 'expired', closed_at: nowIso, updated_at: nowIso, version: eb('version', '+', 1) }))
          .where('customer_id', '=', p.customer_id)
          .where('owner_id', '=', p.owner_id)
          .where('status', '=', 'approved')
          .returning('id')
          .execute()
      : [];
    for (const id of new Set([p.registration_id, ...released.map((r) => r.id)])) await unindexRegistration(q, id);
    await recordAudit(q, {
      at: nowIso,
      userId: null,
      operation: p.kind === 'open' ? 'protection.release' : 'protection.end',
      entity: 'registration',
      entityId: p.registration_id,
      after: { protectionId: p.id, endsAt: p.ends_at },
    });
  }
  return due.length;
}

/** One reminder per protection, `reminderDays` before it ends; an extension clears `reminded_at`. */
export async function remindExpiring(q: Db, nowIso: string, reminderDays: number): Promise<number> {
  const soon = await q
    .selectFrom('protections')
    .select(['id', 'registration_id', 'owner_id', 'ends_at'])
    .where('status', '=', 'active')
    .where('kind', '=', 'open')
    .where('reminded_at', 'is', null)
    .where('ends_at', '<=', addDays(nowIso, reminderDays))
    .execute();
  for (const p of soon) {
    await q
      .insertInto('notifications')
      .values({
        user_id: p.owner_id,
        kind: 'protection.expiring',
        entity: 'registration',
        entity_id: p.registration_id,
        params: JSON.stringify({ until: localDate(new Date(p.ends_at)) }),
        dedupe_key: `protection.expiring:${p.id}:${p.ends_at}`,
        created_at: nowIso,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await q.updateTable('protections').set({ reminded_at: nowIso }).where('id', '=', p.id).execute();
  }
  return soon.length;
}

/** What every app runs at start and every few minutes; cheap when nothing is due. */
export async function runProtectionMaintenance(db: Database): Promise<{ expired: number; reminded: number }> {
  const nowIso = db.clock.now().toISOString();
  // A read first: most runs find nothing to do and should not take a write transaction on the share.
  const pending = await db.read(async (q) => {
    const { settings } = await readOfficeSettings(q);
    const due = await q
      .selectFrom('protections')
      .select('id')
      .where('status', '=', 'active')
      .where((eb) =>
        eb.or([
          eb('ends_at', '<=', nowIso),
          eb.and([eb('kind', '=', 'open'), eb('reminded_at', 'is', null), eb('ends_at', '<=', addDays(nowIso, settings.reminderDays))]),
        ]),
      )
      .limit(1)
      .executeTakeFirst();
    return due ? settings : null;
  });
  if (!pending) return { expired: 0, reminded: 0 };
  return db.write(['registrations', 'pool', 'audit'], async (q) => ({
    expired: await expireDue(q, nowIso),
    reminded: await remindExpiring(q, nowIso, pending.reminderDays),
  }));
}
