import fs from 'node:fs';
import type { SessionUser } from '../../../../src-shared/contract';
import { REPORT_DOWNLOAD_PATH, type ReportJob, type reportContract } from '../../../../src-shared/contract/report';
import type { Language } from '../../../../src-shared/contract/system';
import { translate } from '../../../../src-shared/i18n';
import { localToday } from '../../clock';
import { toErrorShape } from '../../dispatch';
import { AppError } from '../../errors';
import { type HandlerContext, type HandlersFor, requireDb, requireUser } from '../../handler';
import { funnelReport } from '../funnel/report';
import { exportReport } from './export-report';
import type { ExportJob } from './jobs';
import { reportScope } from './scope';

/** What the renderer learns of a job: progress and how to get the file, never where it lies on disk. */
function jobView(job: ExportJob, ctx: HandlerContext): ReportJob {
  const done = job.state === 'done';
  const failure = job.state === 'failed' ? toErrorShape(job.error, ctx.language, () => {}) : null;
  return {
    jobId: job.id,
    state: job.state,
    done: job.done,
    total: job.total,
    fileName: job.fileName,
    delivery: ctx.host.options.saveFile ? 'saveDialog' : 'download',
    downloadUrl: done ? `${REPORT_DOWNLOAD_PATH}?key=${job.downloadKey}` : null,
    error: failure ? { code: failure.code, message: failure.message } : null,
  };
}

export const reportFileName = (language: Language, today: string) => translate(language, 'report.fileName', { date: today });

export const reportHandlers = {
  'report.start': async (input, ctx) => {
    const me: SessionUser = requireUser(ctx);
    const db = requireDb(ctx);
    const language = input.language ?? ctx.language;
    // Refused at once, not as a failed job: a salesperson naming someone else's opportunities.
    reportScope(me, input.filters);
    const job = ctx.host.reportJobs.start(me.id, reportFileName(language, localToday(ctx.clock)), async (job, progress) => {
      await exportReport(
        {
          db,
          clock: ctx.clock,
          user: me,
          filters: input.filters,
          language,
          // The very function the dispatcher's funnel.report runs, so the workbook shows the dashboard's figures.
          funnelReport: (filters) => db.read((q) => funnelReport(q, me, filters, ctx.clock.now())),
          onProgress: progress,
          signal: job.abort.signal,
        },
        job.file,
      );
    });
    return jobView(job, ctx);
  },
  'report.progress': async (input, ctx) => jobView(ctx.host.reportJobs.get(input.jobId, requireUser(ctx).id), ctx),
  'report.cancel': async (input, ctx) => jobView(ctx.host.reportJobs.cancel(input.jobId, requireUser(ctx).id), ctx),
  'report.save': async (input, ctx) => {
    const job = ctx.host.reportJobs.get(input.jobId, requireUser(ctx).id);
    const saveFile = ctx.host.options.saveFile;
    if (!saveFile) throw new AppError('CONFLICT', 'report.error.noSaveDialog');
    if (job.state !== 'done') throw new AppError('CONFLICT', 'report.error.notFinished');
    const target = await saveFile(job.fileName);
    if (!target) return { file: null };
    await fs.promises.copyFile(job.file, target);
    return { file: target };
  },
} satisfies HandlersFor<typeof reportContract>;
