import fs from 'node:fs';
import os from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isAppError } from '../errors';
import { tempDbPath } from '../testing/temp-db';
import { Lease, type LeaseOptions } from './lease';
import { SLICE_MS } from './lease-turn';

let cleanup: (() => void) | undefined;
const leases: Lease[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const l of leases.splice(0)) l.release();
  cleanup?.();
  cleanup = undefined;
});

function leaseFile(): string {
  const tmp = tempDbPath('baobei-lease-');
  cleanup = tmp.cleanup;
  return `${tmp.file}.lease`;
}

function lease(file: string, options: Partial<LeaseOptions> = {}): Lease {
  const l = new Lease(file, { staleMs: 1_000, waitMs: 5_000, heartbeatMs: 50, ...options });
  leases.push(l);
  return l;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const codeOf = (p: Promise<unknown>) => p.then(() => 'acquired', (e: unknown) => (isAppError(e) ? e.code : String(e)));
const holderIn = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as { holder: string; host: string; pid: number };

describe('lease file', () => {
  it('is created exclusively with the holder, host and process, and removed on release', async () => {
    const file = leaseFile();
    const a = lease(file);
    await a.acquire();
    expect(holderIn(file)).toMatchObject({ holder: a.holderId, host: os.hostname(), pid: process.pid });
    // A live holder keeps beating, so the second one gives up with BUSY instead of taking over.
    const b = lease(file, { staleMs: 1_000, waitMs: 1_500 });
    expect(await codeOf(b.acquire())).toBe('BUSY');
    expect(holderIn(file).holder).toBe(a.holderId);
    a.release();
    expect(fs.existsSync(file)).toBe(false);
    await b.acquire();
    expect(holderIn(file).holder).toBe(b.holderId);
  });

  it('waits while held and gets the lease as soon as the holder releases', async () => {
    const file = leaseFile();
    const a = lease(file);
    await a.acquire();
    const waiting = lease(file).acquire();
    await sleep(150);
    expect(holderIn(file).holder).toBe(a.holderId);
    a.release();
    await waiting;
    expect(a.held).toBe(false);
  });

  it('treats EPERM from the exclusive create like EEXIST: held, so wait', async () => {
    const file = leaseFile();
    const holder = lease(file);
    await holder.acquire();
    // An SFTP-backed mount answers an exclusive create of an existing file with EPERM, not EEXIST.
    const realOpen = fs.openSync;
    let epermAnswers = 0;
    vi.spyOn(fs, 'openSync').mockImplementation((p, flags, mode) => {
      if (p === file && flags === 'wx' && fs.existsSync(file)) {
        epermAnswers += 1;
        throw Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' });
      }
      return realOpen(p, flags, mode);
    });
    const waiter = lease(file, { staleMs: 2_000, waitMs: 600 });
    expect(await codeOf(waiter.acquire())).toBe('BUSY');
    expect(epermAnswers).toBeGreaterThan(1);
    holder.release();
    await waiter.acquire();
    expect(holderIn(file).holder).toBe(waiter.holderId);
  });

  it('does not mistake other failures of the create for "held"', async () => {
    const file = leaseFile();
    vi.spyOn(fs, 'openSync').mockImplementation((() => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    }) as typeof fs.openSync);
    await expect(lease(file).acquire()).rejects.toMatchObject({ code: 'EACCES' });
  });

  it('gives up with DB_UNAVAILABLE readOnlyFolder when EPERM comes with no lease there (it used to spin forever)', async () => {
    const file = leaseFile();
    // An immutable folder (chattr +i) answers every create with EPERM, and there is no lease to wait for.
    vi.spyOn(fs, 'openSync').mockImplementation((() => {
      throw Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' });
    }) as typeof fs.openSync);
    const started = performance.now();
    await expect(lease(file, { waitMs: 300 }).acquire()).rejects.toMatchObject({ code: 'DB_UNAVAILABLE', key: 'error.readOnlyFolder' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
  });

  it('removes the lease file again when its first heartbeat cannot be written (disk full), so nobody waits for it', async () => {
    const file = leaseFile();
    vi.spyOn(fs, 'writeSync').mockImplementationOnce((() => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    }) as typeof fs.writeSync);
    const full = lease(file);
    await expect(full.acquire()).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(full.held).toBe(false);
    expect(fs.existsSync(file)).toBe(false);
    // Space is back: the next acquisition, this PC's or another's, is immediate.
    const started = performance.now();
    await lease(file).acquire();
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('treats a lease that vanished while being opened (ESTALE on network mounts) as gone, not as a failure', async () => {
    const file = leaseFile();
    const holder = lease(file);
    await holder.acquire();
    // Over NFS and sshfs, another PC removing the lease between this one's lookup and open answers ESTALE
    // (Node 20 has no name for it: "Unknown system error -116"). Seen in the sshfs office test.
    const estale = () => Object.assign(new Error('Unknown system error -116'), { errno: -os.constants.errno.ESTALE!, code: 'Unknown system error -116' });
    const realRead = fs.readFileSync;
    const realOpen = fs.openSync;
    let staleReads = 0;
    let staleOpens = 0;
    vi.spyOn(fs, 'readFileSync').mockImplementation(((p: fs.PathOrFileDescriptor, o?: unknown) => {
      if (p === file && staleReads++ < 2) throw estale();
      return realRead(p, o as BufferEncoding);
    }) as typeof fs.readFileSync);
    vi.spyOn(fs, 'openSync').mockImplementation(((p: fs.PathLike, flags: fs.OpenMode, mode?: fs.Mode) => {
      if (p === file && flags === 'wx' && staleOpens++ < 2) throw estale();
      return realOpen(p, flags, mode);
    }) as typeof fs.openSync);
    const waiter = lease(file);
    const waiting = waiter.acquire();
    await sleep(100);
    holder.release();
    await waiting;
    expect(waiter.held).toBe(true);
    expect(staleReads).toBeGreaterThan(0);
  });

  it('takes over a lease that stood still for staleMs by its own clock, whatever the file times say', async () => {
    const file = leaseFile();
    // A PC that died holding the lease; its clock (and so the file's times) may be anything.
    fs.writeFileSync(file, JSON.stringify({ holder: 'dead-pc', host: 'elsewhere', pid: 1, beat: 7 }));
    const longAgo = new Date('2001-01-01T00:00:00Z');
    fs.utimesSync(file, longAgo, longAgo);
    const waiter = lease(file, { staleMs: 400 });
    const started = performance.now();
    await waiter.acquire();
    expect(performance.now() - started).toBeGreaterThanOrEqual(400);
    expect(holderIn(file).holder).toBe(waiter.holderId);
    expect(fs.readdirSync(file.replace(/[^/]+$/, '')).filter((f) => f.includes('takeover'))).toEqual([]);
  });

  it('never removes a lease that was taken over from it', async () => {
    const file = leaseFile();
    // A holder whose heartbeat stalled (a frozen PC) looks dead to a waiter.
    const stalled = lease(file, { heartbeatMs: 60_000 });
    await stalled.acquire();
    const taker = lease(file, { staleMs: 200 });
    await taker.acquire();
    expect(stalled.stillOwned()).toBe(false);
    stalled.release();
    expect(holderIn(file).holder).toBe(taker.holderId);
    taker.release();
    expect(fs.existsSync(file)).toBe(false);
  });

  it('gives a stale lease to one of two waiters at a time', async () => {
    const file = leaseFile();
    fs.writeFileSync(file, JSON.stringify({ holder: 'dead-pc', host: 'elsewhere', pid: 1, beat: 1 }));
    // Short enough to see the dead lease go; long enough that a loaded machine never makes the
    // winner, beating every 50 ms, look dead to the other.
    const first = lease(file, { staleMs: 1_000 });
    const second = lease(file, { staleMs: 1_000 });
    const acquired: Lease[] = [];
    const both = [first, second].map((l) => l.acquire().then(() => acquired.push(l)));
    await vi.waitFor(() => expect(acquired).toHaveLength(1), { timeout: 5_000 });
    const [winner] = acquired;
    await sleep(300);
    expect(acquired).toHaveLength(1);
    expect(winner!.stillOwned()).toBe(true);
    winner!.release();
    await Promise.all(both);
    expect(acquired[1]!.stillOwned()).toBe(true);
  });

  it('writes content never seen before on every acquisition, so back-to-back transactions never look like a lease standing still', async () => {
    const file = leaseFile();
    // No timer beat: every transaction is shorter than the heartbeat interval.
    const busy = lease(file, { heartbeatMs: 60_000 });
    const seen = new Set<string>();
    for (let i = 0; i < 5; i++) {
      await busy.acquire();
      seen.add(fs.readFileSync(file, 'utf8'));
      busy.release();
    }
    expect(seen.size).toBe(5);
  });

  it('takes turns: a PC committing back to back leaves the lease to a waiter once its slice is over', async () => {
    const file = leaseFile();
    const busy = lease(file, { heartbeatMs: 60_000 });
    const waiter = lease(file, { waitMs: 5_000 });
    await busy.acquire();
    let waiterHasIt = false;
    const waiting = waiter.acquire().then(() => {
      waiterHasIt = true;
    });
    let busyTurnsMeanwhile = 0;
    const until = performance.now() + 3_000;
    while (!waiterHasIt && performance.now() < until) {
      // Transactions longer than the wait after which a waiter asks for its turn (50 ms).
      await sleep(100);
      // Release and take it again in the same tick, as a PC running transactions back to back does:
      // without turns the waiter, polling, never finds the lease free.
      busy.release();
      const next = busy.acquire();
      await Promise.race([next, waiting]);
      if (busy.held) busyTurnsMeanwhile++;
      else await waiting;
    }
    expect(waiterHasIt).toBe(true);
    // The turn it first sees mid-transaction, its slice, and one transaction begun as the slice ended.
    expect(busyTurnsMeanwhile).toBeLessThanOrEqual(Math.ceil(SLICE_MS / 100) + 2);
    expect(waiter.stillOwned()).toBe(true);
    // The turn is gone once taken; now the busy PC is the one waiting in line, and gets it back.
    waiter.release();
    await vi.waitFor(() => expect(busy.held).toBe(true), { timeout: 5_000 });
    expect(fs.existsSync(`${file}.next`)).toBe(false);
  });

  it('waits out the turn of a waiter that died after staleMs, then takes the lease', async () => {
    const file = leaseFile();
    fs.writeFileSync(`${file}.next`, JSON.stringify({ holder: 'dead-pc', beat: 7 }));
    const l = lease(file, { staleMs: 500 });
    // Within its slice the PC still takes the lease at once; after it, it yields to the waiter.
    await l.acquire();
    l.release();
    await sleep(SLICE_MS + 50);
    const started = performance.now();
    await l.acquire();
    expect(performance.now() - started).toBeGreaterThanOrEqual(500);
    expect(l.stillOwned()).toBe(true);
    expect(fs.readdirSync(file.replace(/[^/]+$/, '')).filter((f) => f.includes('.next') || f.includes('takeover'))).toEqual([]);
  });

  it('leaves the line when it gives up with BUSY, so nobody waits for a turn nobody takes', async () => {
    const file = leaseFile();
    const holder = lease(file);
    await holder.acquire();
    const waiter = lease(file, { waitMs: 400 });
    const waiting = codeOf(waiter.acquire());
    await vi.waitFor(() => expect(fs.existsSync(`${file}.next`)).toBe(true), { timeout: 2_000 });
    expect(await waiting).toBe('BUSY');
    expect(fs.existsSync(`${file}.next`)).toBe(false);
  });
});
