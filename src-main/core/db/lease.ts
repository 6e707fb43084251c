import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { AppError } from '../errors';
import { LeaseTurn, TURN_AFTER_MS } from './lease-turn';

export interface LeaseOptions {
  /** A lease whose content has not changed for this long, by the waiter's own clock, is taken over. */
  staleMs: number;
  /** Give up with BUSY after waiting this long for a live holder. */
  waitMs: number;
  /** How often a holder rewrites its heartbeat. Must be well below staleMs. */
  heartbeatMs: number;
}

export const defaultLeaseOptions: LeaseOptions = { staleMs: 10_000, waitMs: 20_000, heartbeatMs: 1_000 };

/** "Held by someone else". EPERM too: SFTP-backed mounts answer an exclusive create on an existing file with it. */
const HELD = new Set(['EEXIST', 'EPERM']);

/**
 * The lease file went away while this PC opened it: ENOENT, or ESTALE on NFS and SFTP mounts when
 * another PC removed it between the lookup and the open (Node 20 has no name for ESTALE, only its
 * errno). Either way: no lease there now, look again. ESTALE used to fail the call as INTERNAL.
 */
function vanished(e: unknown): boolean {
  const { code, errno } = e as NodeJS.ErrnoException;
  return code === 'ENOENT' || code === 'ESTALE' || (os.constants.errno.ESTALE !== undefined && errno === -os.constants.errno.ESTALE);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const monotonicMs = () => performance.now();

/** How long a file's content has stood still, by this PC's own clock (file times come from other PCs). */
class StandingStill {
  private seen: { content: string; since: number } | null = null;

  stillFor(content: string, now: number): number {
    if (this.seen === null || this.seen.content !== content) this.seen = { content, since: now };
    return now - this.seen.since;
  }

  reset(): void {
    this.seen = null;
  }
}

/**
 * A lease file beside the database (`<db>.lease`), so that PCs whose share does not forward byte-range
 * locks still never touch the database at the same time. One instance per open database; it is
 * acquired around every transaction and released in `finally` by the caller. Waiters take turns
 * through a second file (see LeaseTurn), so a PC committing back to back cannot keep it to itself.
 */
export class Lease {
  readonly holderId = randomUUID();
  private fd: number | null = null;
  private beat = 0;
  private timer: NodeJS.Timeout | null = null;
  /** How the last exclusive create was refused. */
  private refusedWith = '';

  private readonly turn: LeaseTurn;

  constructor(
    readonly file: string,
    private readonly options: LeaseOptions = defaultLeaseOptions,
  ) {
    this.turn = new LeaseTurn(file, this.holderId, options.heartbeatMs);
  }

  get held(): boolean {
    return this.fd !== null;
  }

  async acquire(): Promise<void> {
    const started = monotonicMs();
    const deadline = started + this.options.waitMs;
    const leaseWatch = new StandingStill();
    const turnWatch = new StandingStill();
    let delay = 2;
    try {
      for (;;) {
        const turn = this.turn.read();
        const firstInLine = turn !== null && this.turn.isMine(turn);
        if (this.turn.sliceOver(turn, monotonicMs())) {
          // Another PC waits its turn: leave the lease to it, unless its turn stood still (it died).
          if (turnWatch.stillFor(turn, monotonicMs()) >= this.options.staleMs) {
            this.takeOver(this.turn.file, turn);
            turnWatch.reset();
            continue;
          }
          if (monotonicMs() >= deadline) throw new AppError('BUSY');
        } else if (this.tryCreate()) {
          return;
        } else {
          const now = monotonicMs();
          if (turn === null && now - started >= TURN_AFTER_MS) this.turn.claim(now);
          else this.turn.keepAlive(now);
          if (this.tookOverHeldLease(leaseWatch, deadline)) continue;
        }
        // First in line polls often: while it sleeps after a hand-over the lease stands free.
        delay = firstInLine ? 5 : Math.min(delay * 2, 50);
        await sleep(delay + Math.random() * delay);
      }
    } finally {
      this.turn.leave();
    }
  }

  /**
   * After a refused create: takes the lease over when it is our own left behind or has stood still
   * for staleMs (true: try again at once); throws once waitMs is over; otherwise false: wait.
   */
  private tookOverHeldLease(leaseWatch: StandingStill, deadline: number): boolean {
    const content = this.readLease();
    if (content !== null && content.includes(this.holderId)) {
      // Our own lease, left behind by a release that could not remove it: nobody else holds it.
      this.takeOver(this.file, content);
      return true;
    }
    // EPERM although no lease is there: not "held" but a folder where we may not create files (an
    // immutable folder; SFTP's catch-all failure). It used to spin here forever; like a live holder,
    // it gets waitMs to go away, then the user is told the folder cannot be written. A create that
    // keeps failing with ESTALE (a stale network mount) gets the same time, then DB_UNAVAILABLE.
    if (content === null) {
      if (this.refusedWith !== 'EEXIST' && monotonicMs() >= deadline)
        throw this.refusedWith === 'EPERM' ? new AppError('DB_UNAVAILABLE', 'error.readOnlyFolder') : new AppError('DB_UNAVAILABLE');
      return false;
    }
    if (leaseWatch.stillFor(content, monotonicMs()) >= this.options.staleMs) {
      this.takeOver(this.file, content);
      leaseWatch.reset();
      return true;
    }
    if (monotonicMs() >= deadline) throw new AppError('BUSY');
    return false;
  }

  /** Rewrites the heartbeat now; long work calls it between steps as the timer cannot run meanwhile. */
  heartbeat(): void {
    if (this.fd === null) return;
    this.beat += 1;
    const body = Buffer.from(this.content());
    fs.writeSync(this.fd, body, 0, body.length, 0);
    fs.ftruncateSync(this.fd, body.length);
  }

  /** True while the lease file still names this holder; checked before a commit. */
  stillOwned(): boolean {
    const content = this.readLease();
    return content !== null && content.includes(this.holderId);
  }

  release(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.fd === null) return;
    const fd = this.fd;
    this.fd = null;
    try {
      fs.closeSync(fd);
      // Never remove a lease that a waiter has taken over from us.
      if (this.stillOwned()) fs.unlinkSync(this.file);
    } catch {
      // Release runs in `finally`, after the transaction's outcome is settled; throwing here would
      // report a commit that succeeded as failed and invite the user to save twice. A lease file we
      // could not remove (the share dropped) stands still and is taken over after staleMs.
    }
  }

  private content(): string {
    return JSON.stringify({ holder: this.holderId, host: os.hostname(), pid: process.pid, beat: this.beat });
  }

  private tryCreate(): boolean {
    let fd: number;
    try {
      fd = fs.openSync(this.file, 'wx');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      this.refusedWith = code;
      if (HELD.has(code) || (code !== 'ENOENT' && vanished(e))) return false;
      throw e;
    }
    this.fd = fd;
    // `beat` is never reset: each acquisition must write content a waiter has not seen before. Were it
    // to restart at 0, a PC running short transactions back to back would write the same bytes every
    // time, look to a waiter as if it stood still, and have its live lease taken over.
    try {
      this.heartbeat();
    } catch (e) {
      // The file was created but its first heartbeat could not be written (disk full, share dropped).
      // Remove it again: left behind empty, it made every PC wait staleMs for a lease nobody held.
      this.fd = null;
      try {
        fs.closeSync(fd);
        fs.unlinkSync(this.file);
      } catch {
        // Then it stands still and is taken over after staleMs, as before.
      }
      throw e;
    }
    this.timer = setInterval(() => this.heartbeatQuietly(), this.options.heartbeatMs);
    this.timer.unref();
    return true;
  }

  private heartbeatQuietly(): void {
    try {
      this.heartbeat();
    } catch {
      // A missed beat only lets a waiter take over sooner; the commit-time ownership check catches that.
    }
  }

  private readLease(): string | null {
    try {
      return fs.readFileSync(this.file, 'utf8');
    } catch (e) {
      if (vanished(e)) return null;
      throw e;
    }
  }

  /**
   * Moves a stale lease (or a dead waiter's turn) aside under a name of our own (rename is atomic, so
   * of two waiters only one gets it), then checks that what we moved is what we saw stand still; if a
   * new holder slipped in between, its file is put back.
   */
  private takeOver(file: string, staleContent: string): void {
    const aside = `${file}.takeover-${this.holderId}`;
    try {
      fs.renameSync(file, aside);
    } catch (e) {
      if (vanished(e)) return;
      throw e;
    }
    const moved = fs.readFileSync(aside, 'utf8');
    if (moved !== staleContent) {
      try {
        fs.linkSync(aside, file);
      } catch {
        // Someone created a lease meanwhile; theirs stands.
      }
    }
    fs.unlinkSync(aside);
  }
}
