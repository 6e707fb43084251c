import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Distinct statements kept compiled; a service uses a few dozen, a bulk job the same few thousands of times. */
const MAX_STATEMENTS = 256;

/**
 * The connection as Kysely sees it, with compiled statements reused. Kysely prepares every query
 * afresh, and compiling an INSERT into a table with triggers and wide indexes costs more than running
 * it: an import or the demo generator would spend most of its time there. A statement still being
 * iterated is busy and is never handed out twice; SQLite recompiles a cached one by itself after a
 * schema change.
 */
export function withStatementCache(raw: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => raw.close(),
    prepare(sql: string) {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        // Refresh its place: the map's order is the least recently used first.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = raw.prepare(sql);
      if (!cached) {
        cache.set(sql, statement);
        if (cache.size > MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
      }
      return statement;
    },
  };
}
