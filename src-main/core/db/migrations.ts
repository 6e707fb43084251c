import type BetterSqlite3 from 'better-sqlite3';
import { opportunitiesMigration } from './migrations/002-opportunities';
import { followUpsFunnelMigration } from './migrations/003-followups-funnel';
import { importMigration } from './migrations/004-import';
import { auditAreaMigration } from './migrations/005-audit-area';

export interface Migration {
  version: number;
  name: string;
  up: string;
}

/** Numbered, append-only. Never edit a migration that has shipped; add the next one. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'users and change feed',
    up: `
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'reviewer', 'sales')),
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        version INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE area_versions (
        area TEXT PRIMARY KEY,
        version INTEGER NOT NULL
      ) STRICT;
    `,
  },
  opportunitiesMigration,
  followUpsFunnelMigration,
  importMigration,
  auditAreaMigration,
];

export const appSchemaVersion = (list: readonly Migration[] = migrations): number =>
  list.reduce((max, m) => Math.max(max, m.version), 0);

export function ensureMigrationsTable(raw: BetterSqlite3.Database): void {
  raw.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
}

export function currentSchemaVersion(raw: BetterSqlite3.Database): number {
  const exists = raw.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).get();
  if (!exists) return 0;
  const row = raw.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Applies the pending migrations in one exclusive transaction, so a database is never left half
 * migrated and another PC never sees an intermediate schema. The caller holds the lease.
 */
export function migrate(raw: BetterSqlite3.Database, nowIso: string, list: readonly Migration[] = migrations): number {
  raw.exec('BEGIN EXCLUSIVE');
  try {
    ensureMigrationsTable(raw);
    const from = currentSchemaVersion(raw);
    const record = raw.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of list) {
      if (m.version <= from) continue;
      raw.exec(m.up);
      record.run(m.version, m.name, nowIso);
    }
    raw.exec('COMMIT');
    return currentSchemaVersion(raw);
  } catch (e) {
    if (raw.inTransaction) raw.exec('ROLLBACK');
    throw e;
  }
}
