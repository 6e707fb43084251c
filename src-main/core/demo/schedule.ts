import type { OfficeSettings } from '../../../src-shared/contract/office';
import { type Status, statuses } from '../../../src-shared/contract/registrations';
import { duringOfficeHours } from './calendar';
import { CustomerFactory, type DemoCustomer } from './customers';
import { DAY_MS, forcedStartDaysAgo, lifecycle, type Timeline } from './lifecycle';
import type { Random } from './random';

/** The span of the demo's history. */
const HISTORY_DAYS = 540;

export interface ScheduledDeal extends Timeline {
  customer: DemoCustomer;
  /** Index into the salespeople and reviewers the generator creates. */
  owner: number;
  reviewer: number;
  /** Seeds the deal's details (form, follow-ups, history), drawn when it is written. */
  seed: number;
  fromPool: boolean;
  /** The colleague's deal this one was registered against with a justification (撞单), if any. */
  rivalOf: ScheduledDeal | null;
}

export interface Staff {
  salespeople: number;
  reviewers: number;
}

const claimsAtNow = (t: Timeline) => t.freeFrom === Infinity && t.status !== 'draft';

/**
 * Lays out `count` opportunities over the past 18 months, customer by customer: each customer's deals
 * follow one another (a new one only once the last no longer claims the customer), so the customer has
 * at most one active protection at any time, the way the app enforces it. Busy months are the recent
 * ones. The first few customers get one deal of each status, so every status is present even in a
 * small demo.
 */
export function scheduleDeals(rng: Random, count: number, now: number, settings: OfficeSettings, staff: Staff): ScheduledDeal[] {
  const customers = new CustomerFactory(rng.fork());
  const owners = new OwnerPicker(rng.fork(), staff.salespeople, settings.maxActiveProtections);
  const deals: ScheduledDeal[] = [];
  const wanted: Status[] = count >= statuses.length ? [...statuses] : [];
  const make = (customer: DemoCustomer, t: Timeline, owner: number, extra: Partial<ScheduledDeal> = {}): ScheduledDeal => {
    const deal = { ...t, customer, owner, reviewer: rng.int(0, staff.reviewers - 1), seed: rng.int(0, 2 ** 31), fromPool: false, rivalOf: null, ...extra };
    deals.push(deal);
    return deal;
  };

  while (deals.length < count) {
    const customer = customers.next();
    const forced = wanted.shift();
    // Denser towards now: the office has grown.
    let start = forced
      ? now - forcedStartDaysAgo[forced] * DAY_MS
      : Math.min(now, duringOfficeHours(rng, now - HISTORY_DAYS * DAY_MS * (1 - Math.sqrt(rng.next()))));
    let owner = owners.any();
    let fromPool = false;
    for (;;) {
      const t = lifecycle(rng, start, now, settings, forced);
      if (t.status === 'approved') owner = owners.withRoom(owner);
      const deal = make(customer, t, owner, { fromPool });
      if (t.status === 'approved') owners.protect(owner);
      if (deals.length < count) rivalClaim(rng, deal, now, owners, make);
      if (deals.length >= count || !Number.isFinite(t.freeFrom) || forced || rng.chance(0.4)) break;
      // The next deal of this customer: after a win the owner keeps the relationship; an expired
      // customer is claimed from the public pool, by its former owner only after the cool-down.
      fromPool = t.status === 'expired';
      const sameOwner = t.status === 'won' || (t.status !== 'expired' && rng.chance(0.5)) || (t.status === 'expired' && rng.chance(0.15));
      const wait = fromPool && sameOwner ? settings.cooldownDays + rng.between(1, 60) : rng.between(3, 120);
      start = duringOfficeHours(rng, t.freeFrom + wait * DAY_MS);
      if (start > now) break;
      if (!sameOwner) owner = owners.other(owner);
    }
  }
  return deals.sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * Now and then a colleague registers a customer someone already holds (撞单), with a justification:
 * still waiting for a reviewer if recent, otherwise rejected long ago.
 */
function rivalClaim(
  rng: Random,
  holder: ScheduledDeal,
  now: number,
  owners: OwnerPicker,
  make: (customer: DemoCustomer, t: Timeline, owner: number, extra: Partial<ScheduledDeal>) => ScheduledDeal,
): void {
  if (holder.approvedAt === null || !rng.chance(0.04)) return;
  const until = Math.min(holder.closedAt ?? now, now);
  const submittedAt = rng.between(holder.approvedAt, until);
  const decidedAt = submittedAt + rng.between(0.2, 3) * DAY_MS;
  const rival = owners.other(holder.owner);
  const base: Timeline = {
    status: 'submitted',
    createdAt: submittedAt,
    submittedAt,
    returnedAt: null,
    rejectedAt: null,
    approvedAt: null,
    outcome: 'stall',
    closedAt: null,
    protection: null,
    extensions: [],
    wonKeep: null,
    freeFrom: Infinity,
  };
  if (decidedAt > now) {
    if (claimsAtNow(holder)) make(holder.customer, base, rival, { rivalOf: holder });
    return;
  }
  make(holder.customer, { ...base, status: 'rejected', rejectedAt: decidedAt, freeFrom: decidedAt }, rival, { rivalOf: holder });
}

/**
 * Who owns a deal: some salespeople register more than others, and nobody holds more open
 * protections than the office allows (the cap approval enforces).
 */
class OwnerPicker {
  private readonly weights: (readonly [number, number])[];
  private readonly protections: number[];

  constructor(
    private readonly rng: Random,
    count: number,
    private readonly cap: number,
  ) {
    this.weights = Array.from({ length: count }, (_, i) => [i, rng.between(0.5, 1.5)] as const);
    this.protections = new Array<number>(count).fill(0);
  }

  any(): number {
    return this.rng.weighted(this.weights);
  }

  other(than: number): number {
    if (this.weights.length < 2) return than;
    for (;;) {
      const owner = this.any();
      if (owner !== than) return owner;
    }
  }

  withRoom(preferred: number): number {
    if ((this.protections[preferred] ?? 0) < this.cap) return preferred;
    const free = this.weights.filter(([i]) => (this.protections[i] ?? 0) < this.cap);
    if (free.length === 0) throw new Error('more open deals than the salespeople may hold: add salespeople');
    return this.rng.weighted(free);
  }

  protect(owner: number): void {
    this.protections[owner] = (this.protections[owner] ?? 0) + 1;
  }
}
