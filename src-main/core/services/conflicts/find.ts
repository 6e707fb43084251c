import { type RawBuilder, sql } from 'kysely';
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

/** A candidate as the lookup gives it back: why it was found, and what a salesperson's answer needs. */
interface CandidateRow {
  id: number;
  exact: number;
  shared: number;
  owner_id: number;
  customer_id: number | null;
  protection_ends_at: string | null;
}

interface Candidate {
  id: number;
  /** Found by an exact key; otherwise by sharing `sharedGrams` name grams only. */
  exact: boolean;
  sharedGrams: number;
  ownerId: number;
  customerId: number | null;
  protectionEndsAt: string | null;
  keyRows: { kind: string; value: string }[];
}

const either = (conditions: RawBuilder<unknown>[]) => sql.join(conditions, sql` OR `);

/**
 * `IN (…)` over ids, the list padded with its last id to a power of two (at least 8): a few shapes of
 * the statement for any number of candidates, each compiled once and reused by the statement cache.
 */
function inIds(ids: readonly number[]): RawBuilder<unknown> {
  const size = Math.max(8, 2 ** Math.ceil(Math.log2(ids.length)));
  return sql`IN (${sql.join([...ids, ...Array<number>(size - ids.length).fill(ids.at(-1)!)])})`;
}

/**
 * The candidates, from index lookups that never scan: only active registrations are in the index, so
 * nothing else is ever compared. One statement looks up the exact keys (contacts, names, cores,
 * homophone pinyin in compatible regions) and the shared name grams side by side, counts them per
 * registration and adds each one's owner, customer and protection; a second reads the candidates'
 * stored keys, three narrow columns a row (turning rows into objects costs more than finding them).
 * Whether sharing some grams is enough (sharesEnoughGrams) needs the candidate's own gram count,
 * which comes with its stored keys.
 */
async function candidatesOf(q: Db, keys: CustomerKeys, excludeRegistrationId: number | undefined): Promise<Candidate[]> {
  const exact = exactKeys(keys).filter((k) => k.kind !== 'pinyin');
  const pinyin = qualifiedLookup(keys.pinyin ? [keys.pinyin] : [], keys.region);
  const grams = qualifiedLookup(keys.grams, keys.region);
  const hits: RawBuilder<unknown>[] = [];
  if (exact.length > 0 || pinyin.values.length > 0) {
    const conditions = [
      ...exact.map((k) => sql`(kind = ${k.kind} AND value = ${k.value})`),
      ...(pinyin.values.length > 0 ? [sql`(kind = 'pinyin' AND value IN (${sql.join(pinyin.values)}))`] : []),
      ...pinyin.ranges.map(([from, to]) => sql`(kind = 'pinyin' AND value >= ${from} AND value < ${to})`),
    ];
    hits.push(sql`SELECT registration_id AS id, 1 AS exact, 0 AS shared FROM registration_keys WHERE ${either(conditions)}`);
  }
  if (keys.grams.length > 0) {
    const conditions = [sql`gram IN (${sql.join(grams.values)})`, ...grams.ranges.map(([from, to]) => sql`(gram >= ${from} AND gram < ${to})`)];
    hits.push(sql`SELECT registration_id AS id, 0 AS exact, 1 AS shared FROM registration_grams WHERE ${either(conditions)}`);
  }
  if (hits.length === 0) return [];
  const found = await sql<CandidateRow>`
    WITH hits AS (${sql.join(hits, sql` UNION ALL `)}),
    candidates AS (SELECT id, MAX(exact) AS exact, SUM(shared) AS shared FROM hits GROUP BY id)
    SELECT c.id, c.exact, c.shared, r.owner_id, r.customer_id, p.ends_at AS protection_ends_at
    FROM candidates AS c
    JOIN registrations AS r ON r.id = c.id
    LEFT JOIN protections AS p ON p.customer_id = r.customer_id AND p.owner_id = r.owner_id AND p.status = 'active'`.execute(q);
  const candidates = new Map<number, Candidate>();
  for (const row of found.rows) {
    if (row.id === excludeRegistrationId) continue;
    candidates.set(row.id, {
      id: row.id,
      exact: row.exact === 1,
      sharedGrams: Number(row.shared),
      ownerId: row.owner_id,
      customerId: row.customer_id,
      protectionEndsAt: row.protection_ends_at,
      keyRows: [],
    });
  }
  if (candidates.size === 0) return [];
  const stored = await sql<{ registration_id: number; kind: string; value: string }>`
    SELECT registration_id, kind, value FROM registration_keys WHERE registration_id ${inIds([...candidates.keys()])}`.execute(q);
  for (const row of stored.rows) candidates.get(row.registration_id)?.keyRows.push(row);
  return [...candidates.values()];
}

const isReviewer = (u: SessionUser) => u.role === 'reviewer' || u.role === 'admin';

function toMatch(candidate: Candidate, result: ConflictResult, other: RegistrationRow | undefined): ConflictMatch {
  const match: ConflictMatch = {
    registrationId: candidate.id,
    level: result.level!,
    signals: result.signals.map((s) => s.reason),
    state: candidate.protectionEndsAt ? 'protected' : 'pending',
    protectedUntil: candidate.protectionEndsAt ? localDate(new Date(candidate.protectionEndsAt)) : null,
  };
  // A salesperson learns that the customer is taken and until when, nothing about the other deal.
  if (other) {
    match.other = {
      customerName: other.customer_name,
      ownerName: other.owner_name,
      status: other.status,
      stage: other.stage,
      contactPerson: other.contact_person,
      phones: JSON.parse(other.phones) as string[],
      email: other.email,
      submittedAt: other.submitted_at,
    };
  }
  return match;
}

/** Registrations read in full, by id: what only reviewers see, and keys an older index never stored. */
async function registrationsById(q: Db, ids: number[]): Promise<Map<number, RegistrationRow>> {
  if (ids.length === 0) return new Map();
  const rows = await selectRegistrations(q).where('r.id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * The candidates' keys as the index stored them (stored-keys.ts). A registration indexed before the
 * index described its customers has its keys derived from its row again.
 */
async function candidateKeys(q: Db, candidates: readonly Candidate[]): Promise<Map<number, CustomerKeys>> {
  const keys = new Map<number, CustomerKeys>();
  const unstored: number[] = [];
  for (const candidate of candidates) {
    const stored = keysFromStoredRows(candidate.keyRows);
    if (stored) keys.set(candidate.id, stored);
    else unstored.push(candidate.id);
  }
  for (const row of (await registrationsById(q, unstored)).values()) keys.set(row.id, keysOf(probeOfRow(row)));
  return keys;
}

/**
 * Compares a customer with every active registration that the index says could match, and reports
 * the others' registrations as matches (strongest first, then first committed) and the owner's own
 * as `ownCustomer`: a further opportunity for a customer one already holds is no conflict. The
 * matching registrations are read in full only for a reviewer, who sees the other deal.
 */
export async function findConflicts(q: Db, probe: Probe, options: FindOptions): Promise<ConflictReport> {
  const keys = keysOf({ ...probe, customerKind: probe.customerKind ?? 'company', phones: probe.phones ?? [] });
  const candidates = await candidatesOf(q, keys, options.excludeRegistrationId);
  if (candidates.length === 0) return { matches: [], ownCustomer: null };
  const keysById = await candidateKeys(q, candidates);
  const ownerId = options.ownerId ?? options.viewer.id;
  const others: { candidate: Candidate; result: ConflictResult }[] = [];
  const own: Candidate[] = [];
  for (const candidate of candidates) {
    const candidateKeys = keysById.get(candidate.id);
    if (!candidateKeys) continue;
    // A candidate found by grams alone counts only if it shares enough of them, as before.
    if (!candidate.exact && !sharesEnoughGrams(candidate.sharedGrams, keys.grams.length, candidateKeys.grams.length)) continue;
    const result = compareCustomers(keys, candidateKeys);
    if (!result.level) continue;
    if (candidate.ownerId !== ownerId) others.push({ candidate, result });
    else if (result.level === 'block') own.push(candidate);
  }
  const full = isReviewer(options.viewer) ? await registrationsById(q, others.map((o) => o.candidate.id)) : new Map<number, RegistrationRow>();
  const matches = others.map(({ candidate, result }) => toMatch(candidate, result, full.get(candidate.id)));
  matches.sort((a, b) => Number(a.level === 'warn') - Number(b.level === 'warn') || a.registrationId - b.registrationId);
  own.sort((a, b) => a.id - b.id);
  const customerId = own.map((c) => c.customerId).find((id): id is number => id !== null);
  return {
    matches,
    ownCustomer: customerId === undefined ? null : { customerId, registrationIds: own.map((c) => c.id) },
  };
}
