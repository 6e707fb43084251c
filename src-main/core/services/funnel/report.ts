import type { SessionUser } from '../../../../src-shared/contract';
import type { OpportunityFilters } from '../../../../src-shared/contract/followups';
import type { FunnelReport } from '../../../../src-shared/contract/funnel';
import { buildFunnelReport } from '../../../../src-shared/domain/funnel';
import { localDate } from '../../clock';
import type { Db } from '../../db/database';
import { staleCutoffs } from '../followups/stale';
import { readOfficeSettings } from '../office/settings';
import { isReviewer } from '../registrations/access';
import { resolveScope } from '../opportunities/scope';
import { loadDimensionCells, loadForecastCells, loadFunnelCells } from './cells';
import { loadTrendCells, trendMonths } from './trend';

/**
 * The whole funnel report for what the viewer may see: a salesperson their own opportunities, a
 * reviewer or administrator the team's. SQL aggregates (cells.ts), the domain computes every figure.
 */
export async function funnelReport(q: Db, viewer: SessionUser, filters: OpportunityFilters, now: Date): Promise<FunnelReport> {
  const scope = resolveScope(viewer, filters, isReviewer(viewer));
  const { settings } = await readOfficeSettings(q);
  const nowIso = now.toISOString();
  const cutoffs = staleCutoffs(settings.staleDays, nowIso);
  const cells = await loadFunnelCells(q, scope, cutoffs);
  const dimensions = await loadDimensionCells(q, scope, cutoffs);
  const months = await trendMonths(q, scope);
  const trend = months ? await loadTrendCells(q, scope, months) : [];
  const forecast = await loadForecastCells(q, scope);
  const ownerIds = [...new Set(cells.map((c) => c.ownerId))];
  const owners = ownerIds.length === 0 ? [] : await q.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ownerIds).execute();
  const body = buildFunnelReport({
    cells,
    dimensions,
    trend,
    forecast,
    trendMonths: months,
    probabilities: settings.stageProbabilities,
    lostReasons: settings.lostReasons,
    ownerNames: new Map(owners.map((o) => [o.id, o.display_name])),
    team: scope.team,
  });
  return {
    asOf: nowIso,
    today: localDate(now),
    scope: scope.team ? 'team' : 'mine',
    filters,
    settings: { stageProbabilities: settings.stageProbabilities, staleDays: settings.staleDays },
    ...body,
  };
}
