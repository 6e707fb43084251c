import BetterSqlite3 from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../clock';
import { makeTestHost, ADMIN, type TestHost } from '../testing/test-host';
import { tempDbPath } from '../testing/temp-db';
import { Database } from './database';
import { appSchemaVersion, migrations, type Migration } from './migrations';

let cleanup: (() => void) | undefined;
const hosts: TestHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
  cleanup?.();
  cleanup = undefined;
});

function dbPath(): string {
  const tmp = tempDbPath();
  cleanup = tmp.cleanup;
  return tmp.file;
}

const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso) });
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => ({ code: (e as { code?: string }).code, key: (e as { key?: string }).key }),
  );

/** Reads the file behind the app's back, as another tool on the same PC would. */
function inspect<T>(file: string, look: (raw: BetterSqlite3.Database) => T): T {
  const raw = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return look(raw);
  } finally {
    raw.close();
  }
}
const recorded = (file: string) =>
  inspect(file, (raw) => raw.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all()) as {
    version: number;
    name: string;
    applied_at: string;
  }[];
const tableNames = (file: string) =>
  inspect(file, (raw) =>
    (raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name),
  );

describe('migrations', () => {
  it('records every migration on a fresh file and runs none on reopening', async () => {
    const file = dbPath();
    const first = await Database.open({ file, mode: 'create', clock: fixedClock('2030-01-01T00:00:00.000Z') });
    expect(first.schemaVersion).toBe(appSchemaVersion());
    expect(first.readOnly).toBe(false);
    await first.close();
    const expected = migrations.map((m) => ({ version: m.version, name: m.name, applied_at: '2030-01-01T00:00:00.000Z' }));
    expect(recorded(file)).toEqual(expected);

    const again = await Database.open({ file, mode: 'open', clock: fixedClock('2031-06-01T00:00:00.000Z') });
    expect(again.schemaVersion).toBe(appSchemaVersion());
    await again.close();
    expect(recorded(file)).toEqual(expected);
  });

  it('applies the pending migrations of a newer app in order, and only those', async () => {
    const file = dbPath();
    await (await Database.open({ file, mode: 'create' })).close();
    const next: Migration[] = [
      ...migrations,
      { version: appSchemaVersion() + 1, name: 'notes', up: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT) STRICT;' },
      { version: appSchemaVersion() + 2, name: 'notes index', up: 'CREATE INDEX notes_body ON notes (body);' },
    ];
    const db = await Database.open({ file, mode: 'open', migrations: next });
    expect(db.schemaVersion).toBe(appSchemaVersion() + 2);
    await db.close();
    expect(recorded(file).map((r) => r.name)).toEqual(next.map((m) => m.name));
  });

  it('leaves the database at its previous version when a migration fails, earlier steps included', async () => {
    const file = dbPath();
    await (await Database.open({ file, mode: 'create' })).close();
    const broken: Migration[] = [
      ...migrations,
      { version: appSchemaVersion() + 1, name: 'fine on its own', up: 'CREATE TABLE notes (id INTEGER PRIMARY KEY) STRICT;' },
      { version: appSchemaVersion() + 2, name: 'broken', up: 'CREATE TABLE tags (id INTEGER PRIMARY KEY); INSERT INTO nowhere VALUES (1);' },
    ];
    await expect(Database.open({ file, mode: 'open', migrations: broken })).rejects.toThrow(/nowhere/);
    expect(recorded(file).map((r) => r.version)).toEqual(migrations.map((m) => m.version));
    expect(tableNames(file)).not.toContain('notes');
    expect(tableNames(file)).not.toContain('tags');
    expect(fs.existsSync(`${file}.lease`)).toBe(false);
    const db = await Database.open({ file, mode: 'open' });
    expect(await db.integrityCheck()).toBe('ok');
    await db.close();
  });
});

describe('a database newer than the app', () => {
  async function hostOnNewerSchema(): Promise<TestHost> {
    const made = await makeTestHost();
    await made.host.close();
    // A newer Baobei on another PC has migrated the shared file past what this app knows.
    const raw = new BetterSqlite3(made.dbFile);
    raw.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(appSchemaVersion() + 1, 'from the future', 'x');
    raw.close();
    const host = await makeTestHost({ dir: made.dir, empty: true });
    hosts.push(host);
    return host;
  }

  it('is opened read-only: reads work, every write fails with SCHEMA_TOO_NEW', async () => {
    const t = await hostOnNewerSchema();
    const db = t.host.requireDb();
    expect(db.readOnly).toBe(true);
    expect(db.schemaVersion).toBe(appSchemaVersion() + 1);
    const admin = await t.signIn(ADMIN.username, ADMIN.password);
    const users = await t.call(admin, 'users.list', {});
    expect(users.map((u) => u.username)).toEqual([ADMIN.username]);
    const update = await t.dispatch(admin, 'users.update', { id: users[0]!.id, version: users[0]!.version, displayName: 'changed' });
    expect(update).toMatchObject({ ok: false, error: { code: 'SCHEMA_TOO_NEW' } });
    const create = await t.dispatch(admin, 'users.create', { username: 'late', displayName: 'Late', role: 'sales', password: 'sales-pass-1' });
    expect(create).toMatchObject({ ok: false, error: { code: 'SCHEMA_TOO_NEW' } });
    expect((await t.call(admin, 'users.list', {})).map((u) => [u.username, u.displayName])).toEqual([[ADMIN.username, users[0]!.displayName]]);
    expect(await t.call(admin, 'system.status', {})).toMatchObject({ readOnly: true, schemaVersion: appSchemaVersion() + 1, appSchemaVersion: appSchemaVersion() });
  });

  it('is never migrated or rewritten by the older app', async () => {
    const t = await hostOnNewerSchema();
    await t.host.close();
    expect(recorded(t.dbFile).map((r) => r.version)).toEqual([...migrations.map((m) => m.version), appSchemaVersion() + 1]);
  });
});

describe('files that are not a usable Baobei database', () => {
  it('refuses another application\'s SQLite file without touching it', async () => {
    const file = dbPath();
    const raw = new BetterSqlite3(file);
    raw.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices (total) VALUES (9.5);');
    raw.close();
    const before = fs.readFileSync(file);
    expect(await failure(Database.open({ file, mode: 'open' }))).toEqual({ code: 'DB_UNAVAILABLE', key: 'error.notADatabase' });
    expect(await failure(Database.open({ file, mode: 'openOrCreate' }))).toEqual({ code: 'DB_UNAVAILABLE', key: 'error.notADatabase' });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}.lease`)).toBe(false);
  });

  it('refuses a file of garbage without touching it', async () => {
    const file = dbPath();
    fs.writeFileSync(file, randomBytes(8192));
    const before = fs.readFileSync(file);
    expect(await failure(Database.open({ file, mode: 'open' }))).toEqual({ code: 'DB_UNAVAILABLE', key: 'error.notADatabase' });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}.lease`)).toBe(false);
  });

  it('answers DB_UNAVAILABLE for a missing file opened with mode "open", and creates nothing', async () => {
    const file = dbPath();
    expect(await failure(Database.open({ file, mode: 'open' }))).toMatchObject({ code: 'DB_UNAVAILABLE' });
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(`${file}.lease`)).toBe(false);
  });

  it('refuses to "create" over an existing database', async () => {
    const file = dbPath();
    await (await Database.open({ file, mode: 'create' })).close();
    expect(await failure(Database.open({ file, mode: 'create' }))).toEqual({ code: 'CONFLICT', key: 'error.databaseExists' });
  });
});
