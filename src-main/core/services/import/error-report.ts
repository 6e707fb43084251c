import ExcelJS from 'exceljs';
import type { ImportRowResult } from '../../../../src-shared/contract/import';
import type { Language } from '../../../../src-shared/contract/system';
import { translate } from '../../../../src-shared/i18n';
import type { Table } from './file/table';

/**
 * The rows that did not come in, as a workbook a person can fix and import again: row number, result
 * and problems first, then the file's own columns as they were. Dates stay real dates and numbers
 * numbers, so the corrected sheet reads back the same way.
 */
export async function errorReportWorkbook(table: Table, results: readonly ImportRowResult[], language: Language): Promise<Buffer> {
  const t = (key: string) => translate(language, key);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t('import.report.sheet'), { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  sheet.columns = [
    { header: t('import.report.row'), width: 8 },
    { header: t('import.report.result'), width: 10 },
    { header: t('import.report.problems'), width: 60 },
    ...table.headers.map((header) => ({ header, width: Math.min(40, Math.max(10, [...header].length * 2)) })),
  ];
  sheet.getRow(1).font = { bold: true };
  const cellsByRow = new Map(table.rows.map((row) => [row.number, row.cells]));
  for (const result of results) {
    if (result.status === 'created') continue;
    const problems = [...(result.errors ?? []), ...(result.conflicts ?? []).map((c) => ({ message: conflictText(c, language) }))]
      .map((issue) => ('field' in issue && issue.field ? `${t(`import.field.${issue.field}`)}：${issue.message}` : issue.message))
      .join('\n');
    const row = sheet.addRow([result.row, t(`import.result.${result.status}`), problems, ...(cellsByRow.get(result.row) ?? []).map((c) => (c === '' ? null : c))]);
    row.getCell(3).alignment = { wrapText: true, vertical: 'top' };
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** "#123 (第 5 行)": which registration a row conflicts with, and the row of this file it came from. */
function conflictText(c: NonNullable<ImportRowResult['conflicts']>[number], language: Language): string {
  return translate(language, c.row === undefined ? 'import.report.conflictWith' : 'import.report.conflictWithRow', {
    id: c.registrationId ?? '-',
    row: c.row ?? '-',
  });
}
