import type { Language } from '../../src-shared/contract/system';
import { type LocalSettings, type SettingsStore, localSettingsSchema } from '../core/local-settings';

/**
 * Settings that live only as long as one command. A CLI sign-in must not become the desktop app's
 * "last user", and the language comes from BAOBEI_LANG, so nothing is read from or written to disk.
 */
export class MemorySettingsStore implements SettingsStore {
  private current: LocalSettings;

  constructor(language: Language) {
    this.current = localSettingsSchema.parse({ language });
  }

  get(): LocalSettings {
    return this.current;
  }

  update(patch: Partial<LocalSettings>): LocalSettings {
    this.current = { ...this.current, ...patch };
    return this.current;
  }
}
