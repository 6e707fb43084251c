import { z } from 'zod';

const percent = z.number().int().min(0, { error: 'v.range' }).max(100, { error: 'v.range' });
const staleAfter = z.number().int().min(1, { error: 'v.range' }).max(365, { error: 'v.range' });

/**
 * The chance of winning an open opportunity in each stage, in percent: the weights of the weighted
 * pipeline. A contract signed is a win, so the last weight only applies to imported opportunities
 * that sit in that stage still open.
 */
export const stageProbabilitiesSchema = z
  .object({ initial_contact: percent, needs_confirmed: percent, quotation: percent, contract_signed: percent })
  .strict();
export type StageProbabilities = z.infer<typeof stageProbabilitiesSchema>;

/**
 * Days without a follow-up or a stage change after which an open opportunity is stale, per open stage;
 * an imported one still open in 合同签订 uses the quotation's.
 */
export const staleDaysSchema = z.object({ initial_contact: staleAfter, needs_confirmed: staleAfter, quotation: staleAfter }).strict();
export type StaleDays = z.infer<typeof staleDaysSchema>;

/** The reasons a lost opportunity is put down to; the funnel counts losses by them. */
export const lostReasonsSchema = z
  .array(z.string().trim().min(1, { error: 'v.required' }).max(50, { error: 'v.tooLong' }))
  .min(1, { error: 'v.required' })
  .max(30, { error: 'v.tooMany' })
  .refine((list) => new Set(list).size === list.length, { error: 'v.duplicateReason' });

export const defaultFunnelSettings = {
  stageProbabilities: { initial_contact: 10, needs_confirmed: 30, quotation: 60, contract_signed: 90 } satisfies StageProbabilities,
  staleDays: { initial_contact: 14, needs_confirmed: 10, quotation: 7 } satisfies StaleDays,
  lostReasons: ['价格过高', '选择了竞争对手', '预算取消', '需求变更', '联系不上', '其他'],
};
