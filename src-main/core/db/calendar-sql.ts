import { type Expression, type RawBuilder, sql } from 'kysely';

/**
 * Date arithmetic in SQL, kept here because every database spells it differently. Instants are stored
 * as UTC ISO strings; dates as YYYY-MM-DD.
 */

/** Days from one instant or date to another, with fractions. */
export function daysBetween(from: Expression<unknown>, to: Expression<unknown>): RawBuilder<number> {
  return sql<number>`(julianday(${to}) - julianday(${from}))`;
}

/** The month of a YYYY-MM-DD date. */
export function monthOfDate(date: Expression<unknown>): RawBuilder<string | null> {
  return sql<string | null>`substr(${date}, 1, 7)`;
}
