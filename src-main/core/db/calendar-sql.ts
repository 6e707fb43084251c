import { type Expression, type RawBuilder, sql } from 'kysely';

/** Date functions in SQL, kept here because every database spells them differently. Dates are YYYY-MM-DD. */

/** The month of a YYYY-MM-DD date. */
export function monthOfDate(date: Expression<unknown>): RawBuilder<string | null> {
  return sql<string | null>`substr(${date}, 1, 7)`;
}
