import { type Expression, type SqlBool, expressionBuilder, sql } from 'kysely';
import type { SessionUser } from '../../../../src-shared/contract';
import type { OpportunityFilters } from '../../../../src-shared/contract/followups';
import type { RegistrationsTable } from '../../db/schema';
import { AppError } from '../../errors';
import { isReviewer } from '../registrations/access';

/** Queries over opportunities name the registrations table `r`. */
export type WithR = { r: RegistrationsTable };
export const rb = () => expressionBuilder<WithR, 'r'>();

/**
 * When an opportunity entered the funnel: its approval, or its creation when it was never approved
 * (imports); kept on the row by the schema's triggers.
 */
export const enteredAt = sql<string>`r.entered_at`;

/**
 * Which opportunities a request may see, resolved on the server: a salesperson's are always their
 * own, whatever the filters say; naming someone else's is FORBIDDEN rather than silently ignored.
 */
export interface OpportunityScope {
  team: boolean;
  ownerIds: readonly number[] | null;
  channels: readonly (string | null)[] | null;
  productLines: readonly (string | null)[] | null;
  regions: readonly (string | null)[] | null;
  /** Entered the funnel at or after `fromIso` and before `beforeIso` (the day after the period). */
  entered: { fromIso: string; beforeIso: string } | null;
}

const nonEmpty = <T>(list: readonly T[] | undefined): readonly T[] | null => (list && list.length > 0 ? list : null);

/** Past the last day a date field can hold (9999-12-31): ISO strings of later years no longer sort. */
const END_OF_TIME = '9999-12-31T23:59:59.999Z';

/** An instant as stored (UTC ISO), the years after 9999 folded into the last instant that sorts. */
export const isoInstant = (d: Date): string => (d.getUTCFullYear() > 9999 ? END_OF_TIME : d.toISOString());

/** The first instant of a day (YYYY-MM-DD) on this PC's calendar, `plusDays` later. */
export function dayStartIso(date: string, plusDays = 0): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return isoInstant(new Date(y, m - 1, d + plusDays));
}

export function resolveScope(viewer: SessionUser, filters: OpportunityFilters, wantsTeam: boolean): OpportunityScope {
  const team = wantsTeam && isReviewer(viewer);
  if (wantsTeam && !team) throw new AppError('FORBIDDEN', 'error.teamFigures');
  const ownerIds = nonEmpty(filters.ownerIds);
  if (!team && ownerIds?.some((id) => id !== viewer.id)) throw new AppError('FORBIDDEN', 'error.teamFigures');
  return {
    team,
    ownerIds: team ? ownerIds : [viewer.id],
    channels: nonEmpty(filters.channels),
    productLines: nonEmpty(filters.productLines),
    regions: nonEmpty(filters.regions),
    entered: filters.period ? { fromIso: dayStartIso(filters.period.from), beforeIso: dayStartIso(filters.period.to, 1) } : null,
  };
}

/** `column` is one of `values`, where null stands for "left empty". */
function oneOf(column: 'r.source_channel' | 'r.product_line' | 'r.region', values: readonly (string | null)[]): Expression<SqlBool> {
  const eb = rb();
  const given = values.filter((v): v is string => v !== null);
  const either = [...(given.length > 0 ? [eb(column, 'in', given)] : []), ...(values.includes(null) ? [eb(column, 'is', null)] : [])];
  return eb.or(either);
}

export function enteredWithin(entered: NonNullable<OpportunityScope['entered']>): Expression<SqlBool> {
  return sql<SqlBool>`(${enteredAt} >= ${entered.fromIso} AND ${enteredAt} < ${entered.beforeIso})`;
}

/**
 * The scope as one condition. `withPeriod: false` leaves the period to the caller (the trend counts
 * by its own dates). `ownerIndex: false` keeps SQLite from walking the owners' index for the owner
 * filter (`+column` is SQLite's way to say so), where a covering index that holds the owner is faster.
 */
export function scopeCondition(scope: OpportunityScope, options: { withPeriod?: boolean; ownerIndex?: boolean } = {}): Expression<SqlBool> {
  const { withPeriod = true, ownerIndex = true } = options;
  const eb = rb();
  const parts: Expression<SqlBool>[] = [];
  if (scope.ownerIds && ownerIndex) parts.push(eb('r.owner_id', 'in', [...scope.ownerIds]));
  if (scope.ownerIds && !ownerIndex) parts.push(sql<SqlBool>`+r.owner_id IN (${sql.join([...scope.ownerIds])})`);
  if (scope.channels) parts.push(oneOf('r.source_channel', scope.channels));
  if (scope.productLines) parts.push(oneOf('r.product_line', scope.productLines));
  if (scope.regions) parts.push(oneOf('r.region', scope.regions));
  if (withPeriod && scope.entered) parts.push(enteredWithin(scope.entered));
  return eb.and(parts);
}
