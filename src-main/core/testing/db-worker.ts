/**
 * Another "PC" for multi-process tests and benchmarks: a child process that opens the database through
 * the real core and does what its JSON argument (a `WorkerTask`) says, reporting one line per event on
 * stdout. Started by `spawnDbWorker` (worker-process.ts) as `node --import tsx db-worker.ts '<json>'`.
 *
 *   write: `count` write transactions, each inserting one users row; prints `ack <id> <ms>` once a
 *          commit is acknowledged (with how long the write took, lease wait included), `error <code>`
 *          for a failed one, then `done`.
 *          With `startOnGo`, it prints `ready` once open and starts on a `go` line on stdin.
 *   hold:  commits `committed` rows (`ack <id>` each), then opens a write transaction that inserts
 *          `pending` large rows with a tiny page cache, so SQLite spills them into the database file and
 *          leaves a hot journal; prints `holding` and keeps the transaction (and the heart-beating lease)
 *          open until a `commit` line arrives on stdin. Killing it meanwhile is a PC dying mid-write.
 */
import readline from 'node:readline';
import { Database } from '../db/database';
import type { LeaseOptions } from '../db/lease';
import { isAppError } from '../errors';

export type WorkerTask =
  | { task: 'write'; db: string; count: number; tag: string; lease?: Partial<LeaseOptions>; lockless?: boolean; startOnGo?: boolean }
  | { task: 'hold'; db: string; committed: number; pending: number; lease?: Partial<LeaseOptions>; lockless?: boolean };

const say = (line: string) => process.stdout.write(`${line}\n`);
const codeOf = (e: unknown) => (isAppError(e) ? e.code : ((e as { code?: string }).code ?? String(e)));

function nextLine(expected: string): Promise<void> {
  return new Promise((resolve) => {
    const lines = readline.createInterface({ input: process.stdin });
    lines.on('line', (line) => {
      if (line.trim() !== expected) return;
      lines.close();
      resolve();
    });
  });
}

async function insertUser(db: Database, username: string, displayName = username): Promise<number> {
  return db.write(['users'], async (q) => {
    const row = await q
      .insertInto('users')
      // A fixed fake hash: these rows are never signed in with, and scrypt would only slow the test.
      .values({ username, display_name: displayName, role: 'sales', password_hash: 'test-only', active: 1, created_at: 'x', updated_at: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
}

async function write(db: Database, count: number, tag: string): Promise<void> {
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    try {
      const id = await insertUser(db, `${tag}-${i}`);
      say(`ack ${id} ${(performance.now() - started).toFixed(2)}`);
    } catch (e) {
      say(`error ${codeOf(e)}`);
    }
  }
}

async function hold(db: Database, committed: number, pending: number): Promise<void> {
  for (let i = 0; i < committed; i++) say(`ack ${await insertUser(db, `committed-${i}`)}`);
  const commitRequested = nextLine('commit');
  try {
    await db.write(['users'], async (q, tx) => {
      tx.raw.pragma('cache_size = 2');
      for (let i = 0; i < pending; i++) {
        await q
          .insertInto('users')
          .values({ username: `pending-${i}`, display_name: 'p'.repeat(4000), role: 'sales', password_hash: 'test-only', active: 1, created_at: 'x', updated_at: 'x' })
          .execute();
      }
      say('holding');
      await commitRequested;
    });
    say('committed');
  } catch (e) {
    say(`error ${codeOf(e)}`);
  }
}

async function main(): Promise<void> {
  const task = JSON.parse(process.argv[2] ?? '{}') as WorkerTask;
  if (task.lockless) process.env.SQLITE_USE_URI = '1';
  const db = await Database.open({
    file: task.db,
    mode: 'open',
    ...(task.lease ? { lease: task.lease } : {}),
    ...(task.lockless ? { locklessVfs: true } : {}),
  });
  if (task.task === 'write' && task.startOnGo) {
    // Lets a benchmark start every process's writes together, after their start-up.
    say('ready');
    await nextLine('go');
  }
  if (task.task === 'write') await write(db, task.count, task.tag);
  else await hold(db, task.committed, task.pending);
  await db.close();
  say('done');
  process.exit(0);
}

main().catch((e) => {
  say(`fatal ${codeOf(e)} ${String(e)}`);
  process.exit(1);
});
