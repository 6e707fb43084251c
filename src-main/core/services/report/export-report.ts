import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { SessionUser } from '../../../../src-shared/contract';
import type { FunnelReport } from '../../../../src-shared/contract/funnel';
import type { ReportFilters } from '../../../../src-shared/contract/report';
import type { Language } from '../../../../src-shared/contract/system';
import type { Clock } from '../../clock';
import type { Database } from '../../db/database';
import { writeChannelsSheet } from './channels-sheet';
import { type CohortFigures, cohortFunnels } from './cohorts';
import { writeConversionSheet } from './conversion-sheet';
import { countDetails, detailPages } from './detail-rows';
import { writeDetailSheet } from './detail-sheet';
import { writeFunnelSheet } from './funnel-sheet';
import { labelsFor } from './labels';
import { writeOverviewSheet } from './overview-sheet';
import { writeSalespeopleSheet } from './salespeople-sheet';
import type { OpportunityScope } from '../opportunities/scope';
import { reportScope } from './scope';
import { writeTrendSheet } from './trend-sheet';
import { watchWrites } from './write-failure';
import { addCharts } from './xlsx-charts/add-charts';
import type { SheetCharts } from './xlsx-charts/types';

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
  const scope = reportScope(user, filters);
  const generatedAt = request.clock.now().toISOString();

  const report = await request.funnelReport(filters);
  signal?.throwIfAborted();
  const monthly = await cohortFunnels(db, user, filters, report);
  const total = await countDetails(db, scope);
  request.onProgress?.(0, total);
  const ownerNames = await displayNames(db, filters.ownerIds ?? []);

  // The streaming writer's zip goes to a temporary file: the chart step needs the whole zip, whose
  // directory sits at its end, and reads it back as one buffer (compressed, about a tenth of the XML).
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'baobei-xlsx-'));
  const sheetsFile = path.join(work, 'sheets.xlsx');
  const partial = `${outFile}.partial`;
  try {
    const { charts, opportunities } = await writeSheets(request, { report, monthly, total, ownerNames, generatedAt, scope }, sheetsFile);
    signal?.throwIfAborted();
    const withCharts = await addCharts(await fs.promises.readFile(sheetsFile), charts);
    await pipeline(withCharts, fs.createWriteStream(partial), { signal });
    fs.renameSync(partial, outFile);
    return { opportunities };
  } finally {
    fs.rmSync(partial, { force: true });
    fs.rmSync(work, { recursive: true, force: true });
  }
}

interface Figures {
  report: FunnelReport;
  monthly: CohortFigures[];
  total: number;
  ownerNames: string[];
  generatedAt: string;
  scope: OpportunityScope;
}

/** The seven sheets, in order, into `file`; the charts to add, sheet by sheet. */
async function writeSheets(request: ExportRequest, f: Figures, file: string): Promise<{ charts: SheetCharts[]; opportunities: number }> {
  const { db, user, filters, signal } = request;
  const l = labelsFor(request.language);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  wb.creator = user.displayName;
  wb.created = new Date(f.generatedAt);
  const writes = watchWrites(wb, signal);
  try {
    writeOverviewSheet(wb, l, f.report, { generatedAt: f.generatedAt, generatedBy: user.displayName, filters, ownerNames: f.ownerNames });
    const charts = [writeFunnelSheet(wb, l, f.report)];
    writeConversionSheet(wb, l, f.monthly);
    charts.push(writeSalespeopleSheet(wb, l, f.report, user));
    writeChannelsSheet(wb, l, f.report);
    charts.push(writeTrendSheet(wb, l, f.report));
    const onRows = (done: number) => request.onProgress?.(done, Math.max(done, f.total));
    const opportunities = await writeDetailSheet(wb, l, detailPages(db, f.scope), onRows, writes.signal);
    await Promise.race([wb.commit(), writes.failed]);
    return { charts, opportunities };
  } catch (e) {
    // A file that cannot be written fails the export with that error (its zip would never finish).
    if (writes.error() !== null) throw writes.error();
    // Finish the file all the same, so that it is closed and its folder can go (Windows keeps open files).
    await wb.commit().catch(() => {});
    throw e;
  }
}

async function displayNames(db: Database, ids: readonly number[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.read((q) => q.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...ids]).execute());
  const byId = new Map(rows.map((r) => [r.id, r.display_name]));
  return ids.map((id) => byId.get(id) ?? `#${id}`);
}
