import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpportunityFilters } from '../../../../src-shared/contract/followups';
import { defaultFunnelSettings } from '../../../../src-shared/contract/funnel-settings';
import type { FunnelReport, FunnelSegment } from '../../../../src-shared/contract/funnel';
import { stages } from '../../../../src-shared/contract/registrations';
import { localDate } from '../../clock';
import { generateDemo } from '../../demo/generate';
import type { Caller } from '../../handler';
import { type OracleDeal, countBy, isStale, localMonth, oracleDeals, oracleSlippage, oracleStages, oracleSummary } from '../../testing/funnel-oracle';
import { ManualClock, errorOf, form } from '../../testing/office';
import { type TestHost, makeTestHost } from '../../testing/test-host';
import { dayStartIso } from '../opportunities/scope';

/**
 * Every figure of funnel.report against the plain recomputation of testing/funnel-oracle.ts, on the
 * demo office (the CLI's generator, 1,500 opportunities over 18 months) after some more moves made
 * through the operations themselves; and every drill-down against the figure it explains.
 */

const DEMO_ENDS = '2026-06-15T04:00:00.000Z';
const PASSWORD = 'demo-pass-123';
const { stageProbabilities: probabilities, staleDays } = defaultFunnelSettings;

let t: TestHost;
let reviewer: Caller;
let sales: Caller;
let salesId: number;
let deals: OracleDeal[];
/** When the reports are asked for: after the moves made on top of the demo. */
let now: string;

/** Numbers equal to the fen (amounts) or to 1e-9 (rates, days); everything else exactly. */
function expectNear(actual: unknown, expected: unknown, path = 'report'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Math.abs(actual - expected) > Math.max(0.0051, Math.abs(expected) * 1e-9)) throw new Error(`${path}: ${actual} ≠ ${expected}`);
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    expect(actual, path).toBeTypeOf('object');
    for (const [key, value] of Object.entries(expected)) expectNear((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
    return;
  }
  expect(actual, path).toEqual(expected);
}

const report = (caller: Caller, filters: OpportunityFilters = {}) => t.call(caller, 'funnel.report', { filters });
const entered = (period: { from: string; to: string }) => (d: OracleDeal) => d.enteredAt >= dayStartIso(period.from) && d.enteredAt < dayStartIso(period.to, 1);

/** The report's figures that do not depend on how the period is read, for a set of deals. */
function expectFigures(r: FunnelReport, cohort: OracleDeal[]) {
  expectNear(r.summary, oracleSummary(cohort, probabilities, staleDays, now), 'summary');
  expectNear(r.stages, oracleStages(cohort, probabilities, staleDays, now), 'stages');
  expectNear(r.slippage, oracleSlippage(cohort), 'slippage');
  const lost = cohort.filter((d) => d.status === 'lost');
  expect(Object.fromEntries(r.lostReasons.map((l) => [String(l.reason), l.count]))).toEqual(countBy(lost, (d) => d.lostReason));
  const byKey = (rows: FunnelReport['byChannel']) => Object.fromEntries(rows.map((b) => [String(b.key), b.opportunities]));
  expect(byKey(r.byChannel)).toEqual(countBy(cohort, (d) => d.channel));
  expect(byKey(r.byProductLine)).toEqual(countBy(cohort, (d) => d.productLine));
  expect(byKey(r.byRegion)).toEqual(countBy(cohort, (d) => d.region));
  const open = cohort.filter((d) => d.status === 'approved');
  const forecast = countBy(open, (d) => d.expectedCloseDate?.slice(0, 7) ?? null);
  expect(Object.fromEntries(r.forecast.map((f) => [String(f.month), f.count]))).toEqual(forecast);
  for (const f of r.forecast) {
    const inMonth = open.filter((d) => (d.expectedCloseDate?.slice(0, 7) ?? null) === f.month);
    expectNear(f.amount, inMonth.reduce((a, d) => a + d.amount, 0), `forecast ${f.month}`);
    expectNear(f.weightedAmount, inMonth.reduce((a, d) => a + (d.amount * probabilities[d.stage]) / 100, 0), `forecast ${f.month} weighted`);
  }
}

beforeAll(async () => {
  const clock = new ManualClock(new Date(DEMO_ENDS));
  t = await makeTestHost({ clock });
  await generateDemo(t.host.requireDb(), { opportunities: 1500, seed: 2026, password: PASSWORD, now: clock.now() });
  reviewer = await t.signIn('reviewer01', PASSWORD);
  sales = await t.signIn('sales001', PASSWORD);
  salesId = (await t.call(sales, 'auth.session', {})).user!.id;

  // More history, written by the operations: moves forward and back, wins, losses, slipped dates.
  const open = (await t.call(sales, 'opportunities.search', { statuses: ['approved'], sort: { by: 'enteredAt', direction: 'asc' }, limit: 40 })).items;
  for (const [i, o] of open.entries()) {
    let version = o.version;
    const move = async (stage: 'initial_contact' | 'needs_confirmed' | 'quotation') => {
      if (stage !== o.stage) version = (await t.call(sales, 'registrations.changeStage', { id: o.id, version, stage })).version;
    };
    clock.advanceDays(1 / 24);
    if (i % 5 === 0) await move('quotation');
    if (i % 5 === 1) await move('initial_contact');
    if (i % 4 === 0) version = (await t.call(sales, 'registrations.changeCloseDate', { id: o.id, version, expectedCloseDate: '2027-01-31' })).version;
    if (i % 6 === 2) await t.call(sales, 'followups.add', { registrationId: o.id, kind: 'visit', content: '上门拜访', nextAction: '回访', nextDueDate: '2026-06-20' });
    if (i % 7 === 3) await t.call(sales, 'registrations.markWon', { id: o.id, version, finalAmount: 88_000, wonDate: localDate(clock.now()) });
    if (i % 7 === 5) await t.call(sales, 'registrations.markLost', { id: o.id, version, reason: i % 2 ? '价格过高' : '需求变更', comment: '客户内部决定' });
  }
  // One with no channel, product or region, so "left empty" is a group of its own.
  const { registration } = await t.call(sales, 'registrations.submit', {
    fields: form({ customerName: '成都蜀锦文化传播有限公司', phones: ['13900009999'], email: 'x@shujin.cn', sourceChannel: '', productLine: '', region: '', expectedCloseDate: '2026-09-30' }),
  });
  await t.call(reviewer, 'registrations.approve', { id: registration.id });
  now = clock.now().toISOString();
  deals = await oracleDeals(t.host.requireDb());
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('funnel.report against a plain recomputation, on the demo office', () => {
  it('has the team figures: summary, stages, conversion, time in stage, slippage, losses, breakdowns, forecast', async () => {
    const r = await report(reviewer);
    expect(r.scope).toBe('team');
    expect(r.summary.opportunities).toBe(deals.length);
    expect(r.summary.won.count).toBeGreaterThan(100);
    expectFigures(r, deals);
    const owners = [...new Set(deals.map((d) => d.ownerId))];
    expect(r.bySalesperson.map((b) => b.key).sort()).toEqual(owners.sort());
    for (const row of r.bySalesperson) expectNear(row, oracleSummary(deals.filter((d) => d.ownerId === row.key), probabilities, staleDays, now), `owner ${row.key}`);
    const wonAmounts = r.bySalesperson.map((b) => b.won.amount);
    expect(wonAmounts).toEqual([...wonAmounts].sort((a, b) => b - a));
  });

  it('has the monthly trend: entered, won and lost by their own month', async () => {
    const r = await report(reviewer);
    const closed = (status: 'won' | 'lost') => countBy(deals.filter((d) => d.status === status), (d) => localMonth(d.closedAt!));
    const created = countBy(deals, (d) => localMonth(d.enteredAt));
    const nonZero = (key: 'created' | 'won' | 'lost') => Object.fromEntries(r.trend.filter((m) => m[key] > 0).map((m) => [m.month, m[key]]));
    expect(nonZero('created')).toEqual(created);
    expect(nonZero('won')).toEqual(closed('won'));
    expect(nonZero('lost')).toEqual(closed('lost'));
    const months = r.trend.map((m) => m.month);
    expect(months.length).toBe(new Set(months).size);
    for (const m of r.trend) {
      const wonThen = deals.filter((d) => d.status === 'won' && localMonth(d.closedAt!) === m.month);
      expectNear(m.wonAmount, wonThen.reduce((a, d) => a + d.amount, 0), `trend ${m.month}`);
    }
  });

  it('narrows to a period (the cohort that entered in it), a salesperson, a channel, or the empty channel', async () => {
    const period = { from: '2026-01-01', to: '2026-03-31' };
    const inPeriod = await report(reviewer, { period });
    const cohort = deals.filter(entered(period));
    expectFigures(inPeriod, cohort);
    expect(inPeriod.trend.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    const closedIn = (status: string, month: string) =>
      deals.filter((d) => d.status === status && d.closedAt! >= dayStartIso(period.from) && d.closedAt! < dayStartIso(period.to, 1) && localMonth(d.closedAt!) === month).length;
    for (const m of inPeriod.trend) expect([m.won, m.lost]).toEqual([closedIn('won', m.month), closedIn('lost', m.month)]);

    const owner = deals[0]!.ownerId;
    expectFigures(await report(reviewer, { ownerIds: [owner] }), deals.filter((d) => d.ownerId === owner));
    expectFigures(await report(reviewer, { channels: ['展会', null] }), deals.filter((d) => d.channel === '展会' || d.channel === null));
    expect((await report(reviewer, { channels: [null] })).summary.opportunities).toBe(1);
  });

  it('cuts a period as wide as the calendar to the months that hold data', async () => {
    const all = await report(reviewer);
    const wide = await report(reviewer, { period: { from: '0100-01-01', to: '9999-12-31' } });
    expect(wide.summary).toEqual(all.summary);
    expect(wide.trend).toEqual(all.trend);
    expect(all.trend.length).toBeLessThanOrEqual(120);
  });

  it("gives a salesperson their own figures, whatever the filters ask, and no leaderboard", async () => {
    const mine = await report(sales);
    expect(mine.scope).toBe('mine');
    expectFigures(mine, deals.filter((d) => d.ownerId === salesId));
    expect(mine.bySalesperson).toEqual([]);
    const other = deals.find((d) => d.ownerId !== salesId)!.ownerId;
    expect(await errorOf(report(sales, { ownerIds: [other] }))).toMatchObject({ code: 'FORBIDDEN', key: 'error.teamFigures' });
    expect(await errorOf(t.call(sales, 'funnel.drill', { segment: { kind: 'all' }, filters: { ownerIds: [other] } }))).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('funnel.drill', () => {
  /** Every id a segment drills to, paging through. */
  async function drilled(segment: FunnelSegment, filters: OpportunityFilters = {}, caller = reviewer): Promise<number[]> {
    const ids: number[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await t.call(caller, 'funnel.drill', { segment, filters, limit: 500, offset, sort: { by: 'enteredAt', direction: 'asc' } });
      ids.push(...page.items.map((i) => i.id));
      if (ids.length >= page.total) return ids.sort((a, b) => a - b);
    }
  }
  const idsOf = (list: OracleDeal[]) => list.map((d) => d.id).sort((a, b) => a - b);

  it('lists exactly the opportunities behind each part of the report', async () => {
    const r = await report(reviewer);
    expect(await drilled({ kind: 'all' })).toEqual(idsOf(deals));
    expect(await drilled({ kind: 'outcome', outcome: 'won' })).toEqual(idsOf(deals.filter((d) => d.status === 'won')));
    for (const [i, stage] of stages.entries()) {
      expect(await drilled({ kind: 'stage', stage, measure: 'reached' })).toEqual(idsOf(deals.filter((d) => d.reached >= i)));
      expect((await drilled({ kind: 'stage', stage, measure: 'open' })).length).toBe(r.stages[i]!.open.count);
      expect((await drilled({ kind: 'stage', stage, measure: 'stale' })).length).toBe(r.stages[i]!.stale);
    }
    expect(await drilled({ kind: 'stale' })).toEqual(idsOf(deals.filter((d) => isStale(d, staleDays, now))));
    expect(await drilled({ kind: 'slipped' })).toEqual(idsOf(deals.filter((d) => d.slips > 0)));
    for (const l of r.lostReasons) expect((await drilled({ kind: 'lostReason', reason: l.reason })).length).toBe(l.count);
    for (const f of r.forecast.slice(0, 4)) expect((await drilled({ kind: 'forecast', month: f.month })).length).toBe(f.count);
    for (const m of r.trend.slice(-4)) {
      expect((await drilled({ kind: 'trend', series: 'created', month: m.month })).length).toBe(m.created);
      expect((await drilled({ kind: 'trend', series: 'won', month: m.month })).length).toBe(m.won);
      expect((await drilled({ kind: 'trend', series: 'lost', month: m.month })).length).toBe(m.lost);
    }
  });

  it('drills within the filters, and a breakdown row by narrowing them', async () => {
    const period = { from: '2026-01-01', to: '2026-03-31' };
    const r = await report(reviewer, { period });
    expect((await drilled({ kind: 'outcome', outcome: 'lost' }, { period })).length).toBe(r.summary.lost.count);
    const top = r.bySalesperson[0]!;
    const rows = await drilled({ kind: 'outcome', outcome: 'won' }, { period, ownerIds: [top.key as number] });
    expect(rows.length).toBe(top.won.count);
    const mine = await drilled({ kind: 'all' }, {}, sales);
    expect(mine).toEqual(idsOf(deals.filter((d) => d.ownerId === salesId)));
  });
});
