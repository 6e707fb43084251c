import { z } from 'zod';
import { operation } from './define';
import { defaultFunnelSettings, lostReasonsSchema, staleDaysSchema, stageProbabilitiesSchema } from './funnel-settings';
import { versionSchema } from './users';

const days = (min: number, max: number) => z.number().int().min(min, { error: 'v.range' }).max(max, { error: 'v.range' });

/** Rules of the office, shared by every PC and kept in the database. */
export const officeSettingsSchema = z.object({
  /** Days a customer stays with its owner after approval. */
  protectionDays: days(1, 3650),
  /** Days the customer stays with its owner after a win. */
  wonKeepDays: days(0, 3650),
  /** Extension requests one protection may have granted. */
  maxExtensions: days(0, 20),
  /** Days one granted extension adds. */
  extensionDays: days(1, 365),
  /** Days before a former owner may claim a customer back from the public pool. */
  cooldownDays: days(0, 365),
  /** Active protections one salesperson may hold at once. */
  maxActiveProtections: days(1, 100_000),
  /** Days before expiry when the owner is reminded. */
  reminderDays: days(0, 365),
  stageProbabilities: stageProbabilitiesSchema,
  staleDays: staleDaysSchema,
  lostReasons: lostReasonsSchema,
});
export type OfficeSettings = z.infer<typeof officeSettingsSchema>;

export const defaultOfficeSettings: OfficeSettings = {
  protectionDays: 90,
  wonKeepDays: 365,
  maxExtensions: 2,
  extensionDays: 30,
  cooldownDays: 30,
  maxActiveProtections: 200,
  reminderDays: 7,
  ...defaultFunnelSettings,
};

export const officeContract = {
  'office.settings': operation({
    input: z.object({}).strict(),
    output: z.object({ settings: officeSettingsSchema, version: versionSchema }),
    access: 'signedIn',
  }),
  'office.updateSettings': operation({
    input: z.object({ settings: officeSettingsSchema.partial().strict(), version: versionSchema }).strict(),
    output: z.object({ settings: officeSettingsSchema, version: versionSchema }),
    access: ['admin'],
  }),
};
