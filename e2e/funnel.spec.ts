import { ADMIN, expect, signIn, test } from './fixtures';

test('the dashboard draws its charts from demo data, and a click drills through to the list behind it', async ({ host, page }) => {
  host.cli(['demo', '--db', host.dbFile, '--opportunities', '300', '--seed', '7']);
  await signIn(page, host.url, ADMIN.username, ADMIN.password);
  await page.getByTestId('nav-funnel').click();

  for (const chart of ['funnel', 'conversion', 'trend', 'leaderboard', 'lost', 'forecast']) {
    await expect(page.getByTestId(`funnel-chart-${chart}`).locator('canvas')).toHaveCount(1);
  }
  const opportunities = page.getByTestId('funnel-kpi-opportunities').locator('.ant-statistic-content-value');
  await expect(opportunities).not.toHaveText('0');
  const total = Number(await opportunities.innerText());
  expect(total).toBeGreaterThan(100);

  // A headline figure opens exactly the opportunities it counts.
  await page.getByTestId('funnel-kpi-opportunities').click();
  const drawer = page.getByRole('dialog');
  await expect(drawer).toContainText(`明细：商机数（${total} 条）`);
  await expect(page.getByTestId('funnel-drill-table').locator('tbody tr.ant-table-row')).toHaveCount(50);
  await drawer.getByRole('button', { name: '关闭' }).click();
  await expect(drawer).toBeHidden();

  // The top of the funnel (初步接触: every opportunity reached it) drills to the list behind it.
  const funnel = page.getByTestId('funnel-chart-funnel');
  const box = await funnel.boundingBox();
  if (!box) throw new Error('the funnel chart has no box');
  await page.mouse.click(box.x + box.width / 2, box.y + 80);
  await expect(drawer).toContainText('明细：初步接触');
  await expect(page.getByTestId('funnel-drill-table').locator('tbody tr.ant-table-row').first()).toBeVisible();
});
