import type ExcelJS from 'exceljs';
import { once } from 'node:events';
import { excelDate, excelDateTime } from './cell-formats';
import type { DetailRow } from './detail-rows';
import type { Labels } from './labels';
import { type TableColumn, addReportSheet, fitColumns, writeHeader, writeRow } from './sheet-table';

/** Every field of an opportunity, its owner, status and dates: the 商机明细 sheet's columns. */
export function detailColumns(l: Labels): TableColumn<DetailRow>[] {
  const yesNo = (v: boolean) => l.t(v ? 'report.yes' : 'report.no');
  return [
    { header: l.t('report.col.id'), kind: 'text', value: (r) => r.id },
    { header: l.t('report.col.customerName'), kind: 'text', value: (r) => r.customerName },
    { header: l.t('report.col.customerKind'), kind: 'text', value: (r) => l.code('customerKind', r.customerKind) },
    { header: l.t('report.col.contactPerson'), kind: 'text', value: (r) => r.contactPerson },
    { header: l.t('report.col.phones'), kind: 'text', value: (r) => r.phones },
    { header: l.t('report.col.email'), kind: 'text', value: (r) => r.email },
    { header: l.t('report.col.uscc'), kind: 'text', value: (r) => r.uscc },
    { header: l.t('report.col.region'), kind: 'text', value: (r) => r.region },
    { header: l.t('report.col.needDescription'), kind: 'text', value: (r) => r.needDescription },
    { header: l.t('report.col.budget'), kind: 'money', value: (r) => r.budget },
    { header: l.t('report.col.expectedCloseDate'), kind: 'date', value: (r) => excelDate(r.expectedCloseDate) },
    { header: l.t('report.col.stage'), kind: 'text', value: (r) => l.code('stage', r.stage) },
    { header: l.t('report.col.status'), kind: 'text', value: (r) => l.code('status', r.status) },
    { header: l.t('report.col.sourceChannel'), kind: 'text', value: (r) => r.sourceChannel },
    { header: l.t('report.col.productLine'), kind: 'text', value: (r) => r.productLine },
    { header: l.t('report.col.owner'), kind: 'text', value: (r) => r.ownerName },
    { header: l.t('report.col.fromPool'), kind: 'text', value: (r) => yesNo(r.fromPool) },
    { header: l.t('report.col.submittedAt'), kind: 'dateTime', value: (r) => excelDateTime(r.submittedAt) },
    { header: l.t('report.col.approvedAt'), kind: 'dateTime', value: (r) => excelDateTime(r.approvedAt) },
    { header: l.t('report.col.protectedUntil'), kind: 'dateTime', value: (r) => excelDateTime(r.protectedUntil) },
    { header: l.t('report.col.finalAmount'), kind: 'money', value: (r) => r.finalAmount },
    { header: l.t('report.col.closedAt'), kind: 'dateTime', value: (r) => excelDateTime(r.closedAt) },
    { header: l.t('report.col.lostReason'), kind: 'text', value: (r) => r.lostReason },
    { header: l.t('report.col.lastActivityAt'), kind: 'dateTime', value: (r) => excelDateTime(r.lastActivityAt) },
    { header: l.t('report.col.nextAction'), kind: 'text', value: (r) => r.nextAction },
    { header: l.t('report.col.nextDueDate'), kind: 'date', value: (r) => excelDate(r.nextDueDate) },
    { header: l.t('report.col.createdAt'), kind: 'dateTime', value: (r) => excelDateTime(r.createdAt) },
    { header: l.t('report.col.updatedAt'), kind: 'dateTime', value: (r) => excelDateTime(r.updatedAt) },
  ];
}

/**
 * Streams the opportunity list into its sheet a page at a time: each row is committed (written to
 * the zip) as soon as it is added, so memory holds one page, never the list. Column widths are fitted
 * to the first page, since they must be written before the first row.
 */
export async function writeDetailSheet(
  wb: ExcelJS.Workbook,
  l: Labels,
  pages: AsyncIterable<DetailRow[]>,
  onRows: (written: number) => void,
  signal?: AbortSignal,
): Promise<number> {
  const ws = addReportSheet(wb, l.t('report.sheet.details'));
  const columns = detailColumns(l);
  let written = 0;
  let started = false;
  for await (const page of pages) {
    signal?.throwIfAborted();
    if (!started) {
      fitColumns(ws, columns, page);
      writeHeader(ws, columns.map((c) => c.header));
      started = true;
    }
    for (const record of page) writeRow(ws, columns, record).commit();
    written += page.length;
    onRows(written);
    // Lets the zip compress what was written before the next page is read, so rows never pile up.
    await zipTakesIn(ws, signal);
  }
  if (!started) {
    fitColumns(ws, columns, []);
    writeHeader(ws, columns.map((c) => c.header));
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: written + 1, column: columns.length } };
  ws.commit();
  return written;
}

/** The parts of exceljs' streaming sheet that say how much of its XML the zip has yet to take in. */
interface SheetStream {
  stream?: { pipes?: { _writableState?: { needDrain?: boolean; length?: number } }[] };
}

/**
 * Resolves once the zip has taken in what the sheet has written. exceljs' sheet stream passes its
 * XML on to the zip entry without heeding backpressure, and the entry is compressed a chunk per turn
 * of the event loop: written page after page with a single turn between them, the rows pile up
 * uncompressed (the whole sheet, over 100 MB of XML for 100,000 opportunities) until the workbook is
 * committed. Waiting for the entry to drain keeps one page in memory. Where the entry is not there to
 * ask (another exceljs), one turn of the loop as before. Rejects when `signal` aborts meanwhile.
 */
export function zipTakesIn(ws: ExcelJS.Worksheet, signal?: AbortSignal): Promise<unknown> {
  const entry = (ws as unknown as SheetStream).stream?.pipes?.[0];
  if (entry?._writableState?.needDrain) return once(entry as unknown as NodeJS.EventEmitter, 'drain', signal ? { signal } : {});
  return new Promise((resolve) => setImmediate(resolve));
}

/** What the zip has yet to take in of a sheet's XML, in bytes; null where exceljs does not say. */
export function zipBacklog(ws: ExcelJS.Worksheet): number | null {
  return (ws as unknown as SheetStream).stream?.pipes?.[0]?._writableState?.length ?? null;
}
