import BetterSqlite3 from 'better-sqlite3';
import { createHash } from 'node:crypto';

/**
 * Watches a database file from a second, read-only connection, the way another PC would: `data_version`
 * moves exactly when some other connection committed, and the fingerprint says what the file holds.
 * A call that failed must leave both as they were.
 */
export class DatabaseWatcher {
  private readonly conn: BetterSqlite3.Database;

  constructor(file: string) {
    this.conn = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  }

  /** Changes whenever another connection commits to the file. */
  dataVersion(): number {
    return this.conn.pragma('data_version', { simple: true }) as number;
  }

  tables(): string[] {
    return (this.conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
      (r) => r.name,
    );
  }

  rowCounts(): Record<string, number> {
    return Object.fromEntries(this.tables().map((t) => [t, (this.conn.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n]));
  }

  /** The newest audit entry's hash: the head of the chain every change extends. */
  auditHead(): string | null {
    return (this.conn.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined)?.hash ?? null;
  }

  /**
   * A hash of every row of every table. `ignore` leaves out columns ("table.column") or whole tables
   * that may legitimately change on a refused call: a wrong password counts towards throttling.
   */
  fingerprint(ignore: readonly string[] = []): string {
    const hash = createHash('sha256');
    const read = this.conn.transaction(() => {
      for (const table of this.tables()) {
        if (ignore.includes(table)) continue;
        hash.update(`\u0000table ${table}\u0000`);
        for (const row of this.conn.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).iterate() as IterableIterator<Record<string, unknown>>) {
          for (const [column, value] of Object.entries(row)) {
            if (ignore.includes(`${table}.${column}`)) continue;
            hash.update(`${column}=${Buffer.isBuffer(value) ? `x'${value.toString('hex')}'` : JSON.stringify(value)}\u0001`);
          }
          hash.update('\u0002');
        }
      }
    });
    read();
    return hash.digest('hex');
  }

  integrity(): string {
    return this.conn.pragma('integrity_check', { simple: true }) as string;
  }

  close(): void {
    this.conn.close();
  }
}

/** What a refused sign-in writes on purpose: the failure count and the lock of the account (and the change-feed counter). */
export const signInCounters = ['users.failed_attempts', 'users.locked_until', 'area_versions'] as const;
