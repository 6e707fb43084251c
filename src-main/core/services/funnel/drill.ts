import { type Expression, type SqlBool, sql } from 'kysely';
import type { SessionUser } from '../../../../src-shared/contract';
import type { OpportunityFilters, OpportunityListItem } from '../../../../src-shared/contract/followups';
import type { FunnelSegment } from '../../../../src-shared/contract/funnel';
import { stageIndex } from '../../../../src-shared/domain/funnel';
import { monthOfDate } from '../../db/calendar-sql';
import type { Db } from '../../db/database';
import { type StaleCutoffs, staleCutoffs, staleFlag } from '../followups/stale';
import { readOfficeSettings } from '../office/settings';
import { isReviewer } from '../registrations/access';
import { type OpportunitySort, opportunityPage } from '../opportunities/list';
import { type OpportunityScope, enteredAt, rb, resolveScope, scopeCondition } from '../opportunities/scope';
import { inFunnel, reachedIndexSql } from './expressions';
import { monthWindow } from './months';

const outcomeStatus = { open: 'approved', won: 'won', lost: 'lost', expired: 'expired' } as const;

/** The opportunities a segment of the report counts, by the same expressions the report aggregates with. */
function segmentCondition(segment: FunnelSegment, scope: OpportunityScope, cutoffs: StaleCutoffs): Expression<SqlBool> {
  const eb = rb();
  const cohort = (...more: Expression<SqlBool>[]) => eb.and([inFunnel, scopeCondition(scope), ...more]);
  switch (segment.kind) {
    case 'all':
      return cohort();
    case 'outcome':
      return cohort(eb('r.status', '=', outcomeStatus[segment.outcome]));
    case 'stage':
      if (segment.measure === 'reached') return cohort(eb(reachedIndexSql, '>=', stageIndex(segment.stage)));
      return cohort(
        eb('r.status', '=', 'approved'),
        eb('r.stage', '=', segment.stage),
        ...(segment.measure === 'stale' ? [eb(staleFlag(cutoffs), '=', 1)] : []),
      );
    case 'stale':
      return cohort(eb(staleFlag(cutoffs), '=', 1));
    case 'lostReason':
      return cohort(eb('r.status', '=', 'lost'), segment.reason === null ? eb('r.lost_reason', 'is', null) : eb('r.lost_reason', '=', segment.reason));
    case 'slipped':
      return cohort(eb('r.close_date_slips', '>', 0));
    case 'forecast':
      return cohort(eb('r.status', '=', 'approved'), segment.month === null ? eb('r.expected_close_date', 'is', null) : eb(monthOfDate(sql`r.expected_close_date`), '=', segment.month));
    case 'trend': {
      // The trend counts events by their own month within the period, whenever the opportunity entered.
      const { fromIso, beforeIso } = monthWindow(segment.month, scope);
      const when =
        segment.series === 'created'
          ? sql<SqlBool>`${enteredAt} >= ${fromIso} AND ${enteredAt} < ${beforeIso}`
          : eb.and([eb('r.status', '=', segment.series), eb('r.closed_at', '>=', fromIso), eb('r.closed_at', '<', beforeIso)]);
      return eb.and([inFunnel, scopeCondition(scope, { withPeriod: false }), when]);
    }
  }
}

export interface DrillRequest {
  filters: OpportunityFilters;
  segment: FunnelSegment;
  sort: OpportunitySort;
  limit: number;
  offset: number;
}

/** The list behind a chart segment, paged like 我的商机. */
export async function funnelDrill(q: Db, viewer: SessionUser, req: DrillRequest, now: Date): Promise<{ items: OpportunityListItem[]; total: number }> {
  const scope = resolveScope(viewer, req.filters, isReviewer(viewer));
  const { settings } = await readOfficeSettings(q);
  const where = segmentCondition(req.segment, scope, staleCutoffs(settings.staleDays, now.toISOString()));
  return opportunityPage(q, where, req.sort, { limit: req.limit, offset: req.offset });
}
