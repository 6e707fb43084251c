import fs from 'node:fs';

/**
 * A waiter asks for its turn only after waiting this long: most waits are shorter, and asking costs
 * a file on the share.
 */
export const TURN_AFTER_MS = 50;

/**
 * How long a PC keeps taking the lease after it first sees another PC's turn. Every hand-over leaves
 * the lease free until the waiter's next poll, and yielding at every transaction cut an office's
 * throughput over sshfs by four; a slice keeps hand-overs rare and still bounds the wait.
 */
export const SLICE_MS = 250;

/**
 * The waiting turn beside the lease (`<db>.lease.next`): one waiter at a time writes its name there,
 * and a PC that has seen that turn for SLICE_MS leaves the lease to that waiter. Without it a PC
 * committing back to back re-took the lease in the same instant it let go, and a person on another
 * PC saving once waited for as long as the bulk job ran (13 s over sshfs; BUSY after 20 s in CI).
 *
 * Fairness is best effort: the lease alone keeps PCs apart, so a turn that cannot be written (a
 * read-only folder, a full disk, a share that drops) only means this waiter is not first in line.
 */
export class LeaseTurn {
  readonly file: string;
  private fd: number | null = null;
  private beat = 0;
  private lastBeatAt = 0;
  /** Another PC's turn as this PC first saw it: the start of this PC's last slice. */
  private ahead: { holder: string; since: number } | null = null;

  constructor(
    leaseFile: string,
    private readonly holderId: string,
    private readonly heartbeatMs: number,
  ) {
    this.file = `${leaseFile}.next`;
  }

  /** The turn's content, or null when nobody waits (or it cannot be read: then nobody is let ahead). */
  read(): string | null {
    try {
      return fs.readFileSync(this.file, 'utf8');
    } catch {
      return null;
    }
  }

  isMine(content: string): boolean {
    return content.includes(this.holderId);
  }

  /** True once this PC has seen another PC's turn (`content`, or null for none) for SLICE_MS. */
  sliceOver(content: string | null, now: number): content is string {
    if (content === null || this.isMine(content)) {
      this.ahead = null;
      return false;
    }
    // By the waiter's name, not the content: its heartbeat rewrites the content every second.
    const holder = /"holder":"([^"]*)"/.exec(content)?.[1] ?? '';
    if (this.ahead?.holder !== holder) this.ahead = { holder, since: now };
    return now - this.ahead.since >= SLICE_MS;
  }

  /** Becomes next in line if nobody is; another PC that got there first keeps the turn. */
  claim(now: number): void {
    this.closeFd();
    let fd: number;
    try {
      fd = fs.openSync(this.file, 'wx');
    } catch {
      return;
    }
    this.fd = fd;
    try {
      this.write(now);
    } catch {
      // Left behind unwritten it would hold every other PC back for staleMs; remove it again.
      this.closeFd();
      try {
        fs.unlinkSync(this.file);
      } catch {
        // Then it stands still and is taken over after staleMs like a dead waiter's.
      }
    }
  }

  /**
   * Rewrites the turn's heartbeat when due, from the waiting loop, so that other PCs see this waiter
   * alive and do not take the turn over while the lease holder runs a long transaction.
   */
  keepAlive(now: number): void {
    if (this.fd === null || now - this.lastBeatAt < this.heartbeatMs) return;
    try {
      this.write(now);
    } catch {
      // A missed beat only lets another PC take the turn over sooner.
    }
  }

  /** Leaves the line: the lease was acquired, or waiting for it failed. */
  leave(): void {
    if (this.fd === null) return;
    this.closeFd();
    const content = this.read();
    // Never remove a turn another PC has taken over from us (we stood still too long).
    if (content === null || !this.isMine(content)) return;
    try {
      fs.unlinkSync(this.file);
    } catch {
      // Gone already, or the share dropped: then it stands still and is taken over after staleMs.
    }
  }

  private write(now: number): void {
    // `beat` only grows, so every rewrite is content a watcher has not seen before.
    this.beat += 1;
    const body = Buffer.from(JSON.stringify({ holder: this.holderId, beat: this.beat }));
    fs.writeSync(this.fd!, body, 0, body.length, 0);
    fs.ftruncateSync(this.fd!, body.length);
    this.lastBeatAt = now;
  }

  private closeFd(): void {
    if (this.fd === null) return;
    const fd = this.fd;
    this.fd = null;
    try {
      fs.closeSync(fd);
    } catch {
      // Closing a descriptor on a dropped share can fail; there is nothing left to do with it.
    }
  }
}
