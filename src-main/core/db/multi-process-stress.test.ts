import { afterEach, describe, expect, it } from 'vitest';
import { Database } from './database';
import { createDbFile, tempDbPath, usersById } from '../testing/temp-db';
import { type DbWorker, spawnDbWorker } from '../testing/worker-process';

const PROCESSES = 4;
const WRITES_EACH = 250;

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

/**
 * Four PCs writing to one file as fast as they can. `lockless` opens every connection through SQLite's
 * lock-free VFS, as on a share that does not forward byte-range locks: then the lease alone keeps the
 * writers apart, which is what this test is really about. Without it, SQLite's own locks would hide a
 * broken lease on a local disk.
 */
async function stress(lockless: boolean): Promise<void> {
  const tmp = tempDbPath();
  cleanup = tmp.cleanup;
  await createDbFile(tmp.file, { locklessVfs: lockless });
  // A stale limit short enough that a lease wrongly judged dead would be taken over during the run
  // (a process often holds it for seconds of back-to-back commits), yet far above any real stall;
  // a wait long enough that a waiter never gives up with BUSY while others take their turns.
  const lease = { staleMs: 5_000, waitMs: 40_000, heartbeatMs: 100 };
  const workers: DbWorker[] = [];
  for (let p = 0; p < PROCESSES; p++) {
    workers.push(spawnDbWorker({ task: 'write', db: tmp.file, count: WRITES_EACH, tag: `pc${p}`, lease, lockless, startOnGo: true }));
  }
  // Start the writes together, after every process has loaded, so that they really contend.
  await Promise.all(workers.map((w) => w.waitForLine((l) => l === 'ready')));
  for (const w of workers) w.send('go');
  const exits = await Promise.all(workers.map((w) => w.exited));

  expect(workers.flatMap((w) => w.errors())).toEqual([]);
  expect(exits.map((e) => e.code)).toEqual(workers.map(() => 0));
  const acked = workers.flatMap((w) => w.acked());
  expect(acked).toHaveLength(PROCESSES * WRITES_EACH);
  expect(new Set(acked).size).toBe(acked.length);

  const db = await Database.open({ file: tmp.file, mode: 'open', locklessVfs: lockless });
  try {
    expect(await db.integrityCheck()).toBe('ok');
    const rows = await usersById(db);
    // Every acknowledged commit is there under the id its writer was told, and nothing else is.
    workers.forEach((w, p) => {
      const mine = w.acked();
      mine.forEach((id, i) => expect(rows.get(id)).toBe(`pc${p}-${i}`));
    });
    expect(rows.size).toBe(acked.length);
  } finally {
    await db.close();
  }
}

describe('several processes writing to one file', () => {
  it(`keeps all ${PROCESSES} × ${WRITES_EACH} acknowledged writes on a share without byte-range locks`, () => stress(true));
  it(`keeps all ${PROCESSES} × ${WRITES_EACH} acknowledged writes with SQLite's own locks as well`, () => stress(false));
});
