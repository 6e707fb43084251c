import type { Language } from '../../src-shared/contract/system';
import { type LocalSettings, LocalSettingsStore, localSettingsSchema } from '../core/local-settings';

/**
 * Settings that live only as long as one command. A CLI sign-in must not become the desktop app's
 * "last user", and the language comes from BAOBEI_LANG, so nothing is read from or written to disk.
 */
export class MemorySettingsStore extends LocalSettingsStore {
  private current: LocalSettings;

  constructor(language: Language) {
    super('');
    this.current = localSettingsSchema.parse({ language });
  }

  override get(): LocalSettings {
    return this.current;
  }

  override update(patch: Partial<LocalSettings>): LocalSettings {
    this.current = { ...this.current, ...patch };
    return this.current;
  }
}
