import type { SelectQueryBuilder } from 'kysely';
import type { SessionUser } from '../../../../src-shared/contract';
import type { ReportFilters } from '../../../../src-shared/contract/report';
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
