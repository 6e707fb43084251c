import type { EventMap, EventName } from '../../../src-shared/contract';
import type { Language } from '../../../src-shared/contract/system';
import { type Clock, systemClock } from '../clock';
import { type BackupPolicy, backupIfDue } from '../db/backups';
import { ChangeFeed } from '../db/change-feed';
import { Database, type OpenOptions } from '../db/database';
import type { LeaseOptions } from '../db/lease';
import { AppError } from '../errors';
import { runFollowUpReminders } from '../services/followups/reminders';
import { runProtectionMaintenance } from '../services/protection/maintenance';
import { ReportJobs } from '../services/report/jobs';
import type { SettingsStore } from '../local-settings';
import { SessionStore } from '../sessions';

export type EventListener = <K extends EventName>(name: K, payload: EventMap[K]) => void;

export interface AppHostOptions {
  settings: SettingsStore;
  clock?: Clock;
  /** Where "new local database" puts the file; null when this host cannot choose a database. */
  defaultLocalPath: string | null;
  /** Electron lets the first-run wizard choose the file; the browser host and the CLI are given one. */
  canChooseDatabase: boolean;
  /** Local folder for automatic backups; null turns them off (tests, CLI). */
  backupPolicy: (dbFile: string) => BackupPolicy | null;
  nativeBinding?: string;
  lease?: Partial<LeaseOptions>;
  changeFeedMs?: number;
  /** How often expired protections are released and reminders sent; 0 turns the timer off (tests). */
  maintenanceMs?: number;
  /** Native file dialog, where there is one. */
  browse?: (kind: 'create' | 'open') => Promise<string | null>;
  /** Native save dialog for a finished report (Electron); null when cancelled. Without it, reports are downloads. */
  saveFile?: (suggestedName: string) => Promise<string | null>;
}

/**
 * Everything one running app holds: the open database (or none yet), its sessions, its change feed
 * and backups, and the PC's settings. Electron, the browser host and the CLI each make one.
 */
export class AppHost {
  readonly clock: Clock;
  readonly sessions = new SessionStore();
  readonly reportJobs = new ReportJobs();
  private database: Database | null = null;
  private feed: ChangeFeed | null = null;
  private backupTimer: NodeJS.Timeout | null = null;
  private maintenanceTimer: NodeJS.Timeout | null = null;
  private readonly listeners = new Set<EventListener>();
  private failedOpen: { file: string; key: string } | null = null;

  constructor(readonly options: AppHostOptions) {
    this.clock = options.clock ?? systemClock;
  }

  get db(): Database | null {
    return this.database;
  }

  requireDb(): Database {
    if (!this.database) throw new AppError('DB_UNAVAILABLE', 'error.noDatabase');
    return this.database;
  }

  /**
   * The last database that failed to open, so the first-run screens can say "the shared drive is not
   * reachable" instead of offering to create a new database and splitting the office's data.
   */
  get lastOpenFailure(): { file: string; key: string } | null {
    return this.failedOpen;
  }

  language(): Language {
    return this.options.settings.get().language;
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit: EventListener = (name, payload) => {
    for (const listener of this.listeners) listener(name, payload);
  };

  /** Opens (or creates) a database and makes it this app's; sessions of the previous one end. */
  async useDatabase(file: string, mode: OpenOptions['mode']): Promise<Database> {
    let db: Database;
    try {
      db = await Database.open({
        file,
        mode,
        clock: this.clock,
        ...(this.options.lease ? { lease: this.options.lease } : {}),
        ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
      });
    } catch (e) {
      this.failedOpen = { file, key: e instanceof AppError ? e.key : 'error.INTERNAL' };
      throw e;
    }
    this.failedOpen = null;
    await this.closeDatabase();
    this.database = db;
    this.sessions.endAll();
    this.feed = new ChangeFeed(db, this.emit, this.options.changeFeedMs);
    this.feed.start();
    this.startBackups(db);
    this.startMaintenance(db);
    return db;
  }

  async close(): Promise<void> {
    this.reportJobs.clear();
    await this.closeDatabase();
    this.listeners.clear();
  }

  /**
   * Every running app releases expired protections, at start and on a timer: with no server, whoever
   * is running does it, and the job is idempotent so two apps doing it at once is harmless.
   */
  private startMaintenance(db: Database): void {
    const everyMs = this.options.maintenanceMs ?? 5 * 60 * 1000;
    if (everyMs === 0) return;
    const run = () => {
      runProtectionMaintenance(db).then(() => runFollowUpReminders(db)).catch(() => {
        // Retried on the next tick; a lost drive shows through the change feed's health event.
      });
    };
    run();
    this.maintenanceTimer = setInterval(run, everyMs);
    this.maintenanceTimer.unref();
  }

  private startBackups(db: Database): void {
    const policy = this.options.backupPolicy(db.file);
    if (!policy) return;
    const run = () => {
      backupIfDue(db, policy).catch(() => {
        // A failed automatic backup is retried on the next tick; the health event covers a lost drive.
      });
    };
    run();
    this.backupTimer = setInterval(run, 60 * 60 * 1000);
    this.backupTimer.unref();
  }

  private async closeDatabase(): Promise<void> {
    this.feed?.stop();
    this.feed = null;
    if (this.backupTimer) clearInterval(this.backupTimer);
    this.backupTimer = null;
    if (this.maintenanceTimer) clearInterval(this.maintenanceTimer);
    this.maintenanceTimer = null;
    const db = this.database;
    this.database = null;
    await db?.close();
  }
}
