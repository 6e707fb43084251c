import { sql } from 'kysely';
import { funnelStatuses } from '../../../../src-shared/domain/funnel';

/** Opportunities in the funnel: approved, then won, lost or expired. */
export const inFunnel = sql<boolean>`r.status IN (${sql.join(funnelStatuses.map((s) => sql.lit(s)))})`;

/**
 * The furthest stage an opportunity got to, as an index into `stages`: the SQL twin of the domain's
 * `reachedIndex` (the drill-down must count exactly what the report counts; funnel tests check both).
 */
export const reachedIndexSql = sql<number>`MAX(COALESCE(r.stage_reached, 0), CASE r.stage WHEN 'initial_contact' THEN 0 WHEN 'needs_confirmed' THEN 1 WHEN 'quotation' THEN 2 ELSE 3 END, CASE WHEN r.status = 'won' THEN 3 ELSE 0 END)`;
