import type { OfficeSettings } from '../../../src-shared/contract/office';
import type { Status } from '../../../src-shared/contract/registrations';
import type { Random } from './random';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** An extension request of an open protection; `approved` is null while undecided. */
export interface ExtensionEvent {
  requestedAt: number;
  decidedAt: number | null;
  approved: boolean | null;
}

/**
 * What happened to one opportunity up to now, as instants (ms since the epoch): the status it has
 * now follows from these, the way the app's operations would have set it.
 */
export interface Timeline {
  status: Status;
  createdAt: number;
  /** The latest submission: a returned registration, edited and submitted again, carries the second. */
  submittedAt: number | null;
  /** A reviewer sent it back at this instant (it may have been resubmitted since). */
  returnedAt: number | null;
  rejectedAt: number | null;
  approvedAt: number | null;
  outcome: 'won' | 'lost' | 'stall';
  /** Won, lost, or released to the pool at expiry. */
  closedAt: number | null;
  /** The open protection from approval: its end after granted extensions, and how it ended. */
  protection: { endsAt: number; state: 'active' | 'released' | 'ended'; endedAt: number | null } | null;
  extensions: ExtensionEvent[];
  /** After a win the customer stays with its owner until `endsAt`. */
  wonKeep: { endsAt: number; active: boolean } | null;
  /** When the customer is free for someone else's deal; Infinity while this one still claims it. */
  freeFrom: number;
}

type Fate = 'draft' | 'rejected' | 'returned' | 'approve';

/** The choices that decide a lifecycle; drawn at random, or fixed to land on a wanted status. */
interface Plan {
  fate: Fate;
  reviewDays: number;
  resubmitDays: number;
  outcome: 'won' | 'lost' | 'stall';
  /** Days from approval to the win or loss. */
  outcomeDays: number;
  /** Chance of asking for each further extension while the deal is still open. */
  extensionChance: number;
}

function drawPlan(rng: Random, settings: OfficeSettings): Plan {
  const outcome = rng.weighted([
    ['won', 32],
    ['lost', 38],
    ['stall', 30],
  ] as const);
  // Most deals close within the protection; some need an extension or two first, or expire trying.
  const slow = outcome !== 'stall' && rng.chance(0.2);
  const base = settings.protectionDays;
  return {
    fate: rng.weighted([
      ['draft', 3],
      ['rejected', 6],
      ['returned', 5],
      ['approve', 86],
    ] as const),
    // Reviews take hours, sometimes days: a few registrations are always waiting.
    reviewDays: rng.chance(0.7) ? rng.between(0.05, 1) : rng.between(1, 5),
    resubmitDays: rng.between(0.5, 12),
    outcome,
    outcomeDays: slow ? rng.between(base + 2, base + settings.extensionDays * settings.maxExtensions) : rng.between(10, base - 5),
    extensionChance: slow ? 0.9 : outcome === 'stall' ? 0.35 : 0,
  };
}

/** A plan that ends in `wanted` when started at the instant the caller picks for it (see forcedStart). */
function forcedPlan(wanted: Status, drawn: Plan): Plan {
  const plan: Plan = { ...drawn, extensionChance: 0, reviewDays: 1, resubmitDays: 10, outcomeDays: 30 };
  if (wanted === 'draft' || wanted === 'rejected' || wanted === 'returned') return { ...plan, fate: wanted };
  return { ...plan, fate: 'approve', outcome: wanted === 'won' ? 'won' : wanted === 'lost' ? 'lost' : 'stall' };
}

/** Days before now at which a forced plan starts so that it lands on its status. */
export const forcedStartDaysAgo: Record<Status, number> = {
  draft: 2,
  submitted: 0.3,
  returned: 3,
  rejected: 10,
  approved: 20,
  won: 120,
  lost: 100,
  expired: 200,
};

const open = (t: Partial<Timeline>, base: Timeline): Timeline => ({ ...base, ...t, freeFrom: Infinity });

/**
 * Plays one opportunity from `start` (its first submission) to `now` under the office's rules:
 * review, return and resubmission, approval into a protection, extension requests, and then a win, a
 * loss or expiry into the public pool, whichever comes first; or it is still open.
 */
export function lifecycle(rng: Random, start: number, now: number, settings: OfficeSettings, wanted?: Status): Timeline {
  const drawn = drawPlan(rng, settings);
  const plan = wanted ? forcedPlan(wanted, drawn) : drawn;
  const createdAt = rng.chance(0.3) ? start - rng.between(0.02, 2) * DAY_MS : start;
  const base: Timeline = {
    status: 'submitted',
    createdAt: Math.min(createdAt, now),
    submittedAt: start,
    returnedAt: null,
    rejectedAt: null,
    approvedAt: null,
    outcome: plan.outcome,
    closedAt: null,
    protection: null,
    extensions: [],
    wonKeep: null,
    freeFrom: Infinity,
  };
  if (plan.fate === 'draft') return { ...base, status: 'draft', createdAt: start, submittedAt: null, freeFrom: start };

  let review = start + plan.reviewDays * DAY_MS;
  if (review > now) return open({}, base);
  if (plan.fate === 'rejected') return { ...base, status: 'rejected', rejectedAt: review, freeFrom: review };
  let submittedAt = start;
  let returnedAt: number | null = null;
  if (plan.fate === 'returned') {
    returnedAt = review;
    submittedAt = review + plan.resubmitDays * DAY_MS;
    if (submittedAt > now) return open({ status: 'returned', returnedAt }, base);
    review = submittedAt + plan.reviewDays * DAY_MS;
    if (review > now) return open({ submittedAt, returnedAt }, base);
  }
  return approvedLifecycle(rng, plan, { ...base, status: 'approved', submittedAt, returnedAt, approvedAt: review }, now, settings);
}

function approvedLifecycle(rng: Random, plan: Plan, base: Timeline, now: number, settings: OfficeSettings): Timeline {
  const approvedAt = base.approvedAt!;
  const target = plan.outcome === 'stall' ? Infinity : approvedAt + plan.outcomeDays * DAY_MS;
  let endsAt = approvedAt + settings.protectionDays * DAY_MS;
  const extensions: ExtensionEvent[] = [];
  while (target > endsAt && extensions.length < settings.maxExtensions && rng.chance(plan.extensionChance)) {
    const requestedAt = endsAt - rng.between(2, 10) * DAY_MS;
    if (requestedAt > now) break;
    const decidedAt = requestedAt + rng.between(0.2, 3) * DAY_MS;
    if (decidedAt > now) {
      extensions.push({ requestedAt, decidedAt: null, approved: null });
      break;
    }
    const approved = rng.chance(0.75);
    extensions.push({ requestedAt, decidedAt, approved });
    if (!approved) break;
    endsAt += settings.extensionDays * DAY_MS;
  }
  const withExtensions = { ...base, extensions };
  if (target <= endsAt) {
    if (target > now) return open({ protection: { endsAt, state: 'active', endedAt: null } }, withExtensions);
    const ended = { endsAt, state: 'ended' as const, endedAt: target };
    if (plan.outcome === 'lost') return { ...withExtensions, status: 'lost', closedAt: target, protection: ended, freeFrom: target };
    const keepEnds = target + settings.wonKeepDays * DAY_MS;
    return {
      ...withExtensions,
      status: 'won',
      closedAt: target,
      protection: ended,
      wonKeep: { endsAt: keepEnds, active: keepEnds > now },
      freeFrom: keepEnds,
    };
  }
  if (endsAt > now) return open({ protection: { endsAt, state: 'active', endedAt: null } }, withExtensions);
  // Expiry is noticed by whichever app runs its maintenance next: within hours.
  const releasedAt = Math.min(now, endsAt + rng.between(0, 0.5) * DAY_MS);
  return { ...withExtensions, status: 'expired', closedAt: releasedAt, protection: { endsAt, state: 'released', endedAt: releasedAt }, freeFrom: releasedAt };
}
