import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../../src-shared/contract';
import type { ReportFilters } from '../../../../src-shared/contract/report';
import type { Caller } from '../../handler';
import type { TestHost } from '../../testing/test-host';
import { cohortFunnels } from './cohorts';
import { cohortPeriods } from './months';
import { DEMO_PASSWORD, demoOffice } from './testing';

let t: TestHost;
const signedIn: { caller: Caller; user: SessionUser }[] = [];

beforeAll(async () => {
  t = await demoOffice(300);
  for (const caller of [t.admin, await t.signIn('sales002', DEMO_PASSWORD)]) {
    const { user } = await t.call(caller, 'auth.session', {});
    signedIn.push({ caller, user: user! });
  }
});
afterAll(() => t.close());

/** What the 转化 sheet shows of a cohort: entered, each stage's conversion, the cumulative one, the win rate. */
const shown = (r: { stages: { reached: { count: number }; conversionFromPrevious: number | null; cumulativeConversion: number | null }[]; summary: { winRate: number | null } }) => [
  r.stages[0]!.reached.count,
  ...r.stages.slice(1).map((s) => s.conversionFromPrevious),
  r.stages.at(-1)!.cumulativeConversion,
  r.summary.winRate,
];

describe('the 转化 sheet’s cohorts in one pass', () => {
  it('give each month what funnel.report gives for that month’s period, clipped to the filters, for the team and for one salesperson', async () => {
    const [admin, sales] = signedIn as [(typeof signedIn)[number], (typeof signedIn)[number]];
    const someone = (await t.call(admin.caller, 'funnel.report', { filters: {} })).bySalesperson[0]!.key as number;
    const cases: { who: (typeof signedIn)[number]; filters: ReportFilters }[] = [
      { who: admin, filters: {} },
      // A period starting and ending mid-month: the first and last cohorts are clipped to it.
      { who: admin, filters: { period: { from: '2026-02-14', to: '2026-09-09' } } },
      { who: admin, filters: { ownerIds: [someone] } },
      { who: sales, filters: {} },
    ];
    for (const { who, filters } of cases) {
      const report = await t.call(who.caller, 'funnel.report', { filters });
      const periods = cohortPeriods(report, filters);
      expect(periods.length).toBeGreaterThan(1);
      const cohorts = await cohortFunnels(t.host.requireDb(), who.user, filters, report);
      expect(cohorts.map((c) => c.month)).toEqual(periods.map((p) => p.month));
      for (const [i, p] of periods.entries()) {
        const month = await t.call(who.caller, 'funnel.report', { filters: { ...filters, period: p.period } });
        expect({ month: p.month, shown: shown(cohorts[i]!) }).toEqual({ month: p.month, shown: shown(month) });
        // Beyond what the sheet shows, the stages and summary are funnel.report's too.
        expect(cohorts[i]!.stages).toEqual(month.stages);
        expect(cohorts[i]!.summary).toEqual(month.summary);
      }
    }
  });
});
