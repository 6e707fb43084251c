import { type SelectQueryBuilder, sql } from 'kysely';
import type { SessionUser } from '../../../../src-shared/contract';
import type { ReportFilters } from '../../../../src-shared/contract/report';
import type { Schema } from '../../db/schema';

/** What the report covers: the caller's filters, narrowed to the caller's own opportunities for a salesperson. */
export interface ReportScope extends ReportFilters {
  /** Set for a salesperson, whatever the filters asked: the role rule, enforced here and not in a screen. */
  onlyOwnerId: number | null;
}

export function scopeFor(user: SessionUser, filters: ReportFilters): ReportScope {
  return { ...filters, onlyOwnerId: user.role === 'sales' ? user.id : null };
}

/** A draft is its owner's unfinished form, not an opportunity: never reported. */
const REPORTED_STATUSES = ['submitted', 'returned', 'rejected', 'approved', 'won', 'lost', 'expired'];

type RegistrationsQuery<O> = SelectQueryBuilder<Schema & { r: Schema['registrations'] }, 'r' | never, O>;

/** `null` in a list picks the rows where the field was left empty, as the dashboard's filters mean it. */
function inList(column: string, values: readonly (string | null)[]) {
  const given = values.filter((v): v is string => v !== null);
  const parts = [];
  if (given.length > 0) parts.push(sql`${sql.ref(column)} IN (${sql.join(given)})`);
  if (given.length < values.length) parts.push(sql`${sql.ref(column)} IS NULL`);
  return sql<boolean>`(${sql.join(parts, sql` OR `)})`;
}

/** Narrows a query over `registrations as r` to the scope. */
export function applyScope<Q extends RegistrationsQuery<unknown>>(query: Q, scope: ReportScope): Q {
  let q = query.where(sql.ref('r.status'), 'in', REPORTED_STATUSES) as Q;
  if (scope.onlyOwnerId !== null) q = q.where(sql.ref('r.owner_id'), '=', scope.onlyOwnerId) as Q;
  if (scope.ownerIds?.length) q = q.where(sql.ref('r.owner_id'), 'in', scope.ownerIds) as Q;
  if (scope.channels?.length) q = q.where(inList('r.source_channel', scope.channels)) as Q;
  if (scope.productLines?.length) q = q.where(inList('r.product_line', scope.productLines)) as Q;
  if (scope.regions?.length) q = q.where(inList('r.region', scope.regions)) as Q;
  if (scope.period) {
    const entered = sql`substr(COALESCE(r.approved_at, r.created_at), 1, 10)`;
    q = q.where(sql<boolean>`${entered} BETWEEN ${scope.period.from} AND ${scope.period.to}`) as Q;
  }
  return q;
}
