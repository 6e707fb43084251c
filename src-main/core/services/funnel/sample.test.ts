import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportMappingInput } from '../../../../src-shared/contract/import';
import { defaultFunnelSettings } from '../../../../src-shared/contract/funnel-settings';
import { crmSampleCsv as csvFile, skipWithoutCrmSample } from '../../testing/crm-sample';
import { oracleDeals, oracleSummary } from '../../testing/funnel-oracle';
import { ManualClock } from '../../testing/office';
import { type TestHost, makeTestHost } from '../../testing/test-host';

/**
 * The public sample of another CRM (../shared/data/crm-sales-opportunities), brought in by the import
 * with its remembered mapping (docs/import-maps), must give the figures its README publishes: 4,238
 * won and 2,473 lost, a win rate of 63.15 %, won value 10,005,534. The same figures are also counted
 * straight from the CSV here, and the report is checked against the plain recomputation.
 */

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const mappingFile = path.resolve(repo, 'docs/import-maps/crm-sales-opportunities.json');
const NOW = '2026-06-15T04:00:00.000Z';

let t: TestHost;

/** deal_stage, product and close_value of each row, by plain splitting: the file has no quoted commas. */
function csvDeals(): { stage: string; product: string; value: number }[] {
  const [header, ...lines] = fs.readFileSync(csvFile, 'utf8').trim().split(/\r?\n/);
  const columns = header!.split(',');
  const stage = columns.indexOf('deal_stage');
  const product = columns.indexOf('product');
  const value = columns.indexOf('close_value');
  return lines.map((line) => {
    const cells = line.split(',');
    return { stage: cells[stage]!, product: cells[product]!, value: Number(cells[value] || 0) };
  });
}

describe.skipIf(skipWithoutCrmSample('funnel sample'))('funnel of the public CRM sample, imported', () => {
  beforeAll(async () => {
    t = await makeTestHost({ clock: new ManualClock(new Date(NOW)) });
    const mapping = JSON.parse(fs.readFileSync(mappingFile, 'utf8')) as ImportMappingInput;
    const file = { name: 'sales_pipeline.csv', data: fs.readFileSync(csvFile).toString('base64') };
    const result = await t.call(t.admin, 'import.run', { file, mapping });
    expect(result.summary.byStatus).toMatchObject({ won: 4238, lost: 2473 });
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  });

  it('matches the published figures and a count straight from the file', async () => {
    const r = await t.call(t.admin, 'funnel.report', {});
    const rows = csvDeals();
    const won = rows.filter((d) => d.stage === 'Won');
    const lost = rows.filter((d) => d.stage === 'Lost');
    expect([won.length, lost.length]).toEqual([4238, 2473]);
    expect(r.summary.won).toEqual({ count: won.length, amount: won.reduce((a, d) => a + d.value, 0) });
    expect(r.summary.won.amount).toBe(10_005_534);
    expect(r.summary.lost.count).toBe(2473);
    expect(r.summary.winRate).toBeCloseTo(0.6315, 4);
    expect((r.summary.winRate! * 100).toFixed(2)).toBe('63.15');
    expect(r.bySalesperson.reduce((a, b) => a + b.won.count, 0)).toBe(4238);
    const wonByProduct = (product: string) => won.filter((d) => d.product === product).length;
    for (const p of r.byProductLine) expect([p.key, p.won.count]).toEqual([p.key, wonByProduct(String(p.key))]);
    expect(r.byProductLine.length).toBe(new Set(rows.map((d) => d.product)).size);
  });

  it('agrees with the plain recomputation, cycle times included', async () => {
    const r = await t.call(t.admin, 'funnel.report', {});
    const expected = oracleSummary(await oracleDeals(t.host.requireDb()), defaultFunnelSettings.stageProbabilities, defaultFunnelSettings.staleDays, NOW);
    expect(r.summary.opportunities).toBe(expected.opportunities);
    expect(r.summary.averageCycleDays.won).toBeCloseTo(expected.averageCycleDays.won!, 6);
    expect(r.summary.averageCycleDays.lost).toBeCloseTo(expected.averageCycleDays.lost!, 6);
    expect(r.summary.averageWonAmount).toBeCloseTo(expected.averageWonAmount!, 2);
  });
});
