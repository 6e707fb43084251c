import ExcelJS from 'exceljs';
import type { ImportFile } from '../../../src-shared/contract/import';
import { encodeGb18030 } from './gb18030';

/**
 * A small export in the seed's format (its Chinese headers, 联系方式 holding phones and emails), as a
 * Chinese office would make it in Excel, for import tests. Seen from the office's "today" 2026-03-02.
 */
export const seedHeaders = ['客户名称', '联系人', '联系方式', '需求描述', '采购预算', '预期成交时间', '跟进状态', '销售', '状态', '地区', '渠道', '产品'];

type Cell = string | number | Date | null;
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/** Each row says what it tests; the row number in the file is its index + 2. */
export const seedRows: { cells: Cell[]; note: string }[] = [
  { note: 'approved: protected from now', cells: ['深圳市星辰科技有限公司', '陈经理', '13812345678 / chen@xingchen-tech.cn', '采购 200 台办公电脑及三年上门维保服务', '120万', day('2026-06-30'), '需求确认', 'li', '已审核', '广东省深圳市', '老客户介绍', '办公设备'] },
  { note: 'submitted', cells: ['广州云帆贸易有限公司', '刘女士', '020-83456789', '为新仓库采购 50 台手持扫码终端及配套软件', 50000, day('2026-05-15'), '初步接触', 'wang', '待审核', '广东省广州市', '展会', '移动终端'] },
  { note: 'conflict with row 2: same customer, another owner', cells: ['星辰科技（深圳）有限公司', '周先生', '13900001111', '办公楼网络改造，需要交换机和无线覆盖方案', 80000, day('2026-07-01'), '报价', 'wang', '待审核', null, null, null] },
  { note: 'won within the keep period: kept for its owner', cells: ['北京长城机电有限公司', '王工', 'wang@changcheng-jd.com', '车间设备联网改造与数据采集平台建设项目', 300000, day('2025-11-20'), null, 'li', '赢单', '北京市', null, null] },
  { note: 'lost: history, no contact needed', cells: ['杭州西湖软件有限公司', null, null, null, null, day('2025-08-01'), null, 'wang', '输单', null, null, null] },
  { note: 'invalid: no customer', cells: [null, '张三', '13700000000', '采购一批会议室视频会议终端及安装调试', 1000, day('2026-05-01'), null, 'li', '待审核', null, null, null] },
  { note: 'invalid: not a phone', cells: ['成都天府物流有限公司', '郑经理', '12345', '物流园区监控系统升级改造，含存储扩容', 20000, day('2026-04-01'), null, 'li', '待审核', null, null, null] },
  { note: 'invalid: open row closing in the past', cells: ['武汉光谷电子有限公司', '冯经理', '13600001234', '生产线工控机更换及三年维护服务合同', 100000, day('2026-01-10'), null, 'wang', '已审核', null, null, null] },
  { note: 'returned: need too short for a submission', cells: ['南京钟山制药有限公司', '陈主任', '025-84561234', '买电脑', 60000, day('2026-09-01'), null, 'li', '待审核', null, null, null] },
  { note: 'owner that is no user', cells: ['西安古城文化传媒有限公司', '黄经理', '13512345678', '演播厅灯光音响系统整体采购与安装', 40000, day('2026-06-01'), null, '赵六', '待审核', null, null, null] },
  { note: 'expired: into the public pool', cells: ['重庆山城餐饮管理有限公司', '何老板', '13312345678', '门店收银系统更换，共 30 家门店', 30000, day('2024-01-15'), null, 'li', '已过期', null, null, null] },
  { note: 'a further opportunity of row 2: linked; awaits review while row 2 protects the customer', cells: ['深圳市星辰科技有限公司', '陈经理', '13812345678', '会议室改造：投影、音响和无线投屏设备采购', 90000, day('2026-08-31'), '初步接触', 'li', '已审核', null, null, null] },
];

/** The spreadsheet rows a CSV holds: dates as people type them, in three spellings. */
function csvCell(cell: Cell, index: number): string {
  if (cell === null) return '';
  if (cell instanceof Date) {
    const [y, m, d] = cell.toISOString().slice(0, 10).split('-');
    const spelling = index % 3;
    return spelling === 0 ? `${y}/${m}/${d}` : spelling === 1 ? `${y}-${m}-${d}` : `${y}年${Number(m)}月${Number(d)}日`;
  }
  return String(cell);
}

const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

export function seedCsvText(rows = seedRows.map((r) => r.cells), headers = seedHeaders): string {
  return [headers, ...rows.map((r, i) => r.map((c) => csvCell(c, i)))].map((r) => r.map(quote).join(',')).join('\r\n');
}

export function seedCsv(encoding: 'utf-8' | 'utf-8-bom' | 'gb18030', text = seedCsvText()): Buffer {
  if (encoding === 'gb18030') return encodeGb18030(text);
  const bytes = Buffer.from(text, 'utf8');
  return encoding === 'utf-8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes;
}

/** The same rows as a workbook written by exceljs: real date cells, budgets as numbers where they are. */
export async function seedXlsx(rows = seedRows.map((r) => r.cells), headers = seedHeaders): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('商机');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  sheet.getColumn(6).numFmt = 'yyyy-mm-dd';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const importFile = (name: string, bytes: Buffer): ImportFile => ({ name, data: bytes.toString('base64') });
