import ExcelJS from 'exceljs';
import fs from 'node:fs';
import type { OutputOf } from '../../src-shared/contract';
import { t } from './language';

type AuditEntry = OutputOf<'audit.list'>['items'][number];

/** Excel refuses longer cell text; an entity's before/after is far shorter in practice. */
const MAX_CELL = 32_767;

const json = (value: unknown): string => (value === null || value === undefined ? '' : JSON.stringify(value).slice(0, MAX_CELL));

/**
 * Excel dates have no time zone and exceljs writes a Date's UTC fields: shifting by this PC's offset
 * makes the cell show the local time at which the change happened, as the app's screens do.
 */
const localWallClock = (iso: string): Date => {
  const instant = new Date(iso);
  return new Date(instant.getTime() - instant.getTimezoneOffset() * 60_000);
};

/**
 * A streaming audit-log sheet: rows are written as the pages arrive, with a frozen header and a filter.
 * `abort` closes the file so that the caller can remove it.
 */
export function auditWorkbook(file: string) {
  const stream = fs.createWriteStream(file);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(t('cli.audit.sheet'), { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = [
    { header: t('cli.audit.col.id'), key: 'id', width: 8 },
    { header: t('cli.audit.col.at'), key: 'at', width: 20, style: { numFmt: 'yyyy-mm-dd hh:mm:ss' } },
    { header: t('cli.audit.col.user'), key: 'user', width: 14 },
    { header: t('cli.audit.col.operation'), key: 'operation', width: 26 },
    { header: t('cli.audit.col.entity'), key: 'entity', width: 16 },
    { header: t('cli.audit.col.entityId'), key: 'entityId', width: 10 },
    { header: t('cli.audit.col.before'), key: 'before', width: 60 },
    { header: t('cli.audit.col.after'), key: 'after', width: 60 },
  ];
  sheet.getRow(1).font = { bold: true };
  let rows = 0;
  return {
    add(entry: AuditEntry): void {
      sheet
        .addRow({
          id: entry.id,
          at: localWallClock(entry.at),
          user: entry.userName ?? '',
          operation: entry.operation,
          entity: entry.entity,
          entityId: entry.entityId,
          before: json(entry.before),
          after: json(entry.after),
        })
        .commit();
      rows++;
    },
    async finish(): Promise<number> {
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows + 1, column: 8 } };
      sheet.commit();
      await workbook.commit();
      return rows;
    },
    abort(): Promise<void> {
      if (stream.closed) return Promise.resolve();
      return new Promise((resolve) => {
        stream.once('close', () => resolve());
        stream.destroy();
      });
    },
  };
}
