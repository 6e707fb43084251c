import { defaultOfficeSettings } from '../src-shared/contract/office';
import type { ConflictProbe, Status } from '../src-shared/contract/registrations';
import { parseCompanyName } from '../src-shared/domain';
import type { Database } from '../src-main/core/db/database';
import { CustomerFactory, type DemoCustomer } from '../src-main/core/demo/customers';
import { DAY_MS, forcedStartDaysAgo, lifecycle } from '../src-main/core/demo/lifecycle';
import type { Random } from '../src-main/core/demo/random';
import { DealWriter, type WrittenIds } from '../src-main/core/demo/rows';
import type { ScheduledDeal } from '../src-main/core/demo/schedule';

/** Open registrations as an office has them: mostly approved and protected, some waiting, a few returned. */
const activeMix: readonly (readonly [Status, number])[] = [
  ['approved', 70],
  ['submitted', 25],
  ['returned', 5],
];
/** Enough owners that nobody reaches the office's cap on open protections at 100,000. */
const OWNERS = 400;
const REVIEWERS = 20;
const PER_TRANSACTION = 5_000;

/**
 * A database of active registrations (everything in the conflict index) that grows in steps, made
 * with the demo generator's customers, lifecycles and writer, so the probe meets realistic names,
 * contacts, protections and index rows. Each customer is registered once.
 */
export class ActiveRegistrations {
  readonly customers: DemoCustomer[] = [];
  private readonly factory: CustomerFactory;
  private readonly ids: WrittenIds = { customers: new Map(), deals: new Map() };
  private users: { salespeople: number[]; reviewers: number[] } | null = null;

  constructor(
    private readonly db: Database,
    private readonly rng: Random,
    private readonly now: number,
  ) {
    this.factory = new CustomerFactory(rng.fork());
  }

  get count(): number {
    return this.customers.length;
  }

  /** Adds registrations of new customers until there are `total`. */
  async growTo(total: number): Promise<void> {
    const users = this.users ?? (this.users = await this.createUsers());
    const { reminderDays, lostReasons } = defaultOfficeSettings;
    const context = { now: this.now, salespeople: users.salespeople, reviewers: users.reviewers, reminderDays, lostReasons };
    while (this.count < total) {
      const batch = Array.from({ length: Math.min(PER_TRANSACTION, total - this.count) }, () => this.deal());
      await this.db.write(['registrations'], async (_q, tx) => {
        const writer = new DealWriter(tx.raw, context, this.ids);
        batch.forEach((deal, i) => {
          if (i % 500 === 0) tx.heartbeat();
          writer.write(deal);
        });
      });
      this.customers.push(...batch.map((d) => d.customer));
    }
  }

  private deal(): ScheduledDeal {
    const customer = this.factory.next();
    const status = this.rng.weighted(activeMix);
    // Forced starts land each lifecycle on its status; a few hours' jitter spreads the instants.
    const start = this.now - forcedStartDaysAgo[status] * DAY_MS + this.rng.between(0, 0.2) * DAY_MS;
    const timeline = lifecycle(this.rng, start, this.now, defaultOfficeSettings, status);
    return {
      ...timeline,
      customer,
      owner: this.count % OWNERS,
      reviewer: this.rng.int(0, REVIEWERS - 1),
      seed: this.rng.int(0, 2 ** 31),
      fromPool: false,
      rivalOf: null,
    };
  }

  private createUsers() {
    return this.db.write(['users'], async (q) => {
      const insert = async (username: string, role: 'sales' | 'reviewer') => {
        const row = await q
          .insertInto('users')
          // Never signed in as: a fixed fake hash spares hundreds of scrypt runs.
          .values({ username, display_name: username, role, password_hash: 'bench-only', active: 1, created_at: 'x', updated_at: 'x' })
          .returning('id')
          .executeTakeFirstOrThrow();
        return row.id;
      };
      const salespeople: number[] = [];
      for (let i = 0; i < OWNERS; i++) salespeople.push(await insert(`owner${i}`, 'sales'));
      const reviewers: number[] = [];
      for (let i = 0; i < REVIEWERS; i++) reviewers.push(await insert(`checker${i}`, 'reviewer'));
      return { salespeople, reviewers };
    });
  }
}

export type Probe = Omit<ConflictProbe, 'excludeRegistrationId'>;

/**
 * What salespeople type into the form, against the customers on file: a registered customer's exact
 * name, the same without its region, a 字号 with one character wrong, the first characters of a
 * name (the live check fires while typing), and customers nobody has registered; half of them with a
 * phone, a registered contact's where the customer is known.
 */
export function probesFor(rng: Random, known: readonly DemoCustomer[], count: number): Probe[] {
  const strangers = new CustomerFactory(rng.fork());
  return Array.from({ length: count }, () => {
    const kind = rng.weighted([
      ['exact', 30],
      ['withoutRegion', 15],
      ['typo', 15],
      ['typing', 10],
      ['stranger', 30],
    ] as const);
    const customer = kind === 'stranger' ? strangers.next() : rng.pick(known);
    const withPhone = rng.chance(0.5);
    const phone = withPhone ? [rng.pick(customer.contacts).mobile] : [];
    return { customerName: nameFor(kind, customer.name, rng), customerKind: customer.kind, phones: phone };
  });
}

function nameFor(kind: 'exact' | 'withoutRegion' | 'typo' | 'typing' | 'stranger', name: string, rng: Random): string {
  const parsed = parseCompanyName(name);
  if (kind === 'withoutRegion' && parsed.distinctiveCore) return `${parsed.core}有限公司`;
  if (kind === 'typo' && parsed.distinctiveCore) {
    const at = name.indexOf(parsed.distinctiveCore) + rng.int(0, parsed.distinctiveCore.length - 1);
    return `${name.slice(0, at)}鑫${name.slice(at + 1)}`;
  }
  if (kind === 'typing') return name.slice(0, rng.int(3, Math.max(3, name.length - 2)));
  return name;
}
