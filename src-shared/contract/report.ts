import { z } from 'zod';
import { operation } from './define';
import { errorCodes } from './errors';
import { type OpportunityFilters, opportunityFiltersSchema } from './followups';
import { languageSchema } from './system';

/**
 * The funnel report workbook (报表导出, PRODUCT.md capability 7). An export runs as a job: `start`
 * answers at once, `progress` is polled for the progress bar, and the finished file is fetched as a
 * download from the browser host (`downloadUrl`) or saved where the user picks in Electron (`save`).
 */

/** The dashboard's filters, the very ones `funnel.report` takes. */
export const reportFiltersSchema = opportunityFiltersSchema;
export type ReportFilters = OpportunityFilters;

export const reportJobStates = ['running', 'done', 'failed', 'cancelled'] as const;

const jobId = z.string().min(1).max(100);

export const reportJobSchema = z.object({
  jobId,
  state: z.enum(reportJobStates),
  /** Opportunities written to the list so far, of `total`. */
  done: z.number().int(),
  total: z.number().int(),
  fileName: z.string(),
  /** How the finished file reaches the user: a save dialog (Electron) or a download (browser host). */
  delivery: z.enum(['saveDialog', 'download']),
  /** Set when done, for a download. */
  downloadUrl: z.string().nullable(),
  /** Why it failed, already in the user's language. */
  error: z.object({ code: z.enum(errorCodes), message: z.string() }).nullable(),
});
export type ReportJob = z.infer<typeof reportJobSchema>;

/** Where the browser host serves a finished export: `GET <path>?key=<the job's download key>`. */
export const REPORT_DOWNLOAD_PATH = '/report/download';

export const reportContract = {
  'report.start': operation({
    input: z
      .object({
        filters: reportFiltersSchema.default({}),
        /** The workbook's language; the app's when not given. */
        language: languageSchema.optional(),
      })
      .strict(),
    output: reportJobSchema,
    access: 'signedIn',
  }),
  'report.progress': operation({ input: z.object({ jobId }).strict(), output: reportJobSchema, access: 'signedIn' }),
  'report.cancel': operation({ input: z.object({ jobId }).strict(), output: reportJobSchema, access: 'signedIn' }),
  /** Electron: asks where to save the finished file and writes it there; `file` is null when cancelled. */
  'report.save': operation({
    input: z.object({ jobId }).strict(),
    output: z.object({ file: z.string().nullable() }),
    access: 'signedIn',
  }),
};
