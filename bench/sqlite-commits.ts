import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import { Database } from '../src-main/core/db/database';
import { Lease } from '../src-main/core/db/lease';
import { fileSystemOf } from './lib/machine';
import { fixed, type Measurement, measure, ms } from './lib/measure';
import type { Benchmark, BenchContext } from './lib/types';

const userValues = (username: string) => ({
  username,
  display_name: username,
  role: 'sales' as const,
  password_hash: 'bench',
  active: 1,
  created_at: '2024-01-01T00:00:00.000Z',
  updated_at: '2024-01-01T00:00:00.000Z',
});

/** Creates a Baobei database (real migrations) and returns its path. */
async function freshFile(ctx: BenchContext, name: string): Promise<string> {
  const file = path.join(ctx.tempDir(), `${name}.sqlite`);
  await (await Database.open({ file, mode: 'create' })).close();
  return file;
}

/** better-sqlite3 alone, with Baobei's pragmas and transaction shape but no lease and no query builder. */
function openRaw(file: string): BetterSqlite3.Database {
  const raw = new BetterSqlite3(file, { fileMustExist: true, timeout: 5_000 });
  raw.pragma('journal_mode = DELETE');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  return raw;
}

async function rawWrites(ctx: BenchContext): Promise<Measurement> {
  const raw = openRaw(await freshFile(ctx, 'raw-writes'));
  const insert = raw.prepare(
    'INSERT INTO users (username, display_name, role, password_hash, active, created_at, updated_at) VALUES (@username, @display_name, @role, @password_hash, @active, @created_at, @updated_at)',
  );
  try {
    return await measure((i) => {
      raw.exec('BEGIN IMMEDIATE');
      insert.run(userValues(`raw-${i}`));
      raw.exec('COMMIT');
    }, ctx.measureMs);
  } finally {
    raw.close();
  }
}

async function baobeiWrites(ctx: BenchContext): Promise<Measurement> {
  const db = await Database.open({ file: await freshFile(ctx, 'baobei-writes'), mode: 'open' });
  try {
    return await measure((i) => db.write(['users'], (q) => q.insertInto('users').values(userValues(`baobei-${i}`)).execute()), ctx.measureMs);
  } finally {
    await db.close();
  }
}

/** Reads by primary key out of a table of 1,000 users. */
async function seeded(ctx: BenchContext, name: string): Promise<string> {
  const file = await freshFile(ctx, name);
  const raw = openRaw(file);
  const insert = raw.prepare('INSERT INTO users (username, display_name, role, password_hash, active, created_at, updated_at) VALUES (@username, @display_name, @role, @password_hash, @active, @created_at, @updated_at)');
  raw.transaction(() => {
    for (let i = 0; i < 1_000; i++) insert.run(userValues(`seed-${i}`));
  })();
  raw.close();
  return file;
}

async function rawReads(ctx: BenchContext): Promise<Measurement> {
  const raw = openRaw(await seeded(ctx, 'raw-reads'));
  const select = raw.prepare('SELECT * FROM users WHERE id = ?');
  try {
    return await measure((i) => {
      raw.exec('BEGIN');
      select.get((Math.abs(i) % 1_000) + 1);
      raw.exec('COMMIT');
    }, ctx.measureMs);
  } finally {
    raw.close();
  }
}

async function baobeiReads(ctx: BenchContext): Promise<Measurement> {
  const db = await Database.open({ file: await seeded(ctx, 'baobei-reads'), mode: 'open' });
  try {
    return await measure(
      (i) => db.read((q) => q.selectFrom('users').selectAll().where('id', '=', (Math.abs(i) % 1_000) + 1).executeTakeFirst()),
      ctx.measureMs,
    );
  } finally {
    await db.close();
  }
}

async function leaseAlone(ctx: BenchContext): Promise<Measurement> {
  const lease = new Lease(path.join(ctx.tempDir(), 'alone.sqlite.lease'));
  return measure(async () => {
    await lease.acquire();
    lease.stillOwned();
    lease.release();
  }, ctx.measureMs);
}

export const sqliteCommits: Benchmark = {
  id: 'sqlite-commits',
  title: 'One database file: raw SQLite commits against Baobei transactions',
  async run(ctx) {
    const runs: [string, () => Promise<Measurement>][] = [
      ['raw better-sqlite3 write (BEGIN IMMEDIATE, 1 INSERT, COMMIT)', () => rawWrites(ctx)],
      ['Baobei Database.write (lease + 1 INSERT + area bump)', () => baobeiWrites(ctx)],
      ['raw better-sqlite3 read (BEGIN, SELECT by id, COMMIT)', () => rawReads(ctx)],
      ['Baobei Database.read (lease + SELECT by id)', () => baobeiReads(ctx)],
      ['lease alone (acquire, ownership check, release)', () => leaseAlone(ctx)],
    ];
    const results: [string, Measurement][] = [];
    for (const [label, run] of runs) {
      ctx.log(`  ${label} …`);
      results.push([label, await run()]);
    }
    const rawWrite = results[0]![1].perSecond;
    const rawRead = results[2]![1].perSecond;
    const relative = (i: number, m: Measurement) =>
      i === 1 ? `${((m.perSecond / rawWrite) * 100).toFixed(0)} % of raw` : i === 3 ? `${((m.perSecond / rawRead) * 100).toFixed(0)} % of raw` : '';
    return {
      tables: [
        {
          table: {
            headers: ['transaction', 'count', 'seconds', 'per second', 'mean ms', 'p50 ms', 'p99 ms', 'max ms', 'vs raw'],
            rows: results.map(([label, m], i) => [
              label,
              fixed(m.ops),
              m.seconds.toFixed(1),
              fixed(m.perSecond),
              ms(m.meanMs),
              ms(m.p50Ms),
              ms(m.p99Ms),
              ms(m.maxMs),
              relative(i, m),
            ]),
          },
        },
      ],
      notes: [
        `Disk: a temporary folder on ${fileSystemOf(ctx.tempDir())}, the same folder for every row; each row uses a fresh file made by the real migrations.`,
        'Both sides use `journal_mode=DELETE`, `synchronous=FULL`, `foreign_keys=ON`, one transaction per operation, run back to back from one process for a fixed time after a warm-up.',
        "Baobei's write adds to raw SQLite: the lease file (exclusive create, heartbeat write, ownership read before COMMIT, unlink), the in-process mutex, Kysely, and the `area_versions` bump for the change feed.",
        'Reads pay the lease too (ARCHITECTURE.md rule 5: every transaction, read or write), so a read costs file-system round trips that raw SQLite does not make; on a network share each of those is a network round trip.',
      ],
    };
  },
};
