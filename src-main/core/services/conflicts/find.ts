import type { SessionUser } from '../../../../src-shared/contract';
import type { ConflictMatch, ConflictProbe, ConflictReport } from '../../../../src-shared/contract/registrations';
import { compareCustomers, type ConflictResult, type CustomerKeys, sharesEnoughGrams } from '../../../../src-shared/domain';
import { localDate } from '../../clock';
import type { Db } from '../../db/database';
import { probeOfRow, selectRegistrations, type RegistrationRow } from '../registrations/rows';
import { exactKeys, keysOf } from './customer-input';
import { keysFromStoredRows, qualifiedLookup } from './stored-keys';

export interface FindOptions {
  viewer: SessionUser;
  nowIso: string;
  excludeRegistrationId?: number | undefined;
  /** Whose customer the probe is for; the viewer unless a reviewer checks someone's registration. */
  ownerId?: number;
}

type Probe = Omit<ConflictProbe, 'excludeRegistrationId' | 'customerKind'> & Partial<Pick<ConflictProbe, 'customerKind'>>;

/** Who may match: registrations sharing an exact key, and how many name grams others share. */
interface Candidates {
  exact: Set<number>;
  sharedGrams: Map<number, number>;
}

/**
 * Candidates from the index only, by lookups that never touch the registrations: only active
 * registrations are in the index, so nothing else is ever compared. Whether sharing some grams is
 * enough (sharesEnoughGrams) needs the candidate's own gram count, which comes with its stored keys.
 */
async function candidatesOf(q: Db, keys: CustomerKeys): Promise<Candidates> {
  const exact = exactKeys(keys).filter((k) => k.kind !== 'pinyin');
  const pinyin = qualifiedLookup(keys.pinyin ? [keys.pinyin] : [], keys.region);
  const grams = qualifiedLookup(keys.grams, keys.region);
  const exactRows =
    exact.length === 0 && !keys.pinyin
      ? []
      : await q
          .selectFrom('registration_keys')
          .select('registration_id')
          .where((eb) =>
            eb.or([
              ...exact.map((k) => eb.and([eb('kind', '=', k.kind), eb('value', '=', k.value)])),
              ...(pinyin.values.length > 0 ? [eb.and([eb('kind', '=', 'pinyin'), eb('value', 'in', pinyin.values)])] : []),
              ...pinyin.ranges.map(([from, to]) => eb.and([eb('kind', '=', 'pinyin'), eb('value', '>=', from), eb('value', '<', to)])),
            ]),
          )
          .execute();
  const gramRows =
    keys.grams.length === 0
      ? []
      : await q
          .selectFrom('registration_grams')
          .select(['registration_id', (eb) => eb.fn.countAll<number>().as('shared')])
          .where((eb) =>
            eb.or([eb('gram', 'in', grams.values), ...grams.ranges.map(([from, to]) => eb.and([eb('gram', '>=', from), eb('gram', '<', to)]))]),
          )
          .groupBy('registration_id')
          .execute();
  return {
    exact: new Set(exactRows.map((r) => r.registration_id)),
    sharedGrams: new Map(gramRows.map((r) => [r.registration_id, Number(r.shared)])),
  };
}

const isReviewer = (u: SessionUser) => u.role === 'reviewer' || u.role === 'admin';

function toMatch(row: RegistrationRow, level: 'block' | 'warn', signals: string[], viewer: SessionUser): ConflictMatch {
  const match: ConflictMatch = {
    registrationId: row.id,
    level,
    signals,
    state: row.protection_ends_at ? 'protected' : 'pending',
    protectedUntil: row.protection_ends_at ? localDate(new Date(row.protection_ends_at)) : null,
  };
  // A salesperson learns that the customer is taken and until when, nothing about the other deal.
  if (isReviewer(viewer)) {
    match.other = {
      customerName: row.customer_name,
      ownerName: row.owner_name,
      status: row.status,
      stage: row.stage,
      contactPerson: row.contact_person,
      phones: JSON.parse(row.phones) as string[],
      email: row.email,
      submittedAt: row.submitted_at,
    };
  }
  return match;
}

function byRegistration<T extends { registration_id: number }>(rows: readonly T[]): Map<number, T[]> {
  const grouped = new Map<number, T[]>();
  for (const row of rows) {
    const group = grouped.get(row.registration_id);
    if (group) group.push(row);
    else grouped.set(row.registration_id, [row]);
  }
  return grouped;
}

/**
 * The candidates' keys as the index stored them (stored-keys.ts). A registration indexed before the
 * index described its customers has its keys derived from its row again.
 */
async function candidateKeys(q: Db, ids: number[]): Promise<Map<number, CustomerKeys>> {
  const rows = await q.selectFrom('registration_keys').select(['registration_id', 'kind', 'value']).where('registration_id', 'in', ids).execute();
  const rowsById = byRegistration(rows);
  const keys = new Map<number, CustomerKeys>();
  const unstored: number[] = [];
  for (const id of ids) {
    const stored = keysFromStoredRows(rowsById.get(id) ?? []);
    if (stored) keys.set(id, stored);
    else unstored.push(id);
  }
  if (unstored.length > 0) {
    for (const row of await selectRegistrations(q).where('r.id', 'in', unstored).execute()) keys.set(row.id, keysOf(probeOfRow(row)));
  }
  return keys;
}

/**
 * Compares a customer with every active registration that the index says could match, and reports
 * the others' registrations as matches (strongest first, then first committed) and the owner's own
 * as `ownCustomer`: a further opportunity for a customer one already holds is no conflict. Only the
 * registrations that match are read in full.
 */
export async function findConflicts(q: Db, probe: Probe, options: FindOptions): Promise<ConflictReport> {
  const keys = keysOf({ ...probe, customerKind: probe.customerKind ?? 'company', phones: probe.phones ?? [] });
  const { exact, sharedGrams } = await candidatesOf(q, keys);
  const ids = [...new Set([...exact, ...sharedGrams.keys()])].filter((id) => id !== options.excludeRegistrationId);
  if (ids.length === 0) return { matches: [], ownCustomer: null };
  const results = new Map<number, ConflictResult>();
  for (const [id, candidate] of await candidateKeys(q, ids)) {
    // A candidate found by grams alone counts only if it shares enough of them, as before.
    if (!exact.has(id) && !sharesEnoughGrams(sharedGrams.get(id) ?? 0, keys.grams.length, candidate.grams.length)) continue;
    const result = compareCustomers(keys, candidate);
    if (result.level) results.set(id, result);
  }
  if (results.size === 0) return { matches: [], ownCustomer: null };
  const rows = await selectRegistrations(q).where('r.id', 'in', [...results.keys()]).execute();
  const ownerId = options.ownerId ?? options.viewer.id;
  const matches: ConflictMatch[] = [];
  const own: RegistrationRow[] = [];
  for (const row of rows) {
    const result = results.get(row.id);
    if (!result?.level) continue;
    if (row.owner_id === ownerId) {
      if (result.level === 'block') own.push(row);
      continue;
    }
    matches.push(toMatch(row, result.level, result.signals.map((s) => s.reason), options.viewer));
  }
  matches.sort((a, b) => Number(a.level === 'warn') - Number(b.level === 'warn') || a.registrationId - b.registrationId);
  const customerId = own.map((r) => r.customer_id).find((id): id is number => id !== null);
  return {
    matches,
    ownCustomer: customerId === undefined ? null : { customerId, registrationIds: own.map((r) => r.id).sort((a, b) => a - b) },
  };
}
