import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { AppHost } from '../core/host/app-host';
import { sendText } from './static-files';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * `GET /report/download?key=…`: a finished report export as an attachment. It sits behind the host's
 * token guard like every other path; the key, given only to the user who started the export, stands
 * in for the session header that a download link cannot carry.
 */
export async function handleReportDownload(req: IncomingMessage, res: ServerResponse, host: AppHost, url: URL): Promise<void> {
  const job = host.reportJobs.byDownloadKey(url.searchParams.get('key') ?? '');
  if (!job) return sendText(res, 404, 'Not found: the export is unknown, unfinished or expired.');
  const stat = await fs.promises.stat(job.file).catch(() => null);
  if (!stat) return sendText(res, 404, 'Not found: the export is gone.');
  const asciiName = job.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  res.writeHead(200, {
    'Content-Type': XLSX,
    'Content-Length': stat.size,
    // RFC 6266: an ASCII fallback for old clients, the real (Chinese) name in UTF-8 for the rest.
    'Content-Disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(job.fileName)}`,
    'Cache-Control': 'no-store',
  });
  if (req.method === 'HEAD') return void res.end();
  await pipeline(fs.createReadStream(job.file), res);
}
