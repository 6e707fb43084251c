import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../db/database';
import { longestRun, percentile, reportFigures, round } from '../testing/figures';
import { type Acknowledged, officeProblems, protectionsByCustomer } from '../testing/office-invariants';
import {
  SHARED_SEARCH,
  ackedRegistrations,
  approvedIds,
  customerFields,
  openOfficeApp,
  refusals,
  setupOffice,
  sharedCustomerName,
  spawnOfficeWorker,
} from '../testing/office-workers';
import { type SshfsShare, sshfsUnavailable, startSshfsShare } from '../testing/sshfs-share';
import { type DbWorker, spawnWorkerScript } from '../testing/worker-process';

/**
 * The database on a network share that forwards no byte-range locks: a folder served by sshd on
 * 127.0.0.1 and mounted twice with sshfs (cache=no, direct_io), each mount standing for one PC. SQLite's
 * own locks on one mount are invisible on the other, so only the lease keeps the PCs apart.
 *
 * Part of `npm test`. Without sshd/sshfs/FUSE it fails in CI (CI=true) with the reason, and is skipped
 * with the reason in its name elsewhere.
 */
const missing = sshfsUnavailable();
const inCi = process.env.CI === 'true';
const title = `a database on a share without byte-range locks (sshfs, two mounts as two PCs)${missing && !inCi ? ` — SKIPPED: ${missing}` : ''}`;
if (missing && !inCi) console.warn(`[network-drive] skipped here (it fails in CI): ${missing}`);

const WRITERS = 4;
const EACH = 200;
const SHARED = 8;
/** After every SHARED_EVERY-th registration a writer also claims one of the shared customers. */
const SHARED_EVERY = 25;
const REVIEWERS = 3;

const here = path.dirname(fileURLToPath(import.meta.url));
const leaseWorker = path.join(here, '../testing/lease-worker.ts');

describe.skipIf(missing !== null && !inCi)(title, () => {
  let share: SshfsShare | undefined;
  const workers: DbWorker[] = [];

  beforeAll(async () => {
    if (missing) throw new Error(`the network-drive test needs sshd, sshfs and FUSE in CI: ${missing}`);
    share = await startSshfsShare(2);
  }, 60_000);

  afterEach(() => {
    for (const w of workers.splice(0)) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
  });

  afterAll(() => {
    share?.close();
  });

  const track = (w: DbWorker) => {
    workers.push(w);
    return w;
  };
  const startTogether = async (all: DbWorker[]) => {
    await Promise.all(all.map((w) => w.waitForLine((l) => l === 'ready')));
    for (const w of all) w.send('go');
  };
  const onPc = (pc: number, name: string) => path.join(share!.mounts[pc % share!.mounts.length]!, name);

  it('the lease keeps PCs apart although the share answers an exclusive create of a held lease with EPERM', async () => {
    const dir = path.join(share!.served, 'lease-only');
    fs.mkdirSync(dir);
    const counter = path.join(dir, 'counter');
    const options = { staleMs: 10_000, waitMs: 60_000, heartbeatMs: 1_000 };
    const totals = { runs: 0, rounds: 0, eexist: 0, eperm: 0 };
    // EPERM needs a race (another PC creates the lease between this one's lookup and its create): a
    // few per run. Another run, rarely, until it was seen at least once.
    while (totals.eperm === 0 && totals.runs < 4) {
      fs.writeFileSync(counter, '0');
      const all = Array.from({ length: 4 }, (_, p) =>
        track(spawnWorkerScript(leaseWorker, { lease: onPc(p, 'lease-only/baobei.sqlite.lease'), counter: onPc(p, 'lease-only/counter'), seconds: 4, options })),
      );
      await startTogether(all);
      const exits = await Promise.all(all.map((w) => w.exited));
      expect(exits.map((e) => e.code), all.map((w) => w.stderr()).join('\n')).toEqual([0, 0, 0, 0]);
      const answers = all.map((w) => w.lines.find((l) => l.startsWith('done '))!.split(' ').map(Number));
      const rounds = answers.reduce((n, a) => n + a[1]!, 0);
      // No increment was lost: no two PCs were ever inside the lease together.
      expect(Number(fs.readFileSync(counter, 'utf8'))).toBe(rounds);
      totals.runs++;
      totals.rounds += rounds;
      totals.eexist += answers.reduce((n, a) => n + a[2]!, 0);
      totals.eperm += answers.reduce((n, a) => n + a[3]!, 0);
    }
    // The share did answer "held" with EPERM, so that path was really taken.
    expect(totals.eperm).toBeGreaterThan(0);
    reportFigures('sshfs-lease', { processes: 4, secondsPerRun: 4, ...totals });
  }, 120_000);

  it(`keeps every acknowledged registration of ${WRITERS} PCs × ${EACH} and gives each shared customer exactly one protection while ${REVIEWERS} reviewers approve at once`, async () => {
    const local = path.join(share!.served, 'baobei.sqlite');
    const office = await setupOffice(local, { sales: WRITERS, reviewers: REVIEWERS, shared: SHARED });
    // The default stale limit; a wait long enough that nobody gives up with BUSY, so that the longest
    // waits are measured (below) instead of failing the run.
    const lease = { staleMs: 10_000, waitMs: 150_000, heartbeatMs: 1_000 };
    const writers = office.sales.map((u, p) =>
      track(
        spawnOfficeWorker({
          task: 'register',
          db: onPc(p, 'baobei.sqlite'),
          username: u.username,
          password: u.password,
          count: EACH,
          seed: p,
          sharedEvery: SHARED_EVERY,
          sharedCount: SHARED,
          lease,
          startOnGo: true,
        }),
      ),
    );
    const reviewers = office.reviewers.map((u, r) =>
      track(
        spawnOfficeWorker({
          task: 'approve',
          db: onPc(r + 1, 'baobei.sqlite'),
          username: u.username,
          password: u.password,
          search: SHARED_SEARCH,
          lease,
          startOnGo: true,
        }),
      ),
    );
    await startTogether([...writers, ...reviewers]);
    const started = performance.now();
    const writerExits = await Promise.all(writers.map((w) => w.exited));
    const writingSeconds = (performance.now() - started) / 1000;
    for (const r of reviewers) r.send('stop');
    const reviewerExits = await Promise.all(reviewers.map((w) => w.exited));

    const everyone = [...writers, ...reviewers];
    const diagnostics = everyone.map((w) => `${w.errors().slice(0, 5).join('\n')}\n${w.stderr().slice(0, 2000)}`).join('\n');
    expect([...writerExits, ...reviewerExits].map((e) => e.code), diagnostics).toEqual(everyone.map(() => 0));
    expect(everyone.flatMap((w) => w.errors()), diagnostics).toEqual([]);

    const acked = writers.map((w, p) => ackedRegistrations(w, p));
    const perWriter = EACH + Math.floor(EACH / SHARED_EVERY);
    expect(acked.map((a) => a.length)).toEqual(writers.map(() => perWriter));
    const approvals = reviewers.flatMap(approvedIds);
    const refused = reviewers.flatMap(refusals);
    // Whatever a reviewer was refused, it was because another PC had decided first, never a failure.
    expect(new Set(refused.map((r) => r.split(' ')[1]))).toSatisfy((keys: Set<string>) =>
      [...keys].every((k) => ['error.notSubmitted', 'error.earlierClaim', 'error.customerProtected'].includes(k)),
    );

    const db = await Database.open({ file: onPc(0, 'baobei.sqlite'), mode: 'open', lease });
    try {
      const registrations = new Map(
        acked.flatMap((list, p) => list.map((a) => [a.id, { customerName: a.customerName, owner: office.sales[p]!.username }] as const)),
      );
      const { problems, figures } = await officeProblems(db, { registrations, approvals });
      expect(problems).toEqual([]);
      expect(figures.registrations).toBe(WRITERS * perWriter + SHARED);
      const shared = await protectionsByCustomer(db, SHARED_SEARCH);
      expect(Object.fromEntries(shared)).toEqual(Object.fromEntries(Array.from({ length: SHARED }, (_, k) => [sharedCustomerName(k), 1])));
      // Every shared customer was approved once, by whichever reviewer's commit came first; after that
      // only its owner's further opportunities with it (covered by the same protection, checked above).
      expect(approvals.length).toBeGreaterThanOrEqual(SHARED);

      // Registration ids are the commit order: the longest run of one writer's commits back to back.
      const ownerInCommitOrder = acked
        .flatMap((list, p) => list.map((a) => ({ id: a.id, p })))
        .sort((a, b) => a.id - b.id)
        .map((a) => a.p);
      const streak = longestRun(ownerInCommitOrder);
      const latencies = acked.map((list) => list.map((a) => a.ms));
      const all = latencies.flat();
      reportFigures('sshfs-office', {
        writers: WRITERS,
        reviewers: REVIEWERS,
        mounts: share!.mounts.length,
        registrationsAcknowledged: all.length,
        approvals: approvals.length,
        approvalRefusals: refused.length,
        seconds: round(writingSeconds),
        submitsPerSecond: round(all.length / writingSeconds),
        submitMs: { p50: round(percentile(all, 50)), p99: round(percentile(all, 99)), max: round(Math.max(...all)) },
        maxSubmitMsPerWriter: latencies.map((l) => round(Math.max(...l))),
        submitsOver20s: all.filter((ms) => ms > 20_000).length,
        longestStreak: streak.length,
        auditEntries: figures.auditEntries,
      });
    } finally {
      await db.close();
    }
  }, 360_000);
  it('lets a PC saving now and then take its turn while another PC commits back to back: no save is refused BUSY', async () => {
    fs.mkdirSync(path.join(share!.served, 'fairness'));
    const office = await setupOffice(path.join(share!.served, 'fairness', 'baobei.sqlite'), { sales: 2, reviewers: 0, shared: 0 });
    // The default lease timings: a save waiting longer than waitMs (20 s) would fail with BUSY.
    const [bulkUser, person] = office.sales as [(typeof office.sales)[0], (typeof office.sales)[0]];
    // An import-like job: registrations back to back, as fast as the share allows.
    const bulk = track(
      spawnOfficeWorker({ task: 'register', db: onPc(0, 'fairness/baobei.sqlite'), username: bulkUser.username, password: bulkUser.password, count: 9_999, seed: 10, startOnGo: true }),
    );
    // A person on another PC saving a registration every half second or so.
    const SAVES = 12;
    const interactive = track(
      spawnOfficeWorker({
        task: 'register',
        db: onPc(1, 'fairness/baobei.sqlite'),
        username: person.username,
        password: person.password,
        count: SAVES,
        seed: 11,
        pauseMs: 500,
        startOnGo: true,
      }),
    );
    await startTogether([bulk, interactive]);
    const started = performance.now();
    await interactive.closed;
    const seconds = (performance.now() - started) / 1000;
    // Phone numbers run out after 9,999 registrations: the measurement counts only while the bulk job ran.
    const bulkRanThroughout = !bulk.lines.includes('done');
    bulk.send('stop');
    await bulk.closed;

    const saved = ackedRegistrations(interactive, 11);
    const busy = interactive.lines.filter((l) => l.startsWith('error ') && l.split(' ')[3] === 'BUSY');
    const bulkCommits = ackedRegistrations(bulk, 10);
    // Checked on the server's side: after thousands of bulk commits the file is too big to read through
    // SFTP with caching off in a test's time (the office test above checks through a mount).
    const db = await Database.open({ file: path.join(share!.served, 'fairness', 'baobei.sqlite'), mode: 'open' });
    try {
      const registrations = new Map([
        ...saved.map((a) => [a.id, { customerName: a.customerName, owner: person.username }] as const),
        ...bulkCommits.map((a) => [a.id, { customerName: a.customerName, owner: bulkUser.username }] as const),
      ]);
      expect((await officeProblems(db, { registrations, approvals: [] })).problems).toEqual([]);
    } finally {
      await db.close();
    }
    const waits = [...saved.map((a) => a.ms), ...busy.map((l) => Number(l.split(' ').at(-1)))];
    reportFigures('sshfs-fairness', {
      seconds: round(seconds),
      bulkCommits: bulkCommits.length,
      bulkCommitsPerSecond: round(bulkCommits.length / seconds),
      bulkRanThroughout,
      interactiveSaves: SAVES,
      interactiveCommitted: saved.length,
      interactiveBusy: busy.length,
      interactiveSaveMs: { p50: round(percentile(waits, 50)), p90: round(percentile(waits, 90)), max: round(Math.max(...waits)) },
    });
    // Every save committed: the person's PC took its turn between the bulk job's commits. Before the
    // lease took turns, saves here waited up to 13 s, and in CI past the 20 s limit (BUSY).
    expect(interactive.errors()).toEqual([]);
    expect(busy).toEqual([]);
    expect(saved.length).toBe(SAVES);
    // Long enough for every save to wait out the BUSY limit, so a regression fails on the assertions
    // above, after its figures, rather than on the test's time.
  }, 12 * 20_000 + 60_000);

  it('after kill -9 of PCs writing through both mounts, the next open from the other mount takes over and loses nothing acknowledged', async () => {
    fs.mkdirSync(path.join(share!.served, 'crash'));
    const office = await setupOffice(path.join(share!.served, 'crash', 'baobei.sqlite'), { sales: 2, reviewers: 1, shared: 2 });
    const lease = { staleMs: 1_000, waitMs: 60_000, heartbeatMs: 50 };
    const acked: Acknowledged = { registrations: new Map(), approvals: [] };
    const TRIALS = 3;
    const figures = { killedHoldingLease: 0, hotJournal: 0, openMs: [] as number[] };
    for (let t = 0; t < TRIALS; t++) {
      const pcs = [
        ...office.sales.map((u, p) => ({
          seed: 20 + t * 2 + p,
          owner: u.username,
          worker: track(
            spawnOfficeWorker({ task: 'register', db: onPc(p, 'crash/baobei.sqlite'), username: u.username, password: u.password, count: 10_000, seed: 20 + t * 2 + p, sharedEvery: 3, sharedCount: 2, lease }),
          ),
        })),
        {
          seed: -1,
          owner: office.reviewers[0]!.username,
          worker: track(spawnOfficeWorker({ task: 'approve', db: onPc(t, 'crash/baobei.sqlite'), username: office.reviewers[0]!.username, password: office.reviewers[0]!.password, lease })),
        },
      ];
      await Promise.all(pcs.map((pc) => pc.worker.waitForLine((l) => l.startsWith('ack') || l.startsWith('approved') || l.startsWith('refused'))));
      await new Promise((r) => setTimeout(r, Math.random() * 1_000));
      // A power cut: every PC dies at its own moment within a fifth of a second.
      await Promise.all(
        pcs.map(async (pc) => {
          await new Promise((r) => setTimeout(r, Math.random() * 200));
          pc.worker.child.kill('SIGKILL');
          await pc.worker.closed;
        }),
      );
      if (fs.existsSync(path.join(share!.served, 'crash', 'baobei.sqlite.lease'))) figures.killedHoldingLease++;
      if (fs.existsSync(path.join(share!.served, 'crash', 'baobei.sqlite-journal'))) figures.hotJournal++;
      for (const pc of pcs) {
        if (pc.seed >= 0) for (const a of ackedRegistrations(pc.worker, pc.seed)) acked.registrations.set(a.id, { customerName: a.customerName, owner: pc.owner });
        else acked.approvals.push(...approvedIds(pc.worker));
        expect(pc.worker.lines.filter((l) => l.startsWith('error') || l.startsWith('fatal')), pc.worker.stderr()).toEqual([]);
      }
      const opening = performance.now();
      const db = await Database.open({ file: onPc(t + 1, 'crash/baobei.sqlite'), mode: 'open', lease });
      figures.openMs.push(performance.now() - opening);
      try {
        expect((await officeProblems(db, acked)).problems, `after power cut ${t + 1}`).toEqual([]);
      } finally {
        await db.close();
      }
    }
    expect(acked.registrations.size).toBeGreaterThan(TRIALS);
    reportFigures('sshfs-crash', {
      powerCuts: TRIALS,
      processesKilled: TRIALS * 3,
      ...figures,
      openMs: figures.openMs.map((ms) => round(ms)),
      registrationsAcknowledged: acked.registrations.size,
      approvalsAcknowledged: acked.approvals.length,
    });
  }, 240_000);

  it('saves although the PC still believes in a journal file another PC has just removed', async () => {
    fs.mkdirSync(path.join(share!.served, 'journal'));
    const office = await setupOffice(path.join(share!.served, 'journal', 'baobei.sqlite'), { sales: 1, reviewers: 0, shared: 0 });
    const app = await openOfficeApp(onPc(1, 'journal/baobei.sqlite'));
    try {
      const sales = office.sales[0]!;
      await app.call('auth.signIn', { username: sales.username, password: sales.password }, 's');
      // Another PC's transaction: its (empty, so not hot) journal is there while this PC looks, and gone
      // right after. FUSE keeps the name for a second, so this PC's next create of the journal finds no
      // file behind the name (ENOENT, SQLITE_CANTOPEN). It used to be answered DB_UNAVAILABLE.
      fs.writeFileSync(onPc(0, 'journal/baobei.sqlite-journal'), '');
      expect(fs.existsSync(onPc(1, 'journal/baobei.sqlite-journal'))).toBe(true);
      fs.unlinkSync(onPc(0, 'journal/baobei.sqlite-journal'));
      expect(await app.result('registrations.submit', { fields: customerFields(8, 1) }, 's')).toMatchObject({ ok: true });
      expect(await app.result('registrations.list', { scope: 'mine' }, 's')).toMatchObject({ ok: true, data: { total: 1 } });
    } finally {
      await app.close();
    }
  }, 60_000);

  it('a PC whose connection to the share drops gets DB_UNAVAILABLE, and carries on once the drive is reconnected', async () => {
    fs.mkdirSync(path.join(share!.served, 'reconnect'));
    const office = await setupOffice(path.join(share!.served, 'reconnect', 'baobei.sqlite'), { sales: 1, reviewers: 1, shared: 0 });
    const lease = { staleMs: 2_000, waitMs: 5_000, heartbeatMs: 100 };
    const app = await openOfficeApp(onPc(0, 'reconnect/baobei.sqlite'), { lease });
    try {
      const sales = office.sales[0]!;
      await app.call('auth.signIn', { username: sales.username, password: sales.password }, 's');
      const submit = (i: number) => app.result('registrations.submit', { fields: customerFields(9, i) }, 's');
      expect((await submit(1)).ok).toBe(true);

      // The sshfs connection ends (the PC lost the network); the mount point is left empty.
      share!.unmount(share!.mounts[0]!);
      const lost = await submit(2);
      expect(lost).toMatchObject({ ok: false, error: { code: 'DB_UNAVAILABLE', key: 'error.DB_UNAVAILABLE' } });
      // Nothing was created in the empty mount point meanwhile: no stray database, no lease left.
      expect(fs.readdirSync(share!.mounts[0]!)).toEqual([]);

      await share!.mount(share!.mounts[0]!);
      // The same running app, without a restart: its next call reaches the file again.
      expect(await submit(2)).toMatchObject({ ok: true });
      expect(await app.result('registrations.list', { scope: 'mine' }, 's')).toMatchObject({ ok: true, data: { total: 2 } });
    } finally {
      await app.close();
    }
    const db = await Database.open({ file: onPc(1, 'reconnect/baobei.sqlite'), mode: 'open', lease });
    try {
      expect(await db.integrityCheck()).toBe('ok');
    } finally {
      await db.close();
    }
  }, 60_000);
});
