import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultOfficeSettings } from '../../../../src-shared/contract/office';
import { type TestHost, makeTestHost } from '../../testing/test-host';

let t: TestHost | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Writes the stored settings as a database tool (or an older release) could have left them. */
function storeRaw(dbFile: string, value: string): void {
  const raw = new BetterSqlite3(dbFile);
  try {
    raw.prepare(`UPDATE office_settings SET value = ? WHERE key = 'office'`).run(value);
  } finally {
    raw.close();
  }
}

describe('office settings as stored', () => {
  it('keep every valid value when one stored value is invalid: only that one falls back to its default', async () => {
    t = await makeTestHost();
    const saved = await t.call(t.admin, 'office.updateSettings', { settings: { protectionDays: 120, cooldownDays: 10, reminderDays: 14 }, version: 0 });
    storeRaw(t.dbFile, JSON.stringify({ ...saved.settings, cooldownDays: -5, unknownSetting: true }));
    const { settings, version } = await t.call(t.admin, 'office.settings', {});
    expect(version).toBe(saved.version);
    expect(settings).toEqual({ ...defaultOfficeSettings, protectionDays: 120, reminderDays: 14, cooldownDays: defaultOfficeSettings.cooldownDays });
  });

  it('fall back to the defaults, not to INTERNAL, when the stored value is not JSON at all, and can be saved again', async () => {
    t = await makeTestHost();
    const saved = await t.call(t.admin, 'office.updateSettings', { settings: { protectionDays: 120 }, version: 0 });
    storeRaw(t.dbFile, '{"protectionDays": 12');
    const read = await t.call(t.admin, 'office.settings', {});
    expect(read.settings).toEqual(defaultOfficeSettings);
    const again = await t.call(t.admin, 'office.updateSettings', { settings: { protectionDays: 60 }, version: saved.version });
    expect(again.settings.protectionDays).toBe(60);
  });
});
