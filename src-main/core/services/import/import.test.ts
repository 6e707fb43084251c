import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportFile, ImportMappingInput, ImportReport } from '../../../../src-shared/contract/import';
import { importFile, seedCsv, seedCsvText, seedRows, seedXlsx } from '../../testing/import-files';
import { errorOf, form, makeOffice, type Office } from '../../testing/office';

let o: Office | undefined;
afterEach(async () => {
  await o?.close();
  o = undefined;
});

/** Every table's rows, to prove that something wrote nothing. */
async function dump(office: Office): Promise<string> {
  return office.host.requireDb().read(async (_q, tx) => {
    const tables = tx.raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[];
    return JSON.stringify(tables.map(({ name }) => [name, tx.raw.prepare(`SELECT * FROM "${name}"`).all()]));
  });
}

const byRow = (report: ImportReport) => Object.fromEntries(report.rows.map((r) => [r.row, r]));
const outcome = (report: ImportReport) => report.rows.map((r) => [r.row, r.status, r.registrationStatus ?? null, (r.errors ?? []).map((e) => `${e.field}:${e.key}`)]);

/** What the seed file's rows become, by row number (the header is row 1). */
const expectedOutcome = [
  [2, 'created', 'approved', []],
  [3, 'created', 'submitted', []],
  [4, 'conflict', null, ['undefined:import.conflict.claimed']],
  [5, 'created', 'won', []],
  [6, 'created', 'lost', []],
  [7, 'invalid', null, ['customerName:v.required']],
  [8, 'invalid', null, ['contact:v.phone']],
  [9, 'invalid', null, ['expectedCloseDate:v.closeDatePast']],
  [10, 'created', 'returned', []],
  [11, 'created', 'submitted', []],
  [12, 'created', 'expired', []],
  [13, 'created', 'submitted', []],
];

const variants: { name: string; file: () => Promise<Buffer> | Buffer; fileType: 'csv' | 'xlsx'; encoding: string | null }[] = [
  { name: 'UTF-8 CSV with BOM', file: () => seedCsv('utf-8-bom'), fileType: 'csv', encoding: 'utf-8-bom' },
  { name: 'UTF-8 CSV without BOM', file: () => seedCsv('utf-8'), fileType: 'csv', encoding: 'utf-8' },
  { name: 'GB18030 CSV', file: () => seedCsv('gb18030'), fileType: 'csv', encoding: 'gb18030' },
  { name: 'xlsx written by exceljs', file: () => seedXlsx(), fileType: 'xlsx', encoding: null },
];

describe('import round trips', () => {
  it.each(variants)('reads the seed headers and values from a $name and imports every row as a dry run said', async ({ file, fileType, encoding }) => {
    o = await makeOffice();
    const upload = importFile(`商机.${fileType}`, await file());
    const preview = await o.call(o.admin, 'import.preview', { file: upload });
    expect(preview).toMatchObject({ fileType, encoding, rowCount: seedRows.length, remembered: false });
    expect(preview.mapping).toMatchObject({
      columns: { 客户名称: 'customerName', 联系方式: 'contact', 需求描述: 'needDescription', 采购预算: 'budget', 预期成交时间: 'expectedCloseDate', 跟进状态: 'stage', 销售: 'owner', 状态: 'status' },
      statusValues: { 已审核: { status: 'approved' }, 待审核: { status: 'submitted' }, 赢单: { status: 'won' }, 输单: { status: 'lost' }, 已过期: { status: 'expired' } },
      stageValues: { 需求确认: 'needs_confirmed', 初步接触: 'initial_contact', 报价: 'quotation' },
      dateFormat: 'ymd',
      unknownOwners: 'create',
    });
    expect(preview.sample[0]?.[0]).toBe('深圳市星辰科技有限公司');

    const dry = await o.call(o.admin, 'import.dryRun', { file: upload, mapping: preview.mapping });
    expect(outcome(dry)).toEqual(expectedOutcome);
    expect(dry.createdUsers).toEqual([{ username: '赵六', displayName: '赵六' }]);
    const real = await o.call(o.admin, 'import.run', { file: upload, mapping: preview.mapping });
    expect(outcome(real)).toEqual(expectedOutcome);

    const rows = byRow(real);
    // The same customer from another owner conflicts with the row that claimed it first.
    expect(rows[4]?.conflicts).toEqual([{ registrationId: rows[2]?.registrationId, row: 2, level: 'block', signals: ['name'] }]);
    expect(byRow(dry)[4]?.conflicts).toEqual([{ row: 2, level: 'block', signals: ['name'] }]);
    expect(rows[10]?.notes?.[0]?.message).toBe('已导入为“退回修改”，请销售补全：需求描述');
    expect(rows[13]?.notes?.map((n) => n.key)).toEqual(['import.note.linked', 'import.note.alreadyHeld']);

    const first = await o.call(o.admin, 'registrations.get', { id: rows[2]!.registrationId! });
    expect(first).toMatchObject({
      customerName: '深圳市星辰科技有限公司',
      contactPerson: '陈经理',
      phones: ['13812345678'],
      email: 'chen@xingchen-tech.cn',
      budget: 1_200_000,
      expectedCloseDate: '2026-06-30',
      stage: 'needs_confirmed',
      ownerName: '李雷',
      region: '广东省深圳市',
      sourceChannel: '老客户介绍',
      productLine: '办公设备',
      protectedUntil: '2026-05-31',
    });
    const won = await o.call(o.admin, 'registrations.get', { id: rows[5]!.registrationId! });
    expect(won).toMatchObject({ status: 'won', stage: 'contract_signed', finalAmount: 300_000, email: 'wang@changcheng-jd.com' });
    expect(won.closedAt?.slice(0, 10)).toBe(new Date(2025, 10, 20).toISOString().slice(0, 10));
  });
});

describe('what rows claim', () => {
  it('protects approved rows from now, keeps a recent win, sends an expired customer to the pool, and claims nothing for history', async () => {
    o = await makeOffice();
    const upload = importFile('商机.csv', seedCsv('utf-8'));
    const { mapping } = await o.call(o.admin, 'import.preview', { file: upload });
    const report = byRow(await o.call(o.admin, 'import.run', { file: upload, mapping }));
    const protections = await o.host.requireDb().read((q) => q.selectFrom('protections').select(['registration_id', 'kind', 'status', 'ends_at']).orderBy('id').execute());
    expect(protections).toEqual([
      { registration_id: report[2]?.registrationId, kind: 'open', status: 'active', ends_at: '2026-05-31T09:00:00.000Z' },
      { registration_id: report[5]?.registrationId, kind: 'won', status: 'active', ends_at: new Date(new Date(2025, 10, 20).getTime() + 365 * 86_400_000).toISOString() },
      { registration_id: report[12]?.registrationId, kind: 'open', status: 'released', ends_at: new Date(2024, 0, 15).toISOString() },
    ]);
    const pool = await o.call(o.wang, 'pool.list', {});
    expect(pool.items.map((i) => i.customerName)).toEqual(['重庆山城餐饮管理有限公司']);
    // A salesperson now meets the imported claims like any other registration's.
    const check = await o.call(o.wang, 'conflicts.check', { customerName: '北京长城机电有限公司' });
    expect(check.matches).toMatchObject([{ registrationId: report[5]?.registrationId, level: 'block', state: 'protected' }]);
    const lost = await o.call(o.wang, 'conflicts.check', { customerName: '杭州西湖软件有限公司' });
    expect(lost.matches).toEqual([]);
  });

  it('conflicts with registrations already in the database, and a second import of a file with ids finds every row imported', async () => {
    o = await makeOffice();
    const existing = await o.call(o.li, 'registrations.submit', {
      fields: form({ customerName: '广州云帆贸易有限公司', phones: ['13711112222'], email: 'liu@yunfan-trade.cn' }),
    });
    const text = seedCsvText(
      seedRows.slice(0, 3).map((r, i) => [`CRM-${i + 1}`, ...r.cells]),
      ['商机编号', '客户名称', '联系人', '联系方式', '需求描述', '采购预算', '预期成交时间', '跟进状态', '销售', '状态', '地区', '渠道', '产品'],
    );
    const upload = importFile('crm.csv', seedCsv('utf-8', text));
    const { mapping } = await o.call(o.admin, 'import.preview', { file: upload });
    expect(mapping.columns['商机编号']).toBe('externalId');
    const first = await o.call(o.admin, 'import.run', { file: upload, mapping });
    expect(first.rows.map((r) => r.status)).toEqual(['created', 'conflict', 'conflict']);
    // 广州云帆 is li's already: wang's row for it conflicts with li's registration.
    expect(first.rows[1]).toMatchObject({ status: 'conflict', conflicts: [{ registrationId: existing.registration.id }] });
    const again = await o.call(o.admin, 'import.dryRun', { file: upload, mapping });
    expect(again.rows.map((r) => [r.status, r.errors?.[0]?.key])).toEqual([
      ['conflict', 'import.conflict.externalId'],
      ['conflict', 'import.conflict.claimed'],
      ['conflict', 'import.conflict.claimed'],
    ]);
  });
});

describe('writing nothing', () => {
  it('a dry run leaves every table as it was', async () => {
    o = await makeOffice();
    const upload = importFile('商机.xlsx', await seedXlsx());
    const { mapping } = await o.call(o.admin, 'import.preview', { file: upload });
    const before = await dump(o);
    const dry = await o.call(o.admin, 'import.dryRun', { file: upload, mapping });
    expect(dry.summary).toMatchObject({ total: 12, created: 8, invalid: 3, conflict: 1 });
    expect(await dump(o)).toBe(before);
  });

  it('a fatal error halfway through writes nothing, not even the rows before it', async () => {
    o = await makeOffice();
    await o.host.requireDb().write([], async (_q, tx) => {
      tx.raw.exec(`CREATE TRIGGER boom BEFORE INSERT ON registrations WHEN NEW.customer_name = '杭州西湖软件有限公司' BEGIN SELECT RAISE(ABORT, 'disk gone'); END`);
    });
    const upload = importFile('商机.csv', seedCsv('gb18030'));
    const { mapping } = await o.call(o.admin, 'import.preview', { file: upload });
    const before = await dump(o);
    expect(await errorOf(o.call(o.admin, 'import.run', { file: upload, mapping }))).toMatchObject({ code: 'INTERNAL' });
    expect(await dump(o)).toBe(before);
  });
});

describe('who may import', () => {
  it('refuses salespeople every import operation through the dispatcher', async () => {
    o = await makeOffice();
    const file: ImportFile = importFile('商机.csv', seedCsv('utf-8'));
    const mapping: ImportMappingInput = { columns: { 客户名称: 'customerName' } };
    for (const call of [
      o.call(o.li, 'import.preview', { file }),
      o.call(o.li, 'import.dryRun', { file, mapping }),
      o.call(o.li, 'import.run', { file, mapping }),
      o.call(o.li, 'import.errorReport', { file, rows: [] }),
    ])
      expect(await errorOf(call)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets a reviewer import, but only an admin creates accounts for owners who are no users; those cannot sign in', async () => {
    o = await makeOffice();
    const upload = importFile('商机.csv', seedCsv('utf-8'));
    const preview = await o.call(o.zhao, 'import.preview', { file: upload });
    expect(preview.mapping.unknownOwners).toBe('invalid');
    const asReviewer = await o.call(o.zhao, 'import.dryRun', { file: upload, mapping: preview.mapping });
    expect(byRow(asReviewer)[11]).toMatchObject({ status: 'invalid', errors: [{ field: 'owner', key: 'import.v.ownerUnknown' }] });
    const create = { ...preview.mapping, unknownOwners: 'create' as const };
    expect(await errorOf(o.call(o.zhao, 'import.run', { file: upload, mapping: create }))).toMatchObject({ code: 'FORBIDDEN', key: 'import.createOwnersAdminOnly' });

    const mapped = await o.call(o.admin, 'import.run', { file: upload, mapping: { ...create, owners: { 赵六: { create: true, username: 'zhaoliu', displayName: '赵六' } } } });
    expect(mapped.createdUsers).toEqual([{ username: 'zhaoliu', displayName: '赵六' }]);
    const users = await o.call(o.admin, 'users.list', {});
    expect(users.find((u) => u.username === 'zhaoliu')).toMatchObject({ role: 'sales', active: false });
    expect(await errorOf(o.signIn('zhaoliu', 'none'))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('mapping', () => {
  it('remembers the mapping of a real run for files with the same headers in any order', async () => {
    o = await makeOffice();
    const upload = importFile('商机.csv', seedCsv('utf-8'));
    const { mapping } = await o.call(o.admin, 'import.preview', { file: upload });
    const changed = { ...mapping, columns: { ...mapping.columns, 产品: 'ignore' as const }, statusValues: { ...mapping.statusValues, 已过期: { status: 'lost' as const } } };
    await o.call(o.admin, 'import.dryRun', { file: upload, mapping: changed });
    expect((await o.call(o.admin, 'import.preview', { file: upload })).remembered).toBe(false);
    await o.call(o.admin, 'import.run', { file: upload, mapping: changed });

    const reordered = seedCsvText(seedRows.map((r) => [...r.cells].reverse()), ['产品', '渠道', '地区', '状态', '销售', '跟进状态', '预期成交时间', '采购预算', '需求描述', '联系方式', '联系人', '客户名称']);
    const next = await o.call(o.admin, 'import.preview', { file: importFile('下月.csv', seedCsv('utf-8', reordered)) });
    expect(next.remembered).toBe(true);
    expect(next.mapping.columns).toMatchObject({ 产品: 'ignore', 客户名称: 'customerName' });
    expect(next.mapping.statusValues['已过期']).toEqual({ status: 'lost' });
  });

  it('refuses a mapping without a customer column or with one field from two columns', async () => {
    o = await makeOffice();
    const file = importFile('商机.csv', seedCsv('utf-8'));
    expect(await errorOf(o.call(o.admin, 'import.dryRun', { file, mapping: { columns: { 联系人: 'contactPerson' } } }))).toMatchObject({ code: 'VALIDATION', key: 'import.v.customerColumn' });
    const twice = { columns: { 客户名称: 'customerName', 联系人: 'customerName' } } as const;
    expect(await errorOf(o.call(o.admin, 'import.dryRun', { file, mapping: twice }))).toMatchObject({ code: 'VALIDATION', key: 'import.v.fieldMappedTwice' });
  });
});

describe('error report and progress', () => {
  it('writes the invalid and conflicting rows beside their own cells into a workbook', async () => {
    o = await makeOffice();
    const upload = importFile('商机.csv', seedCsv('utf-8'));
    const { mapping } = await o.call(o.admin, 'import.preview', { file: upload });
    const dry = await o.call(o.admin, 'import.dryRun', { file: upload, mapping });
    const report = await o.call(o.admin, 'import.errorReport', { file: upload, rows: dry.rows });
    expect(report.fileName).toBe('导入问题-商机.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(report.data, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rows = sheet.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1, 5));
    expect(rows).toEqual([
      ['行号', '结果', '问题', '客户名称'],
      [4, '撞单', '该客户已被其他报备占用（撞单）\n与本文件第 2 行撞单', '星辰科技（深圳）有限公司'],
      [7, '无效', '客户名称：必填', undefined],
      [8, '无效', '联系方式（电话/邮箱）：联系电话格式不正确：请填写手机号码或带区号的固定电话', '成都天府物流有限公司'],
      [9, '无效', '预期成交时间：预期成交时间不能早于今天', '武汉光谷电子有限公司'],
    ]);
  });

  it('reports progress as events carrying the caller’s import id, ending at the total', async () => {
    o = await makeOffice();
    const events: { importId: string; done: number; total: number }[] = [];
    o.host.subscribe((name, payload) => {
      if (name === 'import.progress') events.push(payload as (typeof events)[number]);
    });
    const upload = importFile('商机.csv', seedCsv('utf-8'));
    const { mapping } = await o.call(o.admin, 'import.preview', { file: upload });
    await o.call(o.admin, 'import.dryRun', { file: upload, mapping, importId: 'tab-1' });
    expect(events.at(-1)).toEqual({ importId: 'tab-1', done: 12, total: 12 });
  });
});
