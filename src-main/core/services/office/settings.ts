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
  return { settings: { ...defaultOfficeSettings, ...validStoredSettings(row.value) }, version: row.version };
}

/**
 * The stored settings that are valid, each on its own: one value edited out of the app (or written by a
 * release with other limits) falls back to its default alone. Parsing the object as a whole made one
 * bad value reset every setting of the office, and unreadable JSON failed every operation as INTERNAL.
 */
function validStoredSettings(json: string): Partial<OfficeSettings> {
  let stored: unknown;
  try {
    stored = JSON.parse(json);
  } catch {
    return {};
  }
  if (typeof stored !== 'object' || stored === null) return {};
  const valid: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(officeSettingsSchema.shape)) {
    if (!(key in stored)) continue;
    const parsed = schema.safeParse((stored as Record<string, unknown>)[key]);
    if (parsed.success) valid[key] = parsed.data;
  }
  return valid as Partial<OfficeSettings>;
}

export async function writeOfficeSettings(q: Db, settings: OfficeSettings, nextVersion: number, userId: number, nowIso: string): Promise<void> {
  await q
    .insertInto('office_settings')
    .values({ key: KEY, value: JSON.stringify(settings), version: nextVersion, updated_at: nowIso, updated_by: userId })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(settings), version: nextVersion, updated_at: nowIso, updated_by: userId }))
    .execute();
}
