import { type EventMap, isArea } from '../../../src-shared/contract';
import { isAppError } from '../errors';
import type { Database } from './database';

type Emit = <K extends keyof EventMap>(name: K, payload: EventMap[K]) => void;

/**
 * Tells the screens what moved: local commits at once, other PCs' commits by polling
 * `PRAGMA data_version` (cheap) and, when it moved, the per-area version counters.
 */
export class ChangeFeed {
  private lastDataVersion: number | null = null;
  private lastAreas = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private health: EventMap['db.health']['state'] = 'ok';
  private unsubscribe: (() => void) | null = null;
  private polling = false;

  constructor(
    private readonly db: Database,
    private readonly emit: Emit,
    private readonly intervalMs = 2_000,
  ) {}

  start(): void {
    this.unsubscribe = this.db.onCommit((areas) => {
      this.emit('db.changed', { areas });
    });
    this.timer = setInterval(() => void this.poll(), this.intervalMs);
    this.timer.unref();
    void this.poll();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.unsubscribe?.();
  }

  async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const version = await this.db.dataVersion();
      if (version !== this.lastDataVersion) {
        const first = this.lastDataVersion === null;
        this.lastDataVersion = version;
        const current = await this.db.areaVersions();
        const moved = [...current].filter(([area, v]) => this.lastAreas.get(area) !== v).map(([area]) => area);
        this.lastAreas = current;
        const changed = moved.filter(isArea);
        if (!first && changed.length > 0) this.emit('db.changed', { areas: changed });
      }
      this.setHealth('ok');
    } catch (e) {
      this.setHealth(isAppError(e) && e.code === 'BUSY' ? 'busy' : 'unavailable', isAppError(e) ? e.key : undefined);
    } finally {
      this.polling = false;
    }
  }

  private setHealth(state: EventMap['db.health']['state'], key?: string): void {
    if (state === this.health) return;
    this.health = state;
    this.emit('db.health', key ? { state, key } : { state });
  }
}
