import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { SessionUser } from '../../../../src-shared/contract';
import type { FunnelReport } from '../../../../src-shared/contract/funnel';
import type { ReportFilters } from '../../../../src-shared/contract/report';
import type { Language } from '../../../../src-shared/contract/system';
import type { Clock } from '../../clock';
import type { Database } from '../../db/database';
import { writeChannelsSheet } from './channels-sheet';
import { writeConversionSheet } from './conversion-sheet';
import { countDetails, detailPages } from './detail-rows';
import { writeDetailSheet } from './detail-sheet';
import { writeFunnelSheet } from './funnel-sheet';
import { labelsFor } from './labels';
import { cohortPeriods } from './months';
import { writeOverviewSheet } from './overview-sheet';
import { writeSalespeopleSheet } from './salespeople-sheet';
import { reportScope } from './scope';
import { writeTrendSheet } from './trend-sheet';
import { addCharts } from './xlsx-charts/add-charts';

export interface ExportRequest {
  db: Database;
  clock: Clock;
  user: SessionUser;
  filters: ReportFilters;
  language: Language;
  /**
   * The funnel analytics for some filters, as the dispatcher's `funnel.report` computes them for this
   * user: one implementation for the dashboard and the export, role rules included.
   */
  funnelReport: (filters: ReportFilters) => Promise<FunnelReport>;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Writes the funnel report workbook to `outFile`: six sheets of figures from the funnel analytics,
 * the opportunity list streamed page by page, then the charts added to the finished zip. The file
 * appears whole or not at all (written beside it, then renamed).
 */
export async function exportReport(request: ExportRequest, outFile: string): Promise<{ opportunities: number }> {
  const { db, user, filters, signal } = request;
  const l = labelsFor(request.language);
  const scope = reportScope(user, filters);
  const generatedAt = request.clock.now().toISOString();

  const report = await request.funnelReport(filters);
  const monthly = [];
  for (const cohort of cohortPeriods(report, filters)) {
    signal?.throwIfAborted();
    monthly.push({ month: cohort.month, report: await request.funnelReport({ ...filters, period: cohort.period }) });
  }
  const total = await countDetails(db, scope);
  request.onProgress?.(0, total);
  const ownerNames = await displayNames(db, filters.ownerIds ?? []);

  // The streaming writer's zip is small next to its sheet XML (compressed about tenfold), so it is
  // collected in memory: the chart step needs the whole zip, whose directory sits at its end.
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  wb.creator = user.displayName;
  wb.created = new Date(generatedAt);

  writeOverviewSheet(wb, l, report, { generatedAt, generatedBy: user.displayName, filters, ownerNames });
  const charts = [writeFunnelSheet(wb, l, report)];
  writeConversionSheet(wb, l, monthly);
  charts.push(writeSalespeopleSheet(wb, l, report, user));
  writeChannelsSheet(wb, l, report);
  charts.push(writeTrendSheet(wb, l, report));
  const opportunities = await writeDetailSheet(wb, l, detailPages(db, scope), (done) => request.onProgress?.(done, Math.max(done, total)), signal);
  await wb.commit();

  signal?.throwIfAborted();
  const partial = `${outFile}.partial`;
  try {
    await pipeline(await addCharts(Buffer.concat(chunks), charts), fs.createWriteStream(partial), { signal });
    fs.renameSync(partial, outFile);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return { opportunities };
}

async function displayNames(db: Database, ids: readonly number[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.read((q) => q.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...ids]).execute());
  const byId = new Map(rows.map((r) => [r.id, r.display_name]));
  return ids.map((id) => byId.get(id) ?? `#${id}`);
}
