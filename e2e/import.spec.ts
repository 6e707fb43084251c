import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { ADMIN, expect, signIn, test } from './fixtures';

/** A date some weeks ahead, as a Chinese spreadsheet writes it: open deals must close in the future. */
function weeksAhead(weeks: number): string {
  const d = new Date(Date.now() + weeks * 7 * 86_400_000);
  return `${d.getFullYear()}/${d.getMonth() + 1}/${d.getDate()}`;
}

/** A small export in the seed's format, saved by Excel as UTF-8 with BOM. */
function seedFile(dir: string): string {
  const rows = [
    ['客户名称', '联系人', '联系方式', '需求描述', '采购预算', '预期成交时间', '销售', '状态'],
    ['深圳市星辰科技有限公司', '陈经理', '13812345678 / chen@xingchen-tech.cn', '采购 200 台办公电脑及三年上门维保服务', '120万', weeksAhead(8), '李雷', '待审核'],
    ['星辰科技（深圳）有限公司', '周先生', '13900001111', '办公楼网络改造，需要交换机和无线覆盖方案', '80000', weeksAhead(10), 'admin', '待审核'],
    ['', '张三', '13700000000', '采购一批会议室视频会议终端及安装调试', '1000', weeksAhead(6), '李雷', '待审核'],
    ['北京长城机电有限公司', '王工', 'wang@changcheng-jd.com', '车间设备联网改造与数据采集平台建设项目', '300000', '2025/11/20', '李雷', '赢单'],
  ];
  const file = path.join(dir, '商机.csv');
  fs.writeFileSync(file, `\ufeff${rows.map((r) => r.join(',')).join('\r\n')}\r\n`);
  return file;
}

test('an admin imports a small file through the settings page: preview, dry run, confirm, problem list', async ({ host, page }) => {
  host.cli(['user', 'add', '--db', host.dbFile, '--as', ADMIN.username, '--name', 'li', '--role', 'sales', '--display-name', '李雷'], {
    BAOBEI_PASSWORD: ADMIN.password,
    BAOBEI_NEW_PASSWORD: 'li-pass-2026',
  });
  await signIn(page, host.url, ADMIN.username, ADMIN.password);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('import-file').locator('input[type=file]').setInputFiles(seedFile(host.dir));

  // The preview: the seed's headers recognized, the first rows shown.
  await expect(page.getByTestId('import-file-summary')).toContainText('4 行');
  // A scrolling table renders its header twice (one for measuring): the first is the visible one.
  await expect(page.getByTestId('import-column-0').first()).toContainText('客户名称');
  await expect(page.getByTestId('import-column-2').first()).toContainText('联系方式');
  await expect(page.getByTestId('import-preview-table')).toContainText('深圳市星辰科技有限公司');
  await expect(page.getByTestId('import-status-values-待审核')).toContainText('待审核');

  await page.getByTestId('import-dry-run').click();
  await expect(page.getByTestId('import-summary')).toHaveText('试导入（未写入）：共 4 行，可导入 2 行，无效 1 行，撞单 1 行');
  await page.getByTestId('import-filter').getByText('无效 1').click();
  await expect(page.getByTestId('import-results')).toContainText('客户名称：必填');
  await expect(page.getByTestId('import-result-4')).toHaveAttribute('data-status', 'invalid');
  await expect(page.getByTestId('import-result-2')).toHaveCount(0);

  await page.getByTestId('import-confirm').click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByTestId('import-summary')).toHaveText('已导入：共 4 行，导入 2 行，无效 1 行，撞单 1 行');

  const download = page.waitForEvent('download');
  await page.getByTestId('import-error-report').click();
  expect((await download).suggestedFilename()).toBe('导入问题-商机.xlsx');

  const db = new BetterSqlite3(host.dbFile, { readonly: true });
  try {
    const rows = db.prepare('SELECT customer_name, status FROM registrations ORDER BY id').all();
    expect(rows).toEqual([
      { customer_name: '深圳市星辰科技有限公司', status: 'submitted' },
      { customer_name: '北京长城机电有限公司', status: 'won' },
    ]);
  } finally {
    db.close();
  }
});
