import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fs from 'node:fs';
import type { InputOf } from '../../../../src-shared/contract';
import type { ReportJob } from '../../../../src-shared/contract/report';
import { generateDemo } from '../../demo/generate';
import type { Caller } from '../../handler';
import { ManualClock } from '../../testing/office';
import { type TestHost, makeTestHost } from '../../testing/test-host';
import { relsPathOf, resolveTarget, sheetParts } from './xlsx-charts/package-parts';
import { attributesOf } from './xlsx-charts/xml';

export const DEMO_PASSWORD = 'demo-password';

/** A real database filled by the demo generator, behind the real dispatcher, with its admin signed in. */
export async function demoOffice(opportunities = 300): Promise<TestHost & { clock: ManualClock }> {
  const clock = new ManualClock(new Date('2026-11-20T02:00:00.000Z'));
  const t = await makeTestHost({ clock });
  await generateDemo(t.host.requireDb(), { opportunities, seed: 20261120, password: DEMO_PASSWORD });
  return { ...t, clock };
}

/** Runs an export through the operations the screen uses, to its end; returns the job and its file. */
export async function exportThrough(t: TestHost, caller: Caller, input: InputOf<'report.start'>): Promise<{ job: ReportJob; file: string }> {
  let job = await t.call(caller, 'report.start', input);
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 10));
    job = await t.call(caller, 'report.progress', { jobId: job.jobId });
  }
  const userId = t.host.sessions.userId(caller.sessionToken());
  return { job, file: t.host.reportJobs.get(job.jobId, userId!).file };
}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/**
 * A sheet's non-empty rows below its header as arrays of values, column A first, as wide as the
 * sheet, with null for an empty cell.
 */
export function dataRows(ws: ExcelJS.Worksheet, headerRow = 1): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  ws.eachRow((row, n) => {
    if (n <= headerRow) return;
    const values = row.values as ExcelJS.CellValue[];
    rows.push(Array.from({ length: ws.columnCount }, (_, i) => values[i + 1] ?? null));
  });
  return rows;
}

/**
 * The chart parts of each sheet, found the way Excel finds them: the sheet's <drawing r:id>, its
 * relationship to a drawing part, the drawing's graphic frames and their relationships to charts.
 */
export async function chartsBySheet(file: string): Promise<Map<string, string[]>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const text = async (name: string) => {
    const entry = zip.file(name);
    if (!entry) throw new Error(`the zip has no ${name}`);
    return entry.async('string');
  };
  const rels = async (part: string) =>
    [...(await text(relsPathOf(part))).matchAll(/<Relationship\b[^>]*>/g)].map((m) => attributesOf(m[0]));
  const result = new Map<string, string[]>();
  for (const [sheet, part] of sheetParts(await text('xl/workbook.xml'), await text('xl/_rels/workbook.xml.rels'))) {
    const drawingId = /<drawing r:id="([^"]+)"\/>/.exec(await text(part))?.[1];
    if (!drawingId) {
      result.set(sheet, []);
      continue;
    }
    const drawingTarget = (await rels(part)).find((r) => r.get('Id') === drawingId)?.get('Target');
    const drawing = resolveTarget(part, drawingTarget!);
    const chartIds = [...(await text(drawing)).matchAll(/<c:chart [^>]*r:id="([^"]+)"/g)].map((m) => m[1]);
    const drawingRels = await rels(drawing);
    result.set(
      sheet,
      await Promise.all(chartIds.map((id) => text(resolveTarget(drawing, drawingRels.find((r) => r.get('Id') === id)!.get('Target')!)))),
    );
  }
  return result;
}
