import { type SelectQueryBuilder, sql } from 'kysely';
import type { SessionUser } from '../../../../src-shared/contract';
import type { ReportFilters } from '../../../../src-shared/contract/report';
import { funnelStatuses } from '../../../../src-shared/domain/funnel';
import type { Schema } from '../../db/schema';
import { inFunnel } from '../funnel/expressions';
import { type OpportunityScope, resolveScope, scopeCondition } from '../opportunities/scope';
import { isReviewer } from '../registrations/access';

/**
 * What the report covers, resolved exactly as the funnel analytics resolve it, so the opportunity list
 * holds the very opportunities the figures count: a reviewer or administrator sees the team's (as
 * filtered), a salesperson only their own — enforced here, whatever a screen or a command line asks.
 */
export function reportScope(user: SessionUser, filters: ReportFilters): OpportunityScope {
  return resolveScope(user, filters, isReviewer(user));
}

type RegistrationsQuery<O> = SelectQueryBuilder<Schema & { r: Schema['registrations'] }, 'r', O>;

/** Narrows a query over `registrations as r` to the opportunities in the funnel and in scope. */
export function applyScope<Q extends RegistrationsQuery<unknown>>(query: Q, scope: OpportunityScope): Q {
  return query.where(inFunnel).where(scopeCondition(scope)) as Q;
}

/**
 * The same opportunities as `applyScope`, for a walk in id order: the unary plus keeps SQLite from
 * reading them through the status index, which would sort the whole set again for every page; by id,
 * each page is a range of the table itself.
 */
export function applyScopeById<Q extends RegistrationsQuery<unknown>>(query: Q, scope: OpportunityScope): Q {
  const inFunnelUnindexed = sql<boolean>`+r.status IN (${sql.join(funnelStatuses.map((s) => sql.lit(s)))})`;
  return query.where(inFunnelUnindexed).where(scopeCondition(scope)) as Q;
}
