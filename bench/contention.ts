import path from 'node:path';
import { Database } from '../src-main/core/db/database';
import { type DbWorker, spawnDbWorker } from '../src-main/core/testing/worker-process';
import { fileSystemOf } from './lib/machine';
import { fixed, ms } from './lib/measure';
import type { Benchmark, BenchContext } from './lib/types';

const PROCESSES = 4;

interface Outcome {
  label: string;
  acked: number;
  failed: number;
  seconds: number;
  latencies: number[];
  integrity: string;
}

/** Several processes (PCs) writing to one file at full speed, each through its own Database. */
async function contend(ctx: BenchContext, lockless: boolean, writesEach: number): Promise<Outcome> {
  const file = path.join(ctx.tempDir(), `contention-${lockless ? 'lockless' : 'locks'}.sqlite`);
  await (await Database.open({ file, mode: 'create', locklessVfs: lockless })).close();
  const workers: DbWorker[] = [];
  for (let p = 0; p < PROCESSES; p++) {
    workers.push(spawnDbWorker({ task: 'write', db: file, count: writesEach, tag: `pc${p}`, lockless, startOnGo: true }));
  }
  await Promise.all(workers.map((w) => w.waitForLine((l) => l === 'ready')));
  const started = performance.now();
  for (const w of workers) w.send('go');
  await Promise.all(workers.map((w) => w.waitForLine((l) => l === 'done')));
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(workers.map((w) => w.exited));
  const db = await Database.open({ file, mode: 'open', locklessVfs: lockless });
  const integrity = await db.integrityCheck();
  await db.close();
  return {
    label: lockless ? 'share without byte-range locks (lease only)' : 'local disk (lease and SQLite locks)',
    acked: workers.reduce((n, w) => n + w.acked().length, 0),
    failed: workers.reduce((n, w) => n + w.errors().length, 0),
    seconds,
    latencies: workers.flatMap((w) => w.latenciesMs()).sort((a, b) => a - b),
    integrity,
  };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

export const contention: Benchmark = {
  id: 'contention',
  title: `${PROCESSES} processes writing to one file at once`,
  async run(ctx) {
    // About the measuring time at a few hundred commits per second shared by all processes.
    const writesEach = Math.max(50, Math.round(ctx.measureMs / 8));
    const outcomes: Outcome[] = [];
    for (const lockless of [true, false]) {
      ctx.log(`  ${PROCESSES} × ${writesEach} writes, ${lockless ? 'lock-less VFS' : 'default VFS'} …`);
      outcomes.push(await contend(ctx, lockless, writesEach));
    }
    return {
      tables: [
        {
          table: {
            headers: ['file access', 'acknowledged', 'failed', 'seconds', 'writes per second (all)', 'p50 ms', 'p99 ms', 'max ms', 'integrity'],
            rows: outcomes.map((o) => [
              o.label,
              fixed(o.acked),
              fixed(o.failed),
              o.seconds.toFixed(1),
              fixed(o.acked / o.seconds),
              ms(quantile(o.latencies, 0.5)),
              ms(quantile(o.latencies, 0.99)),
              ms(o.latencies.at(-1) ?? 0),
              o.integrity,
            ]),
          },
        },
      ],
      notes: [
        `Disk: a temporary folder on ${fileSystemOf(ctx.tempDir())}. ${PROCESSES} Node processes (src-main/core/testing/db-worker.ts), each inserting ${writesEach} rows, one write transaction each, as fast as they can; default lease timings.`,
        "Latency is one write as its caller sees it, waiting for the other processes' leases included. Seconds run from starting all processes' writes together until the last one is done.",
        'Waiters take turns: one that has waited 50 ms asks for its turn, and a process committing back to back yields the lease to it after a 250 ms slice (src-main/core/db/lease-turn.ts), so the max column is a process waiting out the slices of those ahead of it, not a whole streak of another one\'s commits.',
        "The lock-less row opens every connection through SQLite's `unix-none` VFS, as on a share that does not forward byte-range locks: only the lease keeps the writers apart. With the lease switched off by hand, the same 4 × 250 stress test (src-main/core/db/multi-process-stress.test.ts) saw about 400 of 1,000 writes fail with SQLite I/O errors.",
      ],
    };
  },
};
