import { type Expression, type SqlBool, sql } from 'kysely';

/**
 * "column contains text", case-insensitive for Latin letters, with the LIKE wildcards in the text taken
 * literally. Kept here because the ESCAPE clause and LIKE's case rules differ between databases.
 */
export function containsText(column: Expression<string> | string, text: string): Expression<SqlBool> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const ref = typeof column === 'string' ? sql.ref(column) : column;
  return sql<SqlBool>`${ref} LIKE ${pattern} ESCAPE '\\'`;
}
