import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { Database } from '../../db/database';
import { officeProblems, protectionsByCustomer } from '../../testing/office-invariants';
import {
  SHARED_SEARCH,
  ackedRegistrations,
  approvedIds,
  refusals,
  setupOffice,
  sharedCustomerName,
  spawnOfficeWorker,
} from '../../testing/office-workers';
import { tempDir } from '../../testing/test-host';
import type { DbWorker } from '../../testing/worker-process';

const SALESPEOPLE = 8;
const CUSTOMERS = 5;
const REVIEWERS = 3;

let dir: string | undefined;
const workers: DbWorker[] = [];
afterEach(() => {
  for (const w of workers.splice(0)) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** Starts the workers together (after each has opened the file and signed in) and waits for all of them. */
async function runTogether(group: DbWorker[]): Promise<void> {
  workers.push(...group);
  await Promise.all(group.map((w) => w.waitForLine((l) => l === 'ready')));
  for (const w of group) w.send('go');
  await Promise.all(group.map((w) => w.waitForLine((l) => l === 'done')));
}

it(
  'registers the same 5 customers from 8 processes at once and approves from 3 in parallel: one protection per customer, the first claim, nothing lost',
  async () => {
    dir = tempDir('baobei-race-');
    const file = path.join(dir, 'office.sqlite');
    const office = await setupOffice(file, { sales: SALESPEOPLE, reviewers: REVIEWERS, shared: 0 });

    // Each salesperson registers the 5 shared customers in the same order, so all 8 reach each one at
    // about the same moment (between them, a customer of their own). The justification lets a later
    // claim through despite the block, into adjudication.
    const writers = office.sales.map((user, seed) =>
      spawnOfficeWorker({ task: 'register', db: file, ...user, count: CUSTOMERS, seed, sharedEvery: 1, sharedCount: CUSTOMERS, startOnGo: true }),
    );
    await runTogether(writers);
    const reviewers = office.reviewers.map((user) =>
      spawnOfficeWorker({ task: 'approve', db: file, ...user, search: SHARED_SEARCH, passes: 2, startOnGo: true }),
    );
    await runTogether(reviewers);

    for (const w of [...writers, ...reviewers]) expect(w.errors(), w.stderr()).toEqual([]);
    const acked = new Map(
      writers.flatMap((w, seed) => ackedRegistrations(w, seed).map((r) => [r.id, { customerName: r.customerName, owner: office.sales[seed]!.username }] as const)),
    );
    expect(acked.size).toBe(SALESPEOPLE * CUSTOMERS * 2);
    const approvals = reviewers.flatMap(approvedIds);
    // Every refusal is a CONFLICT: an earlier claim still open, or the customer protected meanwhile.
    for (const reason of reviewers.flatMap(refusals)) expect(reason).toMatch(/^CONFLICT error\.(earlierClaim|customerProtected|notSubmitted)/);

    const db = await Database.open({ file, mode: 'open' });
    try {
      const { problems, figures } = await officeProblems(db, { registrations: acked, approvals });
      expect(problems).toEqual([]);
      expect(figures).toMatchObject({ registrations: acked.size, approved: CUSTOMERS, activeProtections: CUSTOMERS });
      const shared = Array.from({ length: CUSTOMERS }, (_, k) => sharedCustomerName(k));
      expect(await protectionsByCustomer(db, SHARED_SEARCH)).toEqual(new Map(shared.map((name) => [name, 1])));

      // All 8 claims of a customer point at one customer row, and the one approved is the first committed.
      const claims = await db.read((q) =>
        q.selectFrom('registrations').select(['id', 'customer_name', 'customer_id', 'status']).where('customer_name', 'in', shared).orderBy('id').execute(),
      );
      for (const name of shared) {
        const mine = claims.filter((c) => c.customer_name === name);
        expect(mine).toHaveLength(SALESPEOPLE);
        expect(new Set(mine.map((c) => c.customer_id)).size).toBe(1);
        expect(mine.filter((c) => c.status === 'approved').map((c) => c.id)).toEqual([mine[0]!.id]);
      }
      expect(approvals.sort((a, b) => a - b)).toEqual(claims.filter((c) => c.status === 'approved').map((c) => c.id));
    } finally {
      await db.close();
    }
  },
  120_000,
);
