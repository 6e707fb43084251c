import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../errors';

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

/** One export in this running app: its progress, and the finished file in a private temporary folder. */
export interface ExportJob {
  id: string;
  /** Only the user who started a job may see, fetch or cancel it. */
  userId: number;
  state: JobState;
  done: number;
  total: number;
  fileName: string;
  /** Where the file is written; only read once `state` is done. */
  file: string;
  /** The secret that fetches the file over HTTP, where a download link cannot carry the session header. */
  downloadKey: string;
  error: unknown;
  finishedAt: number | null;
  abort: AbortController;
}

export type ExportBody = (job: ExportJob, progress: (done: number, total: number) => void) => Promise<void>;

/** How long a finished file stays fetchable before its folder is removed. */
const KEEP_MS = 30 * 60 * 1000;

/**
 * The export jobs of one AppHost. Finished jobs are swept lazily, whenever the registry is used, so
 * there is no timer to stop; `clear` removes everything when the host closes.
 */
export class ReportJobs {
  private readonly jobs = new Map<string, ExportJob>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Starts `body` in the background; one running export per user, so a double click makes one file. */
  start(userId: number, fileName: string, body: ExportBody): ExportJob {
    this.sweep();
    for (const job of this.jobs.values()) {
      if (job.userId === userId && job.state === 'running') throw new AppError('CONFLICT', 'report.error.busy');
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baobei-report-'));
    const job: ExportJob = {
      id: randomUUID(),
      userId,
      state: 'running',
      done: 0,
      total: 0,
      fileName,
      file: path.join(dir, fileName),
      downloadKey: randomBytes(24).toString('base64url'),
      error: null,
      finishedAt: null,
      abort: new AbortController(),
    };
    this.jobs.set(job.id, job);
    const progress = (done: number, total: number) => {
      job.done = done;
      job.total = total;
    };
    body(job, progress).then(
      () => this.finish(job, job.abort.signal.aborted ? 'cancelled' : 'done'),
      (e: unknown) => {
        job.error = e;
        this.finish(job, job.abort.signal.aborted ? 'cancelled' : 'failed');
      },
    );
    return job;
  }

  /** A job of this user; someone else's is "not found", never "forbidden". */
  get(id: string, userId: number): ExportJob {
    this.sweep();
    const job = this.jobs.get(id);
    if (!job || job.userId !== userId) throw new AppError('NOT_FOUND');
    return job;
  }

  cancel(id: string, userId: number): ExportJob {
    const job = this.get(id, userId);
    if (job.state === 'running') job.abort.abort();
    return job;
  }

  /** A finished file by its download key, compared in full so a prefix never matches. */
  byDownloadKey(key: string): ExportJob | undefined {
    this.sweep();
    for (const job of this.jobs.values()) {
      if (job.state === 'done' && job.downloadKey === key) return job;
    }
    return undefined;
  }

  clear(): void {
    for (const job of this.jobs.values()) {
      job.abort.abort();
      removeFolder(job);
    }
    this.jobs.clear();
  }

  private finish(job: ExportJob, state: JobState): void {
    job.state = state;
    job.finishedAt = this.now();
    if (state !== 'done') removeFolder(job);
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, job] of this.jobs) {
      if (job.finishedAt !== null && now - job.finishedAt > KEEP_MS) {
        removeFolder(job);
        this.jobs.delete(id);
      }
    }
  }
}

function removeFolder(job: ExportJob): void {
  fs.rmSync(path.dirname(job.file), { recursive: true, force: true });
}
