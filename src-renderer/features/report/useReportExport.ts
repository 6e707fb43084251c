import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReportFilters, ReportJob } from '../../../src-shared/contract/report';
import { ApiError } from '../../api/api-error';
import { useApi } from '../../api/ApiProvider';

/** How often a running export is asked for its progress. */
const POLL_MS = 400;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Hands a finished export to the browser as a download: same origin, so the host's cookie goes with it. */
function download(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

export type ExportOutcome = { kind: 'downloaded' } | { kind: 'saved'; file: string } | { kind: 'notSaved' } | { kind: 'cancelled' };

/**
 * Runs one export: starts the job, polls its progress, then delivers the file the way this app can —
 * a save dialog in Electron, a download in the browser host. Unmounting stops the polling.
 */
export function useReportExport() {
  const api = useApi();
  const [job, setJob] = useState<ReportJob | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async (filters: ReportFilters): Promise<ExportOutcome> => {
      let current = await api.call('report.start', { filters });
      setJob(current);
      while (current.state === 'running') {
        await sleep(POLL_MS);
        if (!mounted.current) return { kind: 'cancelled' };
        current = await api.call('report.progress', { jobId: current.jobId });
        setJob(current);
      }
      try {
        if (current.state === 'cancelled') return { kind: 'cancelled' };
        if (current.state === 'failed') {
          const { code, message } = current.error ?? { code: 'INTERNAL' as const, message: '' };
          throw new ApiError({ code, key: `error.${code}`, message });
        }
        if (current.delivery === 'download' && current.downloadUrl) {
          download(current.downloadUrl, current.fileName);
          return { kind: 'downloaded' };
        }
        const { file } = await api.call('report.save', { jobId: current.jobId });
        return file ? { kind: 'saved', file } : { kind: 'notSaved' };
      } finally {
        if (mounted.current) setJob(null);
      }
    },
    [api],
  );

  const cancel = useCallback(async () => {
    if (job) setJob(await api.call('report.cancel', { jobId: job.jobId }));
  }, [api, job]);

  return { job, run, cancel };
}
