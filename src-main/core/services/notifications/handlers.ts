import type { notificationsContract } from '../../../../src-shared/contract/notifications';
import { isoNow } from '../../clock';
import type { Db } from '../../db/database';
import { type HandlersFor, requireDb, requireUser } from '../../handler';

async function unreadCount(q: Db, userId: number): Promise<number> {
  const row = await q
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Everyone sees and marks only their own notifications. */
export const notificationHandlers = {
  'notifications.list': async (input, ctx) => {
    const me = requireUser(ctx);
    return requireDb(ctx).read(async (q) => {
      let query = q.selectFrom('notifications').selectAll().where('user_id', '=', me.id);
      if (input.unreadOnly) query = query.where('read_at', 'is', null);
      if (input.afterId !== undefined) query = query.where('id', '>', input.afterId);
      const rows = await query.orderBy('id', 'desc').limit(input.limit).execute();
      const items = rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        entity: r.entity,
        entityId: r.entity_id,
        params: JSON.parse(r.params) as Record<string, string | number>,
        createdAt: r.created_at,
        readAt: r.read_at,
      }));
      return { items, unread: await unreadCount(q, me.id) };
    });
  },

  'notifications.markRead': async (input, ctx) => {
    const me = requireUser(ctx);
    return requireDb(ctx).write(['notifications'], async (q) => {
      let update = q.updateTable('notifications').set({ read_at: isoNow(ctx.clock) }).where('user_id', '=', me.id).where('read_at', 'is', null);
      if (!input.all) update = update.where('id', 'in', input.ids?.length ? input.ids : [0]);
      await update.execute();
      return { unread: await unreadCount(q, me.id) };
    });
  },
} satisfies HandlersFor<typeof notificationsContract>;
