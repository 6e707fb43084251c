import BetterSqlite3 from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { translate } from '../../../src-shared/i18n';
import { Database } from '../db/database';
import { listBackups } from '../db/backups';
import { migrations } from '../db/migrations';
import { ManualClock } from '../testing/office';
import { type OfficeApp, customerFields, openOfficeApp, setupOffice, spawnAppWorker } from '../testing/office-workers';
import { tempDir } from '../testing/test-host';
import { type DbWorker, spawnDbWorker } from '../testing/worker-process';
import { reportFigures, round } from '../testing/figures';

/**
 * Faults of the drive and the file, through the dispatcher as a window calls it: each gives a typed
 * error with a plain message, writes nothing, leaves the process running, and once the fault is gone
 * the next call succeeds with nothing lost.
 */
const lease = { staleMs: 1_500, waitMs: 3_000, heartbeatMs: 50 };
const isRoot = process.getuid?.() === 0;
const SALES = { username: 'sales0', password: 'sales0-password' };

const cleanups: (() => void | Promise<void>)[] = [];
const unexpected: unknown[] = [];
const onUnexpected = (e: unknown) => unexpected.push(e);
process.on('unhandledRejection', onUnexpected);
process.on('uncaughtException', onUnexpected);
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  // Whatever the fault, nothing escaped the dispatcher: the process (the app) is alive and well.
  expect(unexpected).toEqual([]);
});

type Result = Awaited<ReturnType<OfficeApp['result']>>;
const failure = (r: Result) => (r.ok ? null : r.error);
/** A typed failure with its i18n key, translated for the user (the apps here speak English). */
function expectFailure(r: Result, code: string, key: string): void {
  expect(failure(r)).toEqual({ code, key, message: translate('en', key) });
}

/** Rows that a write would add, read straight from the file (no app involved). */
function counts(file: string): { registrations: number; audit: number; users: number } {
  const raw = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const n = (sql: string) => (raw.prepare(sql).get() as { n: number }).n;
    return {
      registrations: n('SELECT COUNT(*) AS n FROM registrations'),
      audit: n('SELECT COUNT(*) AS n FROM audit_log'),
      users: n('SELECT COUNT(*) AS n FROM users'),
    };
  } finally {
    raw.close();
  }
}

function integrity(file: string): string {
  const raw = new BetterSqlite3(file, { fileMustExist: true });
  try {
    return raw.pragma('integrity_check', { simple: true }) as string;
  } finally {
    raw.close();
  }
}

/** A shared folder with an office database (admin, one salesperson, one reviewer). */
async function officeFolder(given?: string): Promise<{ dir: string; file: string }> {
  const root = given ?? tempDir('baobei-fault-');
  if (!given) cleanups.push(() => fs.rmSync(root, { recursive: true, force: true }));
  const dir = path.join(root, 'share');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'baobei.sqlite');
  await setupOffice(file, { sales: 1, reviewers: 1, shared: 0 });
  return { dir, file };
}

async function signedInApp(file: string, options: Parameters<typeof openOfficeApp>[1] = {}): Promise<OfficeApp> {
  const app = await openOfficeApp(file, { lease, ...options });
  cleanups.push(() => app.close());
  await app.call('auth.signIn', SALES, 's');
  return app;
}

const submit = (app: OfficeApp, i: number) => app.result('registrations.submit', { fields: customerFields(7, i) }, 's');
const list = (app: OfficeApp) => app.result('registrations.list', { scope: 'mine' }, 's');

describe('faults give clear errors and lose nothing', () => {
  it('the folder disappears (drive unmapped) while the app runs: DB_UNAVAILABLE, nothing written; the call after it is back succeeds', async () => {
    const { dir, file } = await officeFolder();
    const app = await signedInApp(file);
    expect((await submit(app, 1)).ok).toBe(true);
    const before = counts(file);

    fs.renameSync(dir, `${dir}-unmapped`);
    expectFailure(await submit(app, 2), 'DB_UNAVAILABLE', 'error.DB_UNAVAILABLE');
    expectFailure(await list(app), 'DB_UNAVAILABLE', 'error.DB_UNAVAILABLE');
    fs.renameSync(`${dir}-unmapped`, dir);

    expect(counts(file)).toEqual(before);
    expect((await submit(app, 2)).ok).toBe(true);
    expect(counts(file).registrations).toBe(before.registrations + 1);
    expect(integrity(file)).toBe('ok');
  });

  it.skipIf(!isRoot)('the folder is read-only for this PC’s user: DB_UNAVAILABLE readOnlyFolder at open and on every call; fine again once writable', async () => {
    const { dir, file } = await officeFolder();
    // The app runs as an unprivileged user (root would ignore the folder's permissions).
    const nobody = { uid: Number(execFileSync('id', ['-u', 'nobody']).toString().trim()), gid: Number(execFileSync('id', ['-g', 'nobody']).toString().trim()) };
    for (const p of [path.dirname(dir), dir, file]) fs.chownSync(p, nobody.uid, nobody.gid);
    const running = spawnAppWorker({ db: file, lease }, nobody);
    cleanups.push(async () => void (await running.end()));
    expect(await running.opened).toEqual({ opened: true });
    expect((await running.call('auth.signIn', SALES, 's')).ok).toBe(true);
    expect((await running.call('registrations.submit', { fields: customerFields(7, 1) }, 's')).ok).toBe(true);
    const before = counts(file);

    fs.chmodSync(dir, 0o555);
    expectFailure(await running.call('registrations.submit', { fields: customerFields(7, 2) }, 's'), 'DB_UNAVAILABLE', 'error.readOnlyFolder');
    // Every transaction takes the lease file, so reading needs the folder writable too (README: every
    // user of the app needs write access).
    expectFailure(await running.call('registrations.list', { scope: 'mine' }, 's'), 'DB_UNAVAILABLE', 'error.readOnlyFolder');
    // Starting the app meanwhile: the start-up screen says why.
    const starting = spawnAppWorker({ db: file, lease }, nobody);
    cleanups.push(async () => void (await starting.end()));
    expect(await starting.opened).toEqual({ opened: false, error: { code: 'DB_UNAVAILABLE', key: 'error.readOnlyFolder', message: translate('en', 'error.readOnlyFolder') } });
    expect(await starting.call('setup.status')).toMatchObject({ ok: true, data: { state: 'unavailable', errorKey: 'error.readOnlyFolder' } });
    expect(counts(file)).toEqual(before);
    expect(fs.readdirSync(dir)).toEqual(['baobei.sqlite']);

    fs.chmodSync(dir, 0o755);
    expect((await running.call('registrations.submit', { fields: customerFields(7, 2) }, 's')).ok).toBe(true);
    expect(await starting.call('open')).toMatchObject({ ok: true });
    expect((await starting.call('auth.signIn', SALES, 's')).ok).toBe(true);
    expect(counts(file).registrations).toBe(before.registrations + 1);
    // Both processes are alive and answer; they end cleanly.
    expect(await running.end()).toEqual({ code: 0, signal: null });
    expect(await starting.end()).toEqual({ code: 0, signal: null });
  });

  it.skipIf(!isRoot)('the disk is full (a 2 MB tmpfs): DB_UNAVAILABLE diskFull, the file intact, no lease left behind; usable at once after space is freed', async () => {
    const root = tempDir('baobei-fault-');
    cleanups.push(() => fs.rmSync(root, { recursive: true, force: true }));
    const mountPoint = path.join(root, 'drive');
    fs.mkdirSync(mountPoint);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint]);
    cleanups.push(() => void execFileSync('umount', ['-l', mountPoint]));
    const { dir, file } = await officeFolder(mountPoint);
    // A stale limit long enough that a lease left behind by the failure would show in the timing below.
    const app = await signedInApp(file, { lease: { ...lease, staleMs: 5_000, waitMs: 10_000 } });
    expect((await submit(app, 1)).ok).toBe(true);
    const before = counts(file);

    const filler = path.join(mountPoint, 'filler');
    const fill = (leaveBytes: number) => {
      fs.rmSync(filler, { force: true });
      const fd = fs.openSync(filler, 'w');
      const chunk = Buffer.alloc(4096, 1);
      try {
        for (;;) {
          const { bavail, bsize } = fs.statfsSync(mountPoint);
          if (bavail * bsize <= leaveBytes) break;
          fs.writeSync(fd, chunk);
        }
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
      } finally {
        fs.closeSync(fd);
      }
    };
    const figures: Record<string, number> = {};
    for (const [label, leave] of [
      ['full', 0],
      ['nearlyFull', 24 * 1024],
    ] as const) {
      fill(leave);
      expectFailure(await submit(app, 2), 'DB_UNAVAILABLE', 'error.diskFull');
      // Reading needs no space, except for the lease file's one block when the disk is completely full.
      if (leave === 0) expectFailure(await list(app), 'DB_UNAVAILABLE', 'error.diskFull');
      else expect(await list(app)).toMatchObject({ ok: true, data: { total: 1 } });
      // Nothing half-done is left in the folder: no lease that would make every PC wait, no journal.
      expect(fs.readdirSync(dir)).toEqual(['baobei.sqlite']);
      expect(counts(file)).toEqual(before);
      expect(integrity(file)).toBe('ok');
      figures[`${label}FreeBytes`] = fs.statfsSync(mountPoint).bavail * fs.statfsSync(mountPoint).bsize;
    }
    fs.rmSync(filler);
    const started = performance.now();
    expect((await submit(app, 2)).ok).toBe(true);
    const ms = performance.now() - started;
    // At once, not after a stale lease's 5 s.
    expect(ms).toBeLessThan(2_000);
    expect(counts(file).registrations).toBe(before.registrations + 1);
    expect(integrity(file)).toBe('ok');
    reportFigures('disk-full', { ...figures, firstSaveAfterFreeingMs: round(ms) });
  });

  const chattr = ['/usr/bin/chattr', '/bin/chattr'].find((p) => fs.existsSync(p));
  it.skipIf(!isRoot || !chattr)('a folder that refuses new files with EPERM (immutable): readOnlyFolder after the wait limit instead of waiting forever', async () => {
    const { dir, file } = await officeFolder();
    const app = await signedInApp(file);
    const before = counts(file);
    execFileSync(chattr!, ['+i', dir]);
    cleanups.push(() => void execFileSync(chattr!, ['-i', dir]));
    const started = performance.now();
    const outcome = await Promise.race([submit(app, 1), new Promise<'still waiting'>((r) => setTimeout(() => r('still waiting'), lease.waitMs + 5_000))]);
    expect(outcome).not.toBe('still waiting');
    expectFailure(outcome as Result, 'DB_UNAVAILABLE', 'error.readOnlyFolder');
    expect(performance.now() - started).toBeGreaterThanOrEqual(lease.waitMs);
    execFileSync(chattr!, ['-i', dir]);
    expect(counts(file)).toEqual(before);
    expect((await submit(app, 1)).ok).toBe(true);
  });

  it('a lease left by a dead PC (never changing) is taken over after the stale time, at open and on a call', async () => {
    const { file } = await officeFolder();
    const dead = JSON.stringify({ holder: 'a-pc-that-crashed', host: 'PC-7', pid: 4242, beat: 17 });
    fs.writeFileSync(`${file}.lease`, dead);
    let started = performance.now();
    const app = await signedInApp(file);
    const openMs = performance.now() - started;
    expect(openMs).toBeGreaterThanOrEqual(lease.staleMs);
    expect(fs.existsSync(`${file}.lease`)).toBe(false);

    fs.writeFileSync(`${file}.lease`, dead);
    started = performance.now();
    expect((await submit(app, 1)).ok).toBe(true);
    const callMs = performance.now() - started;
    expect(callMs).toBeGreaterThanOrEqual(lease.staleMs);
    expect(callMs).toBeLessThan(lease.staleMs + 2_000);
    expect(fs.existsSync(`${file}.lease`)).toBe(false);
    expect(integrity(file)).toBe('ok');
    reportFigures('dead-lease', { staleMs: lease.staleMs, openMs: round(openMs), callMs: round(callMs) });
  });

  it('a lease held by a live, slow PC: BUSY after the wait limit, no takeover; the slow PC’s work survives and the retry succeeds', async () => {
    const { file } = await officeFolder();
    const app = await signedInApp(file);
    const before = counts(file);
    let holder: DbWorker | undefined = spawnDbWorker({ task: 'hold', db: file, committed: 1, pending: 3, lease: { ...lease, heartbeatMs: 50 } });
    cleanups.push(() => void holder?.child.kill('SIGKILL'));
    await holder.waitForLine((l) => l === 'holding');
    const started = performance.now();
    expectFailure(await submit(app, 1), 'BUSY', 'error.BUSY');
    const busyMs = performance.now() - started;
    // Waited the whole limit, although that is longer than the stale time: the heartbeat kept it alive.
    expect(busyMs).toBeGreaterThanOrEqual(lease.waitMs);
    expect(JSON.parse(fs.readFileSync(`${file}.lease`, 'utf8'))).toMatchObject({ pid: holder.child.pid });

    holder.send('commit');
    await holder.waitForLine((l) => l === 'committed');
    expect(await holder.exited).toEqual({ code: 0, signal: null });
    holder = undefined;
    // The slow PC's rows are all there; the refused save wrote nothing.
    expect(counts(file)).toEqual({ ...before, users: before.users + 1 + 3 });
    expect((await submit(app, 1)).ok).toBe(true);
    expect(counts(file).registrations).toBe(before.registrations + 1);
    reportFigures('live-lease', { waitMs: lease.waitMs, staleMs: lease.staleMs, busyAfterMs: round(busyMs) });
  });

  it('a database whose schema is newer than the app: reads work, writes answer SCHEMA_TOO_NEW, nothing is written', async () => {
    const { file } = await officeFolder();
    const raw = new BetterSqlite3(file);
    raw.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, ?, ?)').run('from a newer app', new Date().toISOString());
    raw.close();
    const before = counts(file);
    const app = await signedInApp(file);
    // Someone who mistypes their password can still sign in and read: nothing is recorded, nothing refused for it.
    expectFailure(await app.result('auth.signIn', { ...SALES, password: 'a-typo-password' }, 'typo'), 'UNAUTHENTICATED', 'error.wrongCredentials');
    expect(await app.result('auth.signIn', SALES, 'typo')).toMatchObject({ ok: true });
    expect(await list(app)).toMatchObject({ ok: true, data: { total: 0 } });
    expect(await app.result('system.status', {}, 's')).toMatchObject({ ok: true, data: { schemaVersion: 999, readOnly: true } });
    expectFailure(await submit(app, 1), 'SCHEMA_TOO_NEW', 'error.SCHEMA_TOO_NEW');
    expectFailure(await app.result('registrations.saveDraft', { fields: { customerName: '草稿' } }, 's'), 'SCHEMA_TOO_NEW', 'error.SCHEMA_TOO_NEW');
    expect(counts(file)).toEqual(before);
  });

  it('a database migrated by a newer app on another PC while this one runs: this one stops writing (SCHEMA_TOO_NEW), reads go on', async () => {
    const { file } = await officeFolder();
    const app = await signedInApp(file);
    expect((await submit(app, 1)).ok).toBe(true);
    const newer = await Database.open({
      file,
      mode: 'open',
      lease,
      migrations: [...migrations, { version: 1000, name: 'a newer release', up: 'CREATE TABLE newer_things (id INTEGER PRIMARY KEY) STRICT' }],
    });
    await newer.close();
    const before = counts(file);
    expectFailure(await submit(app, 2), 'SCHEMA_TOO_NEW', 'error.SCHEMA_TOO_NEW');
    expect(await list(app)).toMatchObject({ ok: true, data: { total: 1 } });
    expect(counts(file)).toEqual(before);
  });
  describe('a corrupt database file', () => {
    /** Garbage over the page area (page 1, the header, stays), or over the header itself. */
    function corrupt(file: string, where: 'pages' | 'header'): void {
      const size = fs.statSync(file).size;
      const fd = fs.openSync(file, 'r+');
      try {
        const [from, to] = where === 'header' ? [0, 4096] : [2 * 4096, size];
        const garbage = Buffer.alloc(to - from);
        for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 251;
        fs.writeSync(fd, garbage, 0, garbage.length, from);
      } finally {
        fs.closeSync(fd);
      }
    }

    /** The desktop app on this PC: it may choose its database and keeps rotating backups in `backups`. */
    function desktop(backups: string, clock = new ManualClock(new Date())) {
      return { clock, canChooseDatabase: true, backupPolicy: () => ({ dir: backups, keep: 14, everyMs: 24 * 60 * 60 * 1000 }) };
    }

    for (const where of ['pages', 'header'] as const) {
      it(`(garbage over the ${where}) gives a clear message at open and offers the latest backup; restoring brings the backed-up rows back`, async () => {
        const { dir, file } = await officeFolder();
        const backups = path.join(path.dirname(dir), 'backups');
        const options = desktop(backups);
        const before = await openOfficeApp(file, { lease, ...options });
        cleanups.push(() => before.close());
        // The automatic backup at start, then work, then an administrator's backup an hour later.
        await vi.waitFor(() => expect(listBackups(options.backupPolicy(), file)).toHaveLength(1));
        await before.call('auth.signIn', SALES, 's');
        const kept = [customerFields(7, 1), customerFields(7, 2)];
        for (const fields of kept) await before.call('registrations.submit', { fields }, 's');
        options.clock.set(new Date(Date.now() + 60 * 60 * 1000).toISOString());
        await before.call('auth.signIn', { username: 'admin', password: 'admin-password' }, 'admin');
        const backup = await before.call('system.backup', {}, 'admin');
        // Backups are named by the second they were taken.
        const backupAt = `${backup.at.slice(0, 19)}.000Z`;
        // Entered after the backup: this is what restoring loses, and the confirmation says so.
        await before.call('registrations.submit', { fields: customerFields(7, 3) }, 's');
        // Another PC has the file open all along, with pages in its cache.
        const otherPc = await Database.open({ file, mode: 'open', lease });
        cleanups.push(() => otherPc.close());
        const registrationsSeen = () => otherPc.read((q) => q.selectFrom('registrations').select('customer_name').orderBy('id').execute());
        expect(await registrationsSeen()).toHaveLength(3);
        await before.close();
        corrupt(file, where);
        const damagedBytes = fs.readFileSync(file);

        // The app starts and cannot open it: a typed error with a plain message, and it keeps running.
        const app = await openOfficeApp(file, { lease, ...options, keepFailedOpen: true });
        cleanups.push(() => app.close());
        expect(app.host.db).toBeNull();
        expect(app.host.lastOpenFailure).toEqual({ file, key: 'error.notADatabase' });
        expect(translate('en', 'error.notADatabase')).toBe('This file is not a Baobei database, or it is damaged');
        expect(await app.result('setup.status', {})).toMatchObject({
          ok: true,
          data: { state: 'unavailable', dbPath: file, errorKey: 'error.notADatabase', latestBackupAt: backupAt },
        });
        // Nobody can sign in meanwhile.
        expectFailure(await app.result('auth.signIn', SALES, 's'), 'DB_UNAVAILABLE', 'error.noDatabase');

        const restored = await app.result('setup.useDatabase', { mode: 'restoreBackup', path: file });
        expect(restored).toMatchObject({ ok: true, data: { dbPath: file, restored: { backupAt } } });
        const { damagedCopy } = (restored as { data: { restored: { damagedCopy: string } } }).data.restored;
        expect(fs.readFileSync(damagedCopy).equals(damagedBytes)).toBe(true);
        expect(integrity(file)).toBe('ok');
        expect(await app.result('setup.status', {})).toMatchObject({ ok: true, data: { state: 'ready' } });
        await app.call('auth.signIn', SALES, 's');
        // The other PC reads the restored file on its next transaction, not its cached pages of the old one.
        expect((await registrationsSeen()).map((r) => r.customer_name)).toEqual(kept.map((f) => f.customerName));
        expect(await otherPc.integrityCheck()).toBe('ok');
        const mine = await app.call('registrations.list', { scope: 'mine' }, 's');
        expect(mine.items.map((r) => r.customerName).sort()).toEqual(kept.map((f) => f.customerName).sort());
        expect((await app.result('registrations.submit', { fields: customerFields(7, 3) }, 's')).ok).toBe(true);
        // With the database open again, choosing a database takes an administrator, and even one has nothing to restore.
        expectFailure(await app.result('setup.useDatabase', { mode: 'restoreBackup', path: file }, 's'), 'FORBIDDEN', 'error.FORBIDDEN');
        await app.call('auth.signIn', { username: 'admin', password: 'admin-password' }, 'admin');
        expectFailure(await app.result('setup.useDatabase', { mode: 'restoreBackup', path: file }, 'admin'), 'CONFLICT', 'error.restoreNotNeeded');
      });
    }

    it('is restored only by the desktop app, only when damaged (not merely unreachable), and only from a sound backup', async () => {
      const { dir, file } = await officeFolder();
      const backups = path.join(path.dirname(dir), 'backups');
      corrupt(file, 'pages');
      // No backup on this PC.
      const noBackup = await openOfficeApp(file, { lease, ...desktop(backups), keepFailedOpen: true });
      cleanups.push(() => noBackup.close());
      expect(await noBackup.result('setup.status', {})).toMatchObject({ ok: true, data: { errorKey: 'error.notADatabase', latestBackupAt: null } });
      expectFailure(await noBackup.result('setup.useDatabase', { mode: 'restoreBackup', path: file }), 'NOT_FOUND', 'error.noBackup');
      // A backup that is itself damaged is no backup.
      fs.mkdirSync(backups);
      fs.writeFileSync(path.join(backups, 'baobei-20260101-080000.sqlite'), 'not a database');
      expectFailure(await noBackup.result('setup.useDatabase', { mode: 'restoreBackup', path: file }), 'NOT_FOUND', 'error.noBackup');
      // Another file than the one that failed.
      expectFailure(await noBackup.result('setup.useDatabase', { mode: 'restoreBackup', path: `${file}.other` }), 'CONFLICT', 'error.restoreNotNeeded');
      // The browser host and the CLI are given their database: they never overwrite it.
      const browser = await openOfficeApp(file, { lease, backupPolicy: desktop(backups).backupPolicy, keepFailedOpen: true });
      cleanups.push(() => browser.close());
      expectFailure(await browser.result('setup.useDatabase', { mode: 'restoreBackup', path: file }), 'FORBIDDEN', 'error.cannotChooseDatabase');
      // A drive that is not connected is no reason to overwrite anything.
      fs.renameSync(dir, `${dir}-unmapped`);
      const unreachable = await openOfficeApp(file, { lease, ...desktop(backups), keepFailedOpen: true });
      cleanups.push(() => unreachable.close());
      expect(unreachable.host.lastOpenFailure).toEqual({ file, key: 'error.DB_UNAVAILABLE' });
      expect(await unreachable.result('setup.status', {})).toMatchObject({ ok: true, data: { errorKey: 'error.DB_UNAVAILABLE' } });
      expect(await unreachable.result('setup.status', {})).not.toHaveProperty('data.latestBackupAt');
      expectFailure(await unreachable.result('setup.useDatabase', { mode: 'restoreBackup', path: file }), 'CONFLICT', 'error.restoreNotNeeded');
    });
  });
});
