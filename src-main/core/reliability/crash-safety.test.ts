import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '../db/database';
import { percentile, reportFigures, round } from '../testing/figures';
import { type Acknowledged, officeProblems } from '../testing/office-invariants';
import { type OfficeSetup, ackedRegistrations, approvedIds, setupOffice, spawnOfficeWorker } from '../testing/office-workers';
import { tempDir } from '../testing/test-host';
import type { DbWorker } from '../testing/worker-process';

/**
 * PCs switched off mid-work. Two salespeople register and a reviewer approves, each a process running
 * the real dispatcher on one file; in each trial one of them, at a random moment, is killed with
 * SIGKILL (and replaced by a fresh one), and every fifth trial all of them are (a power cut). After
 * each kill the database is opened as the next PC to start would — after a power cut that open is the
 * one that takes over the dead lease, after its stale time — and everything that must hold is
 * checked: the file is whole, every acknowledged registration and approval is there, nothing is
 * half-written, the audit chain is unbroken. All trials run on the same file, so damage would pile up.
 */
const TRIALS = 30;
const POWER_CUT_EVERY = 5;
/**
 * Each PC pauses this long between its saves, as people do; without pauses a starting PC waits out the
 * others' slices of the lease (see docs/RELIABILITY.md) and the trials crawl. Most of a save is still
 * spent holding the lease, so kills still often land mid-transaction.
 */
const PAUSE_MS = 30;
/** Short, so that takeovers happen within the test; the heartbeat stays far below it, as by default. */
const lease = { staleMs: 1_000, waitMs: 30_000, heartbeatMs: 50 };
const random = (min: number, max: number) => min + Math.random() * (max - min);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const debug = (...args: unknown[]) => process.env.DEBUG_RELIABILITY && console.log(...args);

const root = tempDir('baobei-crash-');
const everyWorker: DbWorker[] = [];
afterAll(() => {
  for (const w of everyWorker) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
  fs.rmSync(root, { recursive: true, force: true });
});

interface Pc {
  worker: DbWorker;
  /** Registering PCs: the seed of their customer names; -1 for the reviewer. */
  seed: number;
  owner: string;
}

describe('kill -9 at random moments while PCs register and approve', () => {
  it(`after each of ${TRIALS} kills the next open succeeds and nothing acknowledged is lost or half-written`, async () => {
    const file = path.join(root, 'baobei.sqlite');
    const office: OfficeSetup = await setupOffice(file, { sales: 4, reviewers: 2, shared: 4 });
    let seeds = 0;
    const start = (role: 'register' | 'approve'): Pc => {
      let pc: Pc;
      if (role === 'register') {
        const seed = seeds++;
        const owner = office.sales[seed % office.sales.length]!;
        const worker = spawnOfficeWorker({
          task: 'register',
          db: file,
          ...{ username: owner.username, password: owner.password },
          count: 10_000,
          seed,
          sharedEvery: 4,
          sharedCount: 4,
          pauseMs: PAUSE_MS,
          lease,
        });
        pc = { worker, seed, owner: owner.username };
      } else {
        const reviewer = office.reviewers[seeds++ % office.reviewers.length]!;
        const worker = spawnOfficeWorker({ task: 'approve', db: file, username: reviewer.username, password: reviewer.password, pauseMs: PAUSE_MS, lease });
        pc = { worker, seed: -1, owner: reviewer.username };
      }
      everyWorker.push(pc.worker);
      return pc;
    };
    const acked: Acknowledged = { registrations: new Map(), approvals: [] };
    const record = (pc: Pc) => {
      if (pc.seed >= 0) for (const a of ackedRegistrations(pc.worker, pc.seed)) acked.registrations.set(a.id, { customerName: a.customerName, owner: pc.owner });
      else acked.approvals.push(...approvedIds(pc.worker));
      // A call may fail (BUSY when a stalled process's lease was taken over); it was never
      // acknowledged. Nothing else may fail, and no process may crash on its own.
      for (const line of pc.worker.errors()) {
        const code = line.startsWith('fatal') ? 'fatal' : (line.split(' ')[line.startsWith('error ack') ? 3 : 2] ?? line);
        figures.failedCalls[code] = (figures.failedCalls[code] ?? 0) + 1;
      }
    };
    const figures = { killed: 0, killedHoldingLease: 0, hotJournalAfterPowerCut: 0, openMs: [] as number[], powerCutOpenMs: [] as number[], failedCalls: {} as Record<string, number> };
    const started = performance.now();

    let pcs: Pc[] = [start('register'), start('register'), start('approve')];
    for (let t = 1; t <= TRIALS; t++) {
      const powerCut = t % POWER_CUT_EVERY === 0;
      // At least two PCs are at work (a first commit acknowledged; a replaced one may still be starting)
      // before the random moment is drawn; a power cut waits for all of them.
      const atWork = () => pcs.filter((pc) => pc.worker.lines.some((l) => l.startsWith('ack') || l.startsWith('approved') || l.startsWith('refused')));
      while (atWork().length < (powerCut ? pcs.length : 2)) {
        for (const pc of pcs) if (pc.worker.child.exitCode !== null) throw new Error(`a PC died on its own:\n${pc.worker.lines.join('\n')}\n${pc.worker.stderr()}`);
        await sleep(25);
      }
      debug(`trial ${t}: ${atWork().length} at work at ${round(performance.now() - started)} ms`);
      await sleep(random(0, 700));
      const working = atWork();
      const victims = powerCut ? pcs : [working[Math.floor(Math.random() * working.length)]!];
      await Promise.all(
        victims.map(async (pc) => {
          if (powerCut) await sleep(random(0, 200));
          pc.worker.child.kill('SIGKILL');
          await pc.worker.closed;
          figures.killed++;
          try {
            if (JSON.parse(fs.readFileSync(`${file}.lease`, 'utf8')).pid === pc.worker.child.pid) figures.killedHoldingLease++;
          } catch {
            // No lease there, or another PC's being written.
          }
        }),
      );
      if (powerCut && fs.existsSync(`${file}-journal`)) figures.hotJournalAfterPowerCut++;
      for (const pc of victims) record(pc);
      // Acknowledgements already printed by the survivors are commits too: they must be in the file.
      const survivorsSoFar = pcs.filter((pc) => !victims.includes(pc)).map((pc) => ({ pc, lines: pc.worker.lines.length }));
      const snapshot: Acknowledged = {
        registrations: new Map(acked.registrations),
        approvals: [...acked.approvals],
      };
      for (const { pc, lines } of survivorsSoFar) {
        const partial = { ...pc.worker, lines: pc.worker.lines.slice(0, lines) };
        if (pc.seed >= 0) for (const a of ackedRegistrations(partial, pc.seed)) snapshot.registrations.set(a.id, { customerName: a.customerName, owner: pc.owner });
        else snapshot.approvals.push(...approvedIds(partial));
      }

      // The next PC to start opens the file: after a power cut it takes over the dead lease itself.
      const opening = performance.now();
      const db = await Database.open({ file, mode: 'open', lease });
      (powerCut ? figures.powerCutOpenMs : figures.openMs).push(performance.now() - opening);
      try {
        const { problems } = await officeProblems(db, snapshot);
        expect(problems, `after trial ${t}${powerCut ? ' (power cut)' : ''}`).toEqual([]);
      } finally {
        await db.close();
      }
      debug(`trial ${t}: checked at ${round(performance.now() - started)} ms (open ${round(performance.now() - opening)} ms)`);
      // The dead are replaced, as people switch their PCs back on.
      pcs = pcs.map((pc) => (victims.includes(pc) ? start(pc.seed >= 0 ? 'register' : 'approve') : pc));
    }
    const seconds = (performance.now() - started) / 1000;

    for (const pc of pcs) {
      pc.worker.child.kill('SIGKILL');
      await pc.worker.closed;
      record(pc);
    }
    const db = await Database.open({ file, mode: 'open', lease });
    try {
      const { problems, figures: totals } = await officeProblems(db, acked);
      expect(problems).toEqual([]);
      expect(Object.keys(figures.failedCalls).filter((code) => code !== 'BUSY')).toEqual([]);
      // The trials did real work that survived the crashes.
      expect(acked.registrations.size).toBeGreaterThan(TRIALS * 3);
      expect(acked.approvals.length).toBeGreaterThan(0);
      reportFigures('crash-safety', {
        trials: TRIALS,
        powerCuts: TRIALS / POWER_CUT_EVERY,
        processesKilled: figures.killed,
        killedHoldingLease: figures.killedHoldingLease,
        hotJournalAfterPowerCut: figures.hotJournalAfterPowerCut,
        seconds: round(seconds),
        registrationsAcknowledged: acked.registrations.size,
        approvalsAcknowledged: acked.approvals.length,
        registrationsInFile: totals.registrations,
        approvedInFile: totals.approved,
        auditEntries: totals.auditEntries,
        openAfterKillMs: { p50: round(percentile(figures.openMs, 50)), max: round(Math.max(...figures.openMs)) },
        openAfterPowerCutMs: { p50: round(percentile(figures.powerCutOpenMs, 50)), max: round(Math.max(...figures.powerCutOpenMs)) },
        failedCalls: figures.failedCalls,
      });
    } finally {
      await db.close();
    }
  }, 600_000);
});
