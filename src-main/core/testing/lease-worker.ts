/**
 * A PC that only takes the lease, for testing it on a real share: for `seconds` it acquires the lease,
 * reads a counter file, lets time pass, writes the counter plus one and releases. Without mutual
 * exclusion two PCs read the same value and an increment is lost. Counts how the share answered the
 * lease's exclusive creates (SFTP answers EPERM for a file that exists) by watching `fs.openSync`.
 * Prints `ready`, waits for `go`, then `done <rounds> <EEXIST count> <EPERM count>`.
 *
 * Started with spawnWorkerScript(…/lease-worker.ts, { lease, counter, seconds, options }).
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { Lease, type LeaseOptions } from '../db/lease';

const task = JSON.parse(process.argv[2] ?? '{}') as { lease: string; counter: string; seconds: number; options: LeaseOptions };
const answers = { EEXIST: 0, EPERM: 0 };
const openSync = fs.openSync;
fs.openSync = ((file: fs.PathLike, ...rest: unknown[]) => {
  try {
    return (openSync as (...args: unknown[]) => number)(file, ...rest);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (file === task.lease && (code === 'EEXIST' || code === 'EPERM')) answers[code]++;
    throw e;
  }
}) as typeof fs.openSync;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const lease = new Lease(task.lease, task.options);
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => readline.createInterface({ input: process.stdin }).on('line', (l) => l.trim() === 'go' && resolve()));
  const end = performance.now() + task.seconds * 1000;
  let rounds = 0;
  while (performance.now() < end) {
    await lease.acquire();
    try {
      const value = Number(fs.readFileSync(task.counter, 'utf8'));
      // Other PCs get a chance to run meanwhile; without the lease they would read the same value.
      await sleep(0);
      fs.writeFileSync(task.counter, String(value + 1));
      rounds++;
    } finally {
      lease.release();
    }
  }
  process.stdout.write(`done ${rounds} ${answers.EEXIST} ${answers.EPERM}\n`);
  process.exit(0);
}

main().catch((e: unknown) => {
  process.stdout.write(`fatal ${String(e)}\n`);
  process.exit(1);
});
