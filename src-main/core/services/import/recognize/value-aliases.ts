import type { ImportStatus } from '../../../../../src-shared/contract/import';
import type { Stage } from '../../../../../src-shared/contract/registrations';
import { normalizeLabel } from './normalize-label';

type StatusTarget = { status: ImportStatus; stage?: Stage };

const lookup = <T>(table: readonly (readonly [T, readonly string[]])[]) => {
  const map = new Map<string, T>();
  for (const [target, labels] of table) for (const label of labels) map.set(normalizeLabel(label), target);
  return (value: string): T | undefined => map.get(normalizeLabel(value));
};

/**
 * Status words of the seed (待审核, 已审核, 赢单, 输单, 已过期), our own codes, and common CRM pipeline
 * words. Prospecting and Engaging (the CRM sample's open stages) start at the stage they name.
 */
export const statusOfValue = lookup<StatusTarget>([
  [{ status: 'submitted' }, ['待审核', '待审', '审核中', '已提交', '已报备', 'submitted', 'pending']],
  [{ status: 'approved' }, ['已审核', '审核通过', '已通过', '已批准', '跟进中', '进行中', 'approved', 'open', 'active', 'inProgress']],
  [{ status: 'won' }, ['赢单', '已赢单', '成交', '已成交', '已签约', 'won', 'closedWon', 'win']],
  [{ status: 'lost' }, ['输单', '已输单', '丢单', '失败', 'lost', 'closedLost', 'lose']],
  [{ status: 'expired' }, ['已过期', '过期', '已失效', '已释放', 'expired']],
  [{ status: 'submitted', stage: 'initial_contact' }, ['prospecting', 'lead', 'new']],
  [{ status: 'approved', stage: 'needs_confirmed' }, ['engaging', 'qualified', 'qualification']],
  [{ status: 'approved', stage: 'quotation' }, ['proposal', 'quote', 'negotiation']],
]);

export const stageOfValue = lookup<Stage>([
  ['initial_contact', ['初步接触', '初次接触', '接触', '初步沟通', 'initial_contact', 'initialContact', 'initial contact', 'contact']],
  ['needs_confirmed', ['需求确认', '确认需求', '需求已确认', 'needs_confirmed', 'needsConfirmed', 'needs confirmed', 'needs analysis']],
  ['quotation', ['报价', '已报价', '方案报价', '商务报价', 'quotation', 'quote', 'proposal']],
  ['contract_signed', ['合同签订', '签订合同', '签约', '已签约', 'contract_signed', 'contractSigned', 'contract signed']],
]);

export const customerKindOfValue = lookup<'company' | 'person'>([
  ['company', ['企业', '公司', '单位', '机构', '企业客户', 'company', 'business', 'organization', 'organisation']],
  ['person', ['个人', '个体', '个人客户', '自然人', 'person', 'individual', 'personal']],
]);
