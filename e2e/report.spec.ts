import BetterSqlite3 from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ADMIN, type WebHost, expect, signIn, test } from './fixtures';

const root = path.resolve(import.meta.dirname, '..');
const DEMO_PASSWORD = 'demo-pass-2026';

/** The demo generator's office in the host's database; returns its salespeople's usernames. */
function seedDemo(host: WebHost, opportunities: number): string[] {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'e2e/seed/demo-office.ts'), host.dbFile, String(opportunities), DEMO_PASSWORD], {
    cwd: root,
    encoding: 'utf8',
  });
  return (JSON.parse(out.trim().split('\n').at(-1) ?? '') as { users: { salespeople: string[] } }).users.salespeople;
}

/** Opportunities in the funnel (approved, won, lost, expired), counted straight from the file. */
function inFunnel(dbFile: string, ownerUsername?: string): number {
  const db = new BetterSqlite3(dbFile, { readonly: true });
  try {
    const owner = ownerUsername ? 'AND owner_id = (SELECT id FROM users WHERE username = ?)' : '';
    const row = db
      .prepare(`SELECT COUNT(*) AS n FROM registrations WHERE status IN ('approved', 'won', 'lost', 'expired') ${owner}`)
      .get(...(ownerUsername ? [ownerUsername] : [])) as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}

async function exportFromFunnelPage(page: import('@playwright/test').Page, dir: string): Promise<ExcelJS.Workbook> {
  await page.getByTestId('nav-funnel').click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('report-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^销售漏斗报表-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  await expect(page.getByText('报表已导出')).toBeVisible();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

test('exporting from the 漏斗 page downloads the funnel report; a salesperson gets only their own', async ({ host, page }) => {
  const salespeople = seedDemo(host, 120);

  await signIn(page, host.url, ADMIN.username, ADMIN.password);
  const team = await exportFromFunnelPage(page, host.dir);
  expect(team.worksheets.map((ws) => ws.name)).toEqual(['概览', '漏斗', '转化', '销售人员', '渠道与产品', '月度趋势', '商机明细']);
  expect(team.getWorksheet('商机明细')!.rowCount - 1).toBe(inFunnel(host.dbFile));
  expect(team.getWorksheet('概览')!.getCell('B4').value).toBe('团队全部商机');
  await page.getByTestId('signout').click();

  const salesperson = salespeople[0]!;
  await signIn(page, host.url, salesperson, DEMO_PASSWORD);
  const own = await exportFromFunnelPage(page, host.dir);
  expect(own.getWorksheet('商机明细')!.rowCount - 1).toBe(inFunnel(host.dbFile, salesperson));
  expect(own.getWorksheet('概览')!.getCell('B4').value).toBe('本人的商机');
});
