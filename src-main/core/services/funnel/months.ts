import { nextMonth } from '../../../../src-shared/domain/funnel';
import { type OpportunityScope, isoInstant } from '../opportunities/scope';

/** The month (YYYY-MM) of an instant on this PC's calendar; the last one a date field can hold at most. */
export function monthOf(iso: string): string {
  const d = new Date(iso);
  if (d.getFullYear() > 9999) return '9999-12';
  return `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** The first instant of a month (YYYY-MM) on this PC's calendar, daylight saving included. */
export function monthStartIso(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return isoInstant(new Date(y, m - 1, 1));
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
