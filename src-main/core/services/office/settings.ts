import { type OfficeSettings, defaultOfficeSettings, officeSettingsSchema } from '../../../../src-shared/contract/office';
import type { Db } from '../../db/database';

/**
 * The office settings live in one row as JSON with a version, so two admins editing at once get STALE
 * instead of silently overwriting each other. Missing keys take their defaults, so a setting added in a
 * later release needs no migration.
 */
const KEY = 'office';

export async function readOfficeSettings(q: Db): Promise<{ settings: OfficeSettings; version: number }> {
  const row = await q.selectFrom('office_settings').select(['value', 'version']).where('key', '=', KEY).executeTakeFirst();
  if (!row) return { settings: defaultOfficeSettings, version: 0 };
  const stored = officeSettingsSchema.partial().safeParse(JSON.parse(row.value));
  return { settings: { ...defaultOfficeSettings, ...(stored.success ? stored.data : {}) }, version: row.version };
}

export async function writeOfficeSettings(q: Db, settings: OfficeSettings, nextVersion: number, userId: number, nowIso: string): Promise<void> {
  await q
    .insertInto('office_settings')
    .values({ key: KEY, value: JSON.stringify(settings), version: nextVersion, updated_at: nowIso, updated_by: userId })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(settings), version: nextVersion, updated_at: nowIso, updated_by: userId }))
    .execute();
}
