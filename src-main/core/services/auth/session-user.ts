import type { SessionUser } from '../../../../src-shared/contract';
import type { Database } from '../../db/database';

/** The caller as of now: a deactivated user or a changed role takes effect on the next call. */
export function loadSessionUser(db: Database, userId: number): Promise<SessionUser | null> {
  return db.read(async (q) => {
    const row = await q
      .selectFrom('users')
      .select(['id', 'username', 'display_name', 'role', 'active'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!row || row.active !== 1) return null;
    return { id: row.id, username: row.username, displayName: row.display_name, role: row.role };
  });
}
