import { z } from 'zod';

/** How far ahead a close date may be: further out, a forecast is a guess and protection would be abused. */
export const maxCloseMonthsAhead = 24;

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (2025-02-30 is not). */
export function isIsoDate(text: string): boolean {
  const match = isoDate.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The same day `months` later, or the month's last day when it has none (2024-02-29 + 12 → 2025-02-28). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const firstOfTarget = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(day, lastDay));
  return firstOfTarget.toISOString().slice(0, 10);
}

/**
 * Null when `date` is a valid expected close date seen from `today` (both YYYY-MM-DD; today itself and
 * exactly 24 months ahead are allowed), otherwise the i18n key of the problem. Pure: the caller says
 * what today is, in the user's time zone.
 */
export function closeDateIssue(date: string, today: string): 'v.closeDate' | 'v.closeDatePast' | 'v.closeDateTooFar' | null {
  if (!isIsoDate(date)) return 'v.closeDate';
  if (date < today) return 'v.closeDatePast';
  if (date > addMonths(today, maxCloseMonthsAhead)) return 'v.closeDateTooFar';
  return null;
}

/** The expected close date field, checked against the given today. */
export function closeDateSchema(today: string) {
  return z
    .string({ error: 'v.required' })
    .trim()
    .superRefine((date, ctx) => {
      const issue = closeDateIssue(date, today);
      if (issue) ctx.addIssue(issue);
    });
}
