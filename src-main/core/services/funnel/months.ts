import { nextMonth } from '../../../../src-shared/domain/funnel';
import type { OpportunityScope } from '../opportunities/scope';

/** The month (YYYY-MM) of an instant on this PC's calendar. */
export function monthOf(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** The first instant of a month (YYYY-MM) on this PC's calendar, daylight saving included. */
export function monthStartIso(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(y, m - 1, 1).toISOString();
}

/**
 * The instants a month of the trend counts, [from, before): the whole month on this PC's calendar,
 * cut to the period when there is one (a period may start or end mid-month).
 */
export function monthWindow(month: string, scope: OpportunityScope): { fromIso: string; beforeIso: string } {
  let fromIso = monthStartIso(month);
  let beforeIso = monthStartIso(nextMonth(month));
  if (scope.entered) {
    if (scope.entered.fromIso > fromIso) fromIso = scope.entered.fromIso;
    if (scope.entered.beforeIso < beforeIso) beforeIso = scope.entered.beforeIso;
  }
  return { fromIso, beforeIso };
}
