import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { type Area, areas as knownAreas } from '../../../src-shared/contract';
import { type Clock, isoNow, systemClock } from '../clock';
import { AppError } from '../errors';
import { Lease, type LeaseOptions, defaultLeaseOptions } from './lease';
import { appSchemaVersion, currentSchemaVersion, migrate, migrations as allMigrations, type Migration } from './migrations';
import { Mutex } from './mutex';
import { withStatementCache } from './statement-cache';
import { registerSqlFunctions } from './sql-functions';
import type { Schema } from './schema';
import { isBusy, toAppError } from './sqlite-errors';

export type Db = Kysely<Schema>;

export interface OpenOptions {
  file: string;
  /** `create` refuses an existing file, `open` a missing one. */
  mode: 'create' | 'open' | 'openOrCreate';
  clock?: Clock;
  lease?: Partial<LeaseOptions>;
  busyTimeoutMs?: number;
  /** Path of a better-sqlite3 binary built for Electron's ABI; Node uses the default build. */
  nativeBinding?: string;
  migrations?: readonly Migration[];
  /**
   * Tests and benchmarks only: open through SQLite's `unix-none` VFS, which takes no file locks at all,
   * the way a share that does not forward byte-range locks behaves; then only the lease keeps writers
   * apart. Needs `SQLITE_USE_URI=1` in the environment before better-sqlite3 first opens a file.
   */
  locklessVfs?: boolean;
}

/** What a transaction body may use besides the query builder. */
export interface Tx {
  /** Keeps the lease alive during long work, between steps. */
  heartbeat(): void;
  /** Runs a step that may fail on its own: its writes are undone, the transaction goes on. */
  savepoint<T>(step: () => Promise<T>): Promise<T>;
  raw: BetterSqlite3.Database;
}

const BUSY_RETRIES = 5;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One open database file. Every transaction, read or write, runs under the lease and the in-process
 * mutex; writes use BEGIN IMMEDIATE and bump the versions of the areas they touch for the change feed.
 */
export class Database {
  private db: Db;
  private readonly mutex = new Mutex();
  private readonly listeners = new Set<(areas: Area[]) => void>();
  private closed = false;
  /** An I/O error said the connection may be dead (the share dropped): reconnect before the next transaction. */
  private connectionLost = false;
  /** Set when the current transaction has sent COMMIT: from then on its outcome is unknown on failure. */
  private commitStarted = false;
  /** `PRAGMA schema_version` when the schema version was last read; moves whenever anyone changes the schema. */
  private schemaCookie: number;

  private constructor(
    readonly file: string,
    private raw: BetterSqlite3.Database,
    private readonly connect: () => BetterSqlite3.Database,
    private readonly lease: Lease,
    readonly clock: Clock,
    private version: number,
    readonly appSchemaVersion: number,
  ) {
    this.db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
    this.schemaCookie = raw.pragma('schema_version', { simple: true }) as number;
  }

  get kysely(): Db {
    return this.db;
  }

  /** The file's schema version as last seen: at open, and again whenever a write finds the schema changed. */
  get schemaVersion(): number {
    return this.version;
  }

  /** A database whose schema is newer than this app may be read but never written. */
  get readOnly(): boolean {
    return this.schemaVersion > this.appSchemaVersion;
  }

  static async open(options: OpenOptions): Promise<Database> {
    const { file, mode } = options;
    const clock = options.clock ?? systemClock;
    const exists = fs.existsSync(file);
    if (mode === 'open' && !exists) throw new AppError('DB_UNAVAILABLE');
    if (mode === 'create' && exists) throw new AppError('CONFLICT', 'error.databaseExists');
    const lease = new Lease(`${file}.lease`, { ...defaultLeaseOptions, ...options.lease });
    const list = options.migrations ?? allMigrations;
    try {
      await lease.acquire();
    } catch (e) {
      throw toAppError(e) ?? e;
    }
    let raw: BetterSqlite3.Database | null = null;
    const connect = (fileMustExist: boolean) => {
      const connection = new BetterSqlite3(options.locklessVfs ? locklessUri(file) : file, {
        fileMustExist,
        timeout: options.busyTimeoutMs ?? 5_000,
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      });
      try {
        connection.pragma('journal_mode = DELETE');
        connection.pragma('synchronous = FULL');
        connection.pragma('foreign_keys = ON');
        registerSqlFunctions(connection);
      } catch (e) {
        connection.close();
        throw e;
      }
      return connection;
    };
    try {
      raw = connect(mode === 'open');
      const check = raw.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new AppError('DB_UNAVAILABLE', 'error.notADatabase');
      let version = currentSchemaVersion(raw);
      if (version === 0 && hasForeignTables(raw)) throw new AppError('DB_UNAVAILABLE', 'error.notADatabase');
      const target = appSchemaVersion(list);
      if (version < target) {
        // quick_check of a large file blocks the heartbeat and may outlast the stale limit: never
        // migrate under a lease another PC has taken over meanwhile.
        if (!lease.stillOwned()) throw new AppError('BUSY');
        version = migrate(raw, isoNow(clock), list);
      }
      // A reconnection must find the file: never create an empty one where the share used to be.
      return new Database(file, raw, () => connect(true), lease, clock, version, target);
    } catch (e) {
      raw?.close();
      throw toAppError(e) ?? e;
    } finally {
      lease.release();
    }
  }

  /** Called after every local commit with the areas it changed. */
  onCommit(listener: (areas: Area[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  read<T>(body: (db: Db, tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction('BEGIN', [], body);
  }

  write<T>(areas: Area[], body: (db: Db, tx: Tx) => Promise<T>): Promise<T> {
    if (this.readOnly) return Promise.reject(new AppError('SCHEMA_TOO_NEW'));
    return this.transaction('BEGIN IMMEDIATE', areas, body);
  }

  /** `PRAGMA data_version` moves when another connection commits; the change feed polls it. */
  dataVersion(): Promise<number> {
    return this.read(async () => this.raw.pragma('data_version', { simple: true }) as number);
  }

  areaVersions(): Promise<Map<string, number>> {
    return this.read(async (db) => {
      const rows = await db.selectFrom('area_versions').selectAll().execute();
      return new Map(rows.map((r) => [r.area, r.version]));
    });
  }

  /** SQLite's online backup into `target`, under the lease so no other PC writes meanwhile. */
  backupTo(target: string): Promise<void> {
    return this.read(async () => {
      await this.raw.backup(target);
    });
  }

  integrityCheck(): Promise<string> {
    return this.read(async () => {
      const rows = this.raw.pragma('integrity_check') as { integrity_check: string }[];
      return rows.map((r) => r.integrity_check).join('; ');
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.mutex.run(async () => {
      await this.kysely.destroy();
    });
  }

  private transaction<T>(begin: string, areas: Area[], body: (db: Db, tx: Tx) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new AppError('DB_UNAVAILABLE'));
    return this.mutex.run(async () => {
      let reconnects = 0;
      for (let attempt = 0; ; attempt++) {
        let result: T;
        let moved: Area[];
        try {
          ({ result, moved } = await this.once(begin, areas, body));
        } catch (e) {
          if (isConnectionLost(e)) {
            this.connectionLost = true;
            // A handle that died while the drive was away fails on its first use after the drive is back:
            // a new connection runs the transaction again. And a network client may still believe in a
            // journal file another PC has just removed (FUSE keeps a name for a second), failing the
            // journal's creation until it looks again: so a few times, waiting longer each time. Never
            // once COMMIT has begun: that commit may have landed, and running it again would save twice.
            if (reconnects < RECONNECT_WAITS_MS.length && !this.commitStarted) {
              await sleep(RECONNECT_WAITS_MS[reconnects++]!);
              continue;
            }
          }
          if (isBusy(e) && attempt < BUSY_RETRIES) {
            await sleep(20 * 2 ** attempt + Math.random() * 20);
            continue;
          }
          throw toAppError(e) ?? e;
        }
        // Outside the try: the commit is done, so a failing listener (a window closed meanwhile) must
        // neither turn it into an error, which invites the user to save twice, nor retry it.
        if (moved.length > 0) this.notify(moved);
        return result;
      }
    });
  }

  private notify(areas: Area[]): void {
    for (const listener of this.listeners) {
      try {
        listener(areas);
      } catch {
        // A listener only refreshes screens: one missed refresh is better than a save reported as failed.
      }
    }
  }

  /** Runs one attempt; answers the result and the areas the commit moved, declared or by triggers. */
  private async once<T>(begin: string, areas: Area[], body: (db: Db, tx: Tx) => Promise<T>): Promise<{ result: T; moved: Area[] }> {
    this.commitStarted = false;
    await this.lease.acquire();
    try {
      if (this.connectionLost) this.reconnect();
      this.raw.exec(begin);
      try {
        if (begin !== 'BEGIN' && this.schemaNowTooNew()) throw new AppError('SCHEMA_TOO_NEW');
        const versionsBefore = begin === 'BEGIN' ? null : this.areaVersionsNow();
        const result = await body(this.kysely, { heartbeat: () => this.lease.heartbeat(), savepoint: (step) => this.savepoint(step), raw: this.raw });
        if (areas.length > 0) this.bumpAreas(areas);
        const moved = versionsBefore === null ? [] : this.areasMovedSince(versionsBefore);
        // A holder that stalled past the stale limit may have lost the lease: never commit then. Every
        // write is checked, also one that names no area for the change feed.
        if (begin !== 'BEGIN' && !this.lease.stillOwned()) throw new AppError('BUSY');
        this.commitStarted = true;
        this.raw.exec('COMMIT');
        return { result, moved };
      } finally {
        if (this.raw.inTransaction) this.raw.exec('ROLLBACK');
      }
    } finally {
      this.lease.release();
    }
  }

  /**
   * A connection whose file handle died with the share (SQLite I/O errors ever after, even once the
   * drive is back) is replaced by a new one, under the lease, before the next transaction. Without
   * this the app answered DB_UNAVAILABLE until it was restarted. While the file is still unreachable
   * the error stands, and the next transaction tries again.
   */
  private reconnect(): void {
    const fresh = this.connect();
    try {
      this.raw.close();
    } catch {
      // The old handle is dead anyway.
    }
    this.raw = fresh;
    this.db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: withStatementCache(fresh) }) });
    this.connectionLost = false;
  }

  /**
   * Another PC may have migrated the file with a newer app since this one opened it: then this app
   * must stop writing (rule 5), not only after a restart. The schema cookie sits in the header page
   * that every transaction reads anyway; only when it moved is the version read again.
   */
  private schemaNowTooNew(): boolean {
    const cookie = this.raw.pragma('schema_version', { simple: true }) as number;
    if (cookie !== this.schemaCookie) {
      this.schemaCookie = cookie;
      this.version = currentSchemaVersion(this.raw);
    }
    return this.readOnly;
  }

  private async savepoint<T>(step: () => Promise<T>): Promise<T> {
    this.raw.exec('SAVEPOINT step');
    try {
      const result = await step();
      this.raw.exec('RELEASE step');
      return result;
    } catch (e) {
      this.raw.exec('ROLLBACK TO step');
      this.raw.exec('RELEASE step');
      throw e;
    }
  }

  private areaVersionsNow(): Map<string, number> {
    const rows = this.raw.prepare('SELECT area, version FROM area_versions').all() as { area: string; version: number }[];
    return new Map(rows.map((r) => [r.area, r.version]));
  }

  /** The areas whose counters moved in this transaction (named by it, or moved by a trigger), in their order. */
  private areasMovedSince(before: Map<string, number>): Area[] {
    const now = this.areaVersionsNow();
    return knownAreas.filter((area) => now.get(area) !== before.get(area));
  }

  private bumpAreas(areas: Area[]): void {
    const bump = this.raw.prepare(
      'INSERT INTO area_versions (area, version) VALUES (?, 1) ON CONFLICT (area) DO UPDATE SET version = version + 1',
    );
    for (const area of new Set(areas)) bump.run(area);
  }
}

/** Waits before each new connection within one call: 1.75 s in all, past a network client's name cache. */
const RECONNECT_WAITS_MS = [0, 250, 500, 1_000];

/** I/O errors that may mean the connection's file handle is gone for good (the share dropped). */
function isConnectionLost(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN'));
}

function locklessUri(file: string): string {
  if (process.env.SQLITE_USE_URI !== '1') throw new Error('locklessVfs needs SQLITE_USE_URI=1');
  return `file:${file.split(path.sep).map(encodeURIComponent).join('/')}?vfs=unix-none`;
}

function hasForeignTables(raw: BetterSqlite3.Database): boolean {
  const row = raw.prepare(`SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).get() as {
    n: number;
  };
  return row.n > 0;
}
