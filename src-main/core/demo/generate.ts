import { type Status, statuses } from '../../../src-shared/contract/registrations';
import type { Database } from '../db/database';
import { AppError } from '../errors';
import { recordAudit } from '../services/audit/record';
import { readOfficeSettings } from '../services/office/settings';
import { insertUser } from '../services/users/handlers';
import { hashPassword } from '../services/users/passwords';
import { beijingDayStart } from './calendar';
import { personName } from './names';
import { type Random, seededRandom } from './random';
import { DealWriter, type WrittenIds } from './rows';
import { scheduleDeals, type Staff } from './schedule';

export interface DemoOptions {
  opportunities: number;
  seed: number;
  /** One password for every demo user: they exist to be signed in as. */
  password: string;
  /**
   * The instant the history ends at: by default 00:00 of today in Beijing on the database's clock, so
   * the same seed gives the same office all day.
   */
  now?: Date;
}

export interface DemoSummary {
  opportunities: number;
  customers: number;
  byStatus: Record<Status, number>;
  users: { admin: string | null; salespeople: string[]; reviewers: string[] };
  seed: number;
}

/** Deals per write transaction: about a second of work, so other PCs never wait long for the file. */
const DEALS_PER_TRANSACTION = 2_500;
/** Deals between heartbeats of the lease inside one transaction. */
const DEALS_PER_HEARTBEAT = 500;
export const maxDemoOpportunities = 1_000_000;

/** Enough salespeople that nobody exceeds the office's cap on open protections. */
function demoStaff(opportunities: number): Staff {
  // About a fifth of the deals are open at any time; 400 deals each keeps everyone well below the cap.
  const salespeople = Math.min(300, Math.max(6, Math.ceil(opportunities / 400)));
  return { salespeople, reviewers: Math.min(30, Math.max(2, Math.ceil(salespeople / 10))) };
}

/**
 * Fills an empty database with a realistic office: users, customers and `opportunities` registrations
 * over the past 18 months in every status and stage, with follow-ups, stage history, close-date
 * changes, protections (one active per customer at most), the public pool, extension requests and the
 * conflict index of the active ones. The same seed and `now` give the same data.
 *
 * Audit: one chained entry per write transaction ("demo.generate", with the id range it wrote), not
 * one per row. Every row was made by this command, not by a person, and the range says which; the
 * chain stays intact and verifiable, and a per-row entry would double what is written.
 */
export async function generateDemo(db: Database, options: DemoOptions): Promise<DemoSummary> {
  const { opportunities, seed } = options;
  if (!Number.isInteger(opportunities) || opportunities < 1 || opportunities > maxDemoOpportunities) {
    throw new AppError('VALIDATION', 'error.VALIDATION', undefined, [{ path: ['opportunities'], key: 'v.range' }]);
  }
  const now = options.now?.getTime() ?? beijingDayStart(db.clock.now().getTime());
  const nowIso = new Date(now).toISOString();
  const rng = seededRandom(seed);
  const staff = demoStaff(opportunities);
  const settings = (await db.read((q) => readOfficeSettings(q))).settings;
  // Planned before anything is written, so a plan that cannot work leaves the database untouched.
  const userRng = rng.fork();
  const deals = scheduleDeals(rng.fork(), opportunities, now, settings, staff);
  const users = await createUsers(db, userRng, staff, options.password, nowIso);

  const ids: WrittenIds = { customers: new Map(), deals: new Map() };
  const context = { now, salespeople: users.salespeopleIds, reviewers: users.reviewerIds, reminderDays: settings.reminderDays, lostReasons: settings.lostReasons };
  for (let from = 0; from < deals.length; from += DEALS_PER_TRANSACTION) {
    const batch = deals.slice(from, from + DEALS_PER_TRANSACTION);
    await db.write(['registrations', 'reviews', 'pool', 'followups', 'audit'], async (q, tx) => {
      const writer = new DealWriter(tx.raw, context, ids);
      const written = batch.map((deal, i) => {
        if (i > 0 && i % DEALS_PER_HEARTBEAT === 0) tx.heartbeat();
        return writer.write(deal);
      });
      await recordAudit(q, {
        at: nowIso,
        userId: null,
        operation: 'demo.generate',
        entity: 'registration',
        entityId: null,
        after: { seed, firstRegistrationId: written[0], lastRegistrationId: written.at(-1), registrations: written.length },
      });
    });
  }

  const byStatus = Object.fromEntries(statuses.map((s) => [s, 0])) as Record<Status, number>;
  for (const deal of deals) byStatus[deal.status]++;
  return { opportunities: deals.length, customers: ids.customers.size, byStatus, users: users.names, seed };
}

interface DemoUsers {
  salespeopleIds: number[];
  reviewerIds: number[];
  names: DemoSummary['users'];
}

/**
 * The demo's salespeople (sales001…) and reviewers (reviewer01…), plus an administrator `admin` when
 * the database has none yet, all with one password. Refuses a database that already holds
 * registrations: demo data mixed into an office's real data could never be told apart again.
 */
async function createUsers(db: Database, rng: Random, staff: Staff, password: string, nowIso: string): Promise<DemoUsers> {
  // One scrypt hash for all: they share the password anyway, and a hash each would take seconds.
  const passwordHash = await hashPassword(password);
  const displayNames = new Set<string>();
  const displayName = () => {
    let name = personName(rng).full;
    while (displayNames.has(name)) name = personName(rng).full;
    displayNames.add(name);
    return name;
  };
  return db.write(['users', 'audit'], async (q) => {
    const existing = await q.selectFrom('registrations').select('id').limit(1).executeTakeFirst();
    if (existing) throw new AppError('CONFLICT', 'cli.demo.notEmpty');
    const hasAdmin = await q.selectFrom('users').select('id').where('role', '=', 'admin').where('active', '=', 1).executeTakeFirst();
    const add = async (username: string, role: 'admin' | 'reviewer' | 'sales') =>
      (await insertUser(q, { username, displayName: role === 'admin' ? '管理员' : displayName(), role, passwordHash }, nowIso)).id;
    const admin = hasAdmin ? null : 'admin';
    if (admin) await add(admin, 'admin');
    const salespeople = Array.from({ length: staff.salespeople }, (_, i) => `sales${String(i + 1).padStart(3, '0')}`);
    const reviewers = Array.from({ length: staff.reviewers }, (_, i) => `reviewer${String(i + 1).padStart(2, '0')}`);
    const salespeopleIds: number[] = [];
    for (const name of salespeople) salespeopleIds.push(await add(name, 'sales'));
    const reviewerIds: number[] = [];
    for (const name of reviewers) reviewerIds.push(await add(name, 'reviewer'));
    await recordAudit(q, { at: nowIso, userId: null, operation: 'demo.users', entity: 'user', entityId: null, after: { admin, salespeople, reviewers } });
    return { salespeopleIds, reviewerIds, names: { admin, salespeople, reviewers } };
  });
}
