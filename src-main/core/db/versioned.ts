import type { Updateable } from 'kysely';
import { sql } from 'kysely';
import { AppError } from '../errors';
import type { Db } from './database';
import type { Schema } from './schema';

type VersionedTable = { [T in keyof Schema]: Schema[T] extends { id: unknown; version: unknown } ? T : never }[keyof Schema];

/**
 * Optimistic concurrency: updates the row only if it still has the version the user saw, and bumps it.
 * Otherwise NOT_FOUND (gone) or STALE (someone else saved first), and nothing changes.
 */
export async function updateVersioned<T extends VersionedTable>(
  db: Db,
  table: T,
  id: number,
  version: number,
  patch: Updateable<Schema[T]>,
): Promise<void> {
  // Kysely cannot narrow a generic table name; the constraint above keeps callers honest.
  const result = await (db as unknown as Db)
    .updateTable(table as 'users')
    .set({ ...(patch as Updateable<Schema['users']>), version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (result.numUpdatedRows > 0n) return;
  const exists = await db
    .selectFrom(table as 'users')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  throw new AppError(exists ? 'STALE' : 'NOT_FOUND');
}
