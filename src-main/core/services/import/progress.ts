import type { Tx } from '../../db/database';

/** How often a long run beats the lease, reports progress and lets the event loop deliver it. */
const STEP_MS = 200;

/**
 * Paces a long transaction: between rows it keeps the lease alive (its timer cannot fire while the
 * loop is busy), tells the caller how far it is, and yields so progress events reach the window
 * while the transaction is still open.
 */
export class Pacer {
  private last = performance.now();

  constructor(
    private readonly tx: Tx,
    private readonly total: number,
    private readonly report: (done: number, total: number) => void,
  ) {}

  async step(done: number): Promise<void> {
    if (performance.now() - this.last < STEP_MS) return;
    this.last = performance.now();
    this.tx.heartbeat();
    this.report(done, this.total);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  finish(): void {
    this.report(this.total, this.total);
  }
}
