import ExcelJS from 'exceljs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeGb18030 } from '../../../testing/gb18030';
import { readImportFile } from './read-file';

const asFile = (bytes: Buffer, compression: 'none' | 'gzip' = 'none') => ({ data: bytes.toString('base64'), compression });
const read = (text: string) => readImportFile(asFile(Buffer.from(text, 'utf8')));
const texts = (table: Awaited<ReturnType<typeof readImportFile>>) => table.rows.map((r) => [r.number, ...r.cells]);

describe('reading CSV', () => {
  it('keeps separators, doubled quotes and line breaks inside quoted fields', async () => {
    const table = await read('客户名称,需求描述,联系方式\r\n"星辰科技, 深圳","采购""云桌面""\n含三年维保",13812345678\n');
    expect(table.headers).toEqual(['客户名称', '需求描述', '联系方式']);
    expect(texts(table)).toEqual([[2, '星辰科技, 深圳', '采购"云桌面"\n含三年维保', '13812345678']]);
  });

  it('numbers rows as a spreadsheet shows them, across blank lines and multi-line cells', async () => {
    const table = await read('\n客户名称,备注\n甲公司,"两\n行"\n\n乙公司,\n');
    expect(texts(table).map((r) => r.slice(0, 2))).toEqual([
      [3, '甲公司'],
      [5, '乙公司'],
    ]);
  });

  it('names blank and repeated headers so every column can be mapped, and pads short rows', async () => {
    const table = await read('电话,,电话\n1,2\n');
    expect(table.headers).toEqual(['电话', '[B]', '电话 (2)']);
    expect(texts(table)).toEqual([[2, '1', '2', null]]);
  });

  it('detects semicolons and tabs as separators', async () => {
    expect((await read('a;b\n1;2')).headers).toEqual(['a', 'b']);
    expect((await read('a\tb\n1\t2')).headers).toEqual(['a', 'b']);
  });

  it('decodes UTF-8 with and without BOM, UTF-16 and GB18030, and says which', async () => {
    const text = '客户名称,联系人\n深圳市星辰科技有限公司,陈经理\n';
    const cases: [Buffer, string][] = [
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8-bom'],
      [Buffer.from(text), 'utf-8'],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'utf-16le'],
      [encodeGb18030(text), 'gb18030'],
    ];
    for (const [bytes, encoding] of cases) {
      const table = await readImportFile(asFile(bytes));
      expect([table.encoding, table.headers[0], table.rows[0]?.cells[0]]).toEqual([encoding, '客户名称', '深圳市星辰科技有限公司']);
    }
  });

  it('takes a gzip-compressed upload', async () => {
    const table = await readImportFile(asFile(gzipSync(Buffer.from('客户名称\n甲公司\n')), 'gzip'));
    expect(texts(table)).toEqual([[2, '甲公司']]);
  });
});

describe('reading xlsx', () => {
  it('reads the first sheet with data: rich text as text, formulas as results, dates as dates', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('空');
    const sheet = workbook.addWorksheet('商机');
    sheet.addRow(['客户名称', '采购预算', '预期成交时间']);
    sheet.addRow([{ richText: [{ text: '星辰' }, { text: '科技' }] }, { formula: '2*60000', result: 120000 }, new Date(Date.UTC(2026, 5, 30))]);
    const table = await readImportFile(asFile(Buffer.from(await workbook.xlsx.writeBuffer())));
    expect([table.fileType, table.sheetName, table.headers]).toEqual(['xlsx', '商机', ['客户名称', '采购预算', '预期成交时间']]);
    expect(texts(table)).toEqual([[2, '星辰科技', 120000, new Date(Date.UTC(2026, 5, 30))]]);
  });

  it('refuses old .xls files and unreadable bytes with a plain reason', async () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(readImportFile(asFile(xls))).rejects.toMatchObject({ code: 'VALIDATION', key: 'import.v.legacyXls' });
    await expect(readImportFile(asFile(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])))).rejects.toMatchObject({ key: 'import.v.unreadableFile' });
    await expect(read('\n\n')).rejects.toMatchObject({ key: 'import.v.noHeader' });
  });
});
