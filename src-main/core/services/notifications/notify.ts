import type { Db } from '../../db/database';

export interface NewNotification {
  kind: string;
  entity: string;
  entityId: number;
  params?: Record<string, string | number>;
  /** The same key twice for one user makes one notification: timers may run on several PCs. */
  dedupeKey?: string;
}

/** Notifies users inside the caller's transaction, so a notice exists exactly when its cause does. */
export async function notify(q: Db, userIds: readonly number[], n: NewNotification, nowIso: string): Promise<void> {
  if (userIds.length === 0) return;
  await q
    .insertInto('notifications')
    .values(
      userIds.map((userId) => ({
        user_id: userId,
        kind: n.kind,
        entity: n.entity,
        entity_id: n.entityId,
        params: JSON.stringify(n.params ?? {}),
        dedupe_key: n.dedupeKey ?? null,
        created_at: nowIso,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Every active reviewer and administrator except the one who acted. */
export async function reviewerIds(q: Db, exceptUserId: number): Promise<number[]> {
  const rows = await q
    .selectFrom('users')
    .select('id')
    .where('active', '=', 1)
    .where('role', 'in', ['reviewer', 'admin'])
    .where('id', '!=', exceptUserId)
    .execute();
  return rows.map((r) => r.id);
}
