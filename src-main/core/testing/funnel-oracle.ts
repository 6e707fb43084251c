import type { StaleDays, StageProbabilities } from '../../../src-shared/contract/funnel-settings';
import { type Stage, stages } from '../../../src-shared/contract/registrations';
import type { Database } from '../db/database';

/**
 * The funnel recomputed the plain way, for tests: every opportunity read from the tables as the
 * services wrote them (registrations, stage_history, close_date_changes, follow_ups) and every figure
 * a loop over them. It uses none of the funnel's SQL, none of the columns the triggers maintain
 * (stage_reached, days_in_*, close_date_*, last_activity_at) and none of src-shared/domain/funnel, so
 * a report that agrees with it agrees by two independent routes.
 */

const DAY = 86_400_000;
const rank = (stage: string) => stages.indexOf(stage as Stage);

export interface OracleDeal {
  id: number;
  ownerId: number;
  status: 'approved' | 'won' | 'lost' | 'expired';
  stage: Stage;
  channel: string | null;
  productLine: string | null;
  region: string | null;
  enteredAt: string;
  closedAt: string | null;
  expectedCloseDate: string | null;
  budget: number;
  /** Won: the final amount (the budget when none); otherwise the budget. In yuan. */
  amount: number;
  lostReason: string | null;
  reached: number;
  lastActivity: string;
  /** Ended time per open stage, summed over the deal's stints; undefined when none ended. */
  daysIn: (number | undefined)[];
  moves: number;
  slips: number;
  slipDays: number;
}

interface Raw {
  id: number;
  owner_id: number;
  status: string;
  stage: string;
  source_channel: string | null;
  product_line: string | null;
  region: string | null;
  approved_at: string | null;
  created_at: string;
  closed_at: string | null;
  expected_close_date: string | null;
  budget_fen: number | null;
  final_amount_fen: number | null;
  lost_reason: string | null;
}

/** Every opportunity in the funnel (approved, won, lost, expired), with what its history says. */
export async function oracleDeals(db: Database): Promise<OracleDeal[]> {
  return db.read(async (_q, tx) => {
    const regs = tx.raw
      .prepare(
        `SELECT id, owner_id, status, stage, source_channel, product_line, region, approved_at, created_at, closed_at,
                expected_close_date, budget_fen, final_amount_fen, lost_reason
         FROM registrations WHERE status IN ('approved', 'won', 'lost', 'expired')`,
      )
      .all() as Raw[];
    const history = tx.raw.prepare('SELECT registration_id AS r, to_stage AS stage, changed_at AS at FROM stage_history ORDER BY id').all() as {
      r: number;
      stage: string;
      at: string;
    }[];
    const dates = tx.raw.prepare('SELECT registration_id AS r, from_date AS f, to_date AS t FROM close_date_changes').all() as { r: number; f: string | null; t: string }[];
    const followUps = tx.raw.prepare('SELECT registration_id AS r, MAX(happened_at) AS at FROM follow_ups GROUP BY registration_id').all() as {
      r: number;
      at: string;
    }[];
    const historyOf = new Map<number, { stage: string; at: string }[]>();
    for (const h of history) historyOf.set(h.r, [...(historyOf.get(h.r) ?? []), h]);
    const datesOf = new Map<number, { f: string | null; t: string }[]>();
    for (const d of dates) datesOf.set(d.r, [...(datesOf.get(d.r) ?? []), d]);
    const lastFollowUp = new Map(followUps.map((f) => [f.r, f.at]));

    return regs.map((r) => {
      const entries = historyOf.get(r.id) ?? [];
      let reached = Math.max(rank(r.stage), r.status === 'won' ? 3 : 0);
      for (const e of entries) reached = Math.max(reached, rank(e.stage));
      const daysIn: (number | undefined)[] = [undefined, undefined, undefined];
      entries.forEach((e, i) => {
        // A stint ends at the next stage change or at the close, whichever comes first; one still
        // running is not counted, nor one that starts after the close.
        const s = rank(e.stage);
        const next = entries[i + 1]?.at ?? null;
        const end = r.closed_at && (next === null || next > r.closed_at) ? r.closed_at : next;
        if (s > 2 || end === null || (r.closed_at && e.at > r.closed_at)) return;
        daysIn[s] = (daysIn[s] ?? 0) + Math.max(0, (Date.parse(end) - Date.parse(e.at)) / DAY);
      });
      let moves = 0;
      let slips = 0;
      let slipDays = 0;
      for (const d of datesOf.get(r.id) ?? []) {
        if (d.f === null) continue;
        moves++;
        if (d.t > d.f) {
          slips++;
          slipDays += (Date.parse(d.t) - Date.parse(d.f)) / DAY;
        }
      }
      const activity = [lastFollowUp.get(r.id), ...entries.map((e) => e.at)].filter((a): a is string => a !== undefined).sort();
      const budget = (r.budget_fen ?? 0) / 100;
      return {
        id: r.id,
        ownerId: r.owner_id,
        status: r.status as OracleDeal['status'],
        stage: r.stage as Stage,
        channel: r.source_channel,
        productLine: r.product_line,
        region: r.region,
        enteredAt: r.approved_at ?? r.created_at,
        closedAt: r.closed_at,
        expectedCloseDate: r.expected_close_date,
        budget,
        amount: r.status === 'won' ? (r.final_amount_fen ?? r.budget_fen ?? 0) / 100 : budget,
        lostReason: r.lost_reason,
        reached,
        lastActivity: activity.at(-1) ?? r.approved_at ?? r.created_at,
        daysIn,
        moves,
        slips,
        slipDays,
      };
    });
  });
}

export const isStale = (d: OracleDeal, staleDays: StaleDays, nowIso: string) => {
  const days = d.stage === 'contract_signed' ? staleDays.quotation : staleDays[d.stage];
  return d.status === 'approved' && Date.parse(d.lastActivity) < Date.parse(nowIso) - days * DAY;
};

/** The calendar month of an instant on this PC. */
export const localMonth = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
};

const mean = (values: number[]) => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);
const total = (deals: OracleDeal[], of: (d: OracleDeal) => number) => deals.reduce((a, d) => a + of(d), 0);

/** The headline figures of some deals, each by a loop of its own. */
export function oracleSummary(deals: OracleDeal[], probabilities: StageProbabilities, staleDays: StaleDays, nowIso: string) {
  const of = (status: OracleDeal['status']) => deals.filter((d) => d.status === status);
  const [open, won, lost, expired] = [of('approved'), of('won'), of('lost'), of('expired')];
  const winRate = won.length + lost.length === 0 ? null : won.length / (won.length + lost.length);
  const averageWon = won.length === 0 ? null : total(won, (d) => d.amount) / won.length;
  const cycle = (list: OracleDeal[]) => mean(list.filter((d) => d.closedAt).map((d) => (Date.parse(d.closedAt!) - Date.parse(d.enteredAt)) / DAY));
  const wonCycle = cycle(won);
  return {
    opportunities: deals.length,
    open: { count: open.length, amount: total(open, (d) => d.amount) },
    won: { count: won.length, amount: total(won, (d) => d.amount) },
    lost: { count: lost.length, amount: total(lost, (d) => d.amount) },
    expired: { count: expired.length, amount: total(expired, (d) => d.amount) },
    winRate,
    weightedPipeline: total(open, (d) => (d.amount * probabilities[d.stage]) / 100),
    averageWonAmount: averageWon,
    averageCycleDays: { won: wonCycle, lost: cycle(lost) },
    velocityPerDay: winRate !== null && averageWon !== null && wonCycle ? (open.length * averageWon * winRate) / wonCycle : null,
    stale: deals.filter((d) => isStale(d, staleDays, nowIso)).length,
  };
}

export function oracleStages(deals: OracleDeal[], probabilities: StageProbabilities, staleDays: StaleDays, nowIso: string) {
  const reached = stages.map((_, i) => deals.filter((d) => d.reached >= i));
  return stages.map((stage, i) => {
    const open = deals.filter((d) => d.status === 'approved' && d.stage === stage);
    const spent = i < 3 ? deals.map((d) => d.daysIn[i]).filter((v): v is number => v !== undefined) : [];
    return {
      stage,
      open: { count: open.length, amount: total(open, (d) => d.amount) },
      weightedAmount: total(open, (d) => (d.amount * probabilities[stage]) / 100),
      reached: { count: reached[i]!.length, amount: total(reached[i]!, (d) => d.budget) },
      conversionFromPrevious: i === 0 || reached[i - 1]!.length === 0 ? null : reached[i]!.length / reached[i - 1]!.length,
      cumulativeConversion: reached[0]!.length === 0 ? null : reached[i]!.length / reached[0]!.length,
      averageDaysInStage: mean(spent),
      stale: open.filter((d) => isStale(d, staleDays, nowIso)).length,
    };
  });
}

export function oracleSlippage(deals: OracleDeal[]) {
  const moves = total(deals, (d) => d.moves);
  const slips = total(deals, (d) => d.slips);
  const slipDays = total(deals, (d) => d.slipDays);
  return {
    moves,
    slips,
    pullIns: moves - slips,
    slippedOpportunities: deals.filter((d) => d.slips > 0).length,
    averageSlipDays: slips === 0 ? null : slipDays / slips,
    totalSlipDays: slipDays,
  };
}

/** Count per value of `key`, as a plain object (null written "null"). */
export function countBy(deals: OracleDeal[], key: (d: OracleDeal) => string | number | null): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of deals) counts[String(key(d))] = (counts[String(key(d))] ?? 0) + 1;
  return counts;
}
