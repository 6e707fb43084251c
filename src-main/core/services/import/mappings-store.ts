import { type ImportMapping, importMappingSchema } from '../../../../src-shared/contract/import';
import type { Db } from '../../db/database';
import { normalizeLabel } from './recognize/normalize-label';

/** One key per set of headers, whatever their order or spelling: the next export of the same system finds it. */
const headerSetKey = (headers: readonly string[]): string => [...headers.map(normalizeLabel)].sort().join('\n');

/** The mapping last used for files with these headers, if any (one saved by an older version is ignored if it no longer parses). */
export async function rememberedMapping(q: Db, headers: readonly string[]): Promise<ImportMapping | null> {
  const row = await q.selectFrom('import_mappings').select('mapping').where('header_set', '=', headerSetKey(headers)).executeTakeFirst();
  if (!row) return null;
  const parsed = importMappingSchema.safeParse(JSON.parse(row.mapping));
  return parsed.success ? parsed.data : null;
}

export async function rememberMapping(q: Db, headers: readonly string[], mapping: ImportMapping, userId: number, nowIso: string): Promise<void> {
  const values = { headers: JSON.stringify(headers), mapping: JSON.stringify(mapping), updated_at: nowIso, updated_by: userId };
  await q
    .insertInto('import_mappings')
    .values({ header_set: headerSetKey(headers), ...values })
    .onConflict((oc) => oc.column('header_set').doUpdateSet(values))
    .execute();
}
