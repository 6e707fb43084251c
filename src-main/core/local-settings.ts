import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { languageSchema } from '../../src-shared/contract/system';

/** Settings of this PC, not of the office: which database file, the language, the last user. */
export const localSettingsSchema = z.object({
  dbPath: z.string().nullable().default(null),
  language: languageSchema.default('zh-CN'),
  lastUsername: z.string().nullable().default(null),
  windowBounds: z
    .object({ width: z.number(), height: z.number(), x: z.number().optional(), y: z.number().optional() })
    .nullable()
    .default(null),
});
export type LocalSettings = z.infer<typeof localSettingsSchema>;

/** Where a host keeps this PC's settings: a file for the app, memory for the CLI. */
export interface SettingsStore {
  get(): LocalSettings;
  update(patch: Partial<LocalSettings>): LocalSettings;
}

export class LocalSettingsStore implements SettingsStore {
  private cached: LocalSettings | null = null;

  constructor(readonly file: string) {}

  get(): LocalSettings {
    if (this.cached) return this.cached;
    let parsed: LocalSettings;
    try {
      parsed = localSettingsSchema.parse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
    } catch {
      // Missing or unreadable settings fall back to defaults: a fresh install.
      parsed = localSettingsSchema.parse({});
    }
    this.cached = parsed;
    return parsed;
  }

  update(patch: Partial<LocalSettings>): LocalSettings {
    const next = { ...this.get(), ...patch };
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    // Write beside and rename, so a crash never leaves half a settings file.
    const temp = `${this.file}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(next, null, 2));
    fs.renameSync(temp, this.file);
    this.cached = next;
    return next;
  }
}
