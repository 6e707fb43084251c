import { countCharacters, isValidEmail, isValidUscc, minNeedCharacters, parsePhone } from '../fields';

/** The seed's five review criteria, in its order. */
export const criteria = ['customerInfo', 'needClear', 'budgetReasonable', 'closeDateRealistic', 'stageConfirmed'] as const;
export type Criterion = (typeof criteria)[number];

export interface CheckResult {
  criterion: Criterion;
  passed: boolean;
  /** i18n keys saying why, with their parameters; empty when it passed for no particular reason. */
  reasons: { key: string; params?: Record<string, string | number> }[];
}

export interface CheckedRegistration {
  customerName: string;
  customerKind: 'company' | 'person';
  contactPerson: string;
  phones: readonly string[];
  email: string | null;
  uscc: string | null;
  needDescription: string;
  budget: number | null;
  expectedCloseDate: string | null;
  stage: 'initial_contact' | 'needs_confirmed' | 'quotation' | 'contract_signed';
  /** Stages recorded in follow-ups or history, oldest first; empty for a new registration. */
  stageHistory: readonly string[];
}

export interface CheckContext {
  /** YYYY-MM-DD on the reviewer's calendar. */
  today: string;
  /** Median approved budget of the same product line, when there are enough to compare with. */
  productLineMedianBudget: number | null;
}

/** Words that say nothing about what the customer needs. */
const vagueWords = ['待定', '不清楚', '不确定', '再说', '随便', '看看', '了解一下', '有需求', '需要产品', '详谈', '面议', 'tbd', 'todo', 'xxx', '测试'];
/** Beyond this a budget is a typo, whatever the product. */
const absurdBudget = 1_000_000_000;
/** A budget this many times off the product line's median deserves a second look. */
const outlierFactor = 10;
/** Days a deal in a stage needs at least before it can close. */
const minDaysToClose: Record<CheckedRegistration['stage'], number> = { initial_contact: 14, needs_confirmed: 7, quotation: 3, contract_signed: 0 };
/** Months after which an early-stage forecast is a guess. */
const maxMonthsForStage: Record<CheckedRegistration['stage'], number> = { initial_contact: 24, needs_confirmed: 18, quotation: 12, contract_signed: 3 };
const stageOrder = ['initial_contact', 'needs_confirmed', 'quotation', 'contract_signed'];

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

function customerInfo(r: CheckedRegistration): CheckResult['reasons'] {
  const reasons: CheckResult['reasons'] = [];
  if ([...r.customerName.trim()].length < 2) reasons.push({ key: 'check.customerNameMissing' });
  if (!r.contactPerson.trim()) reasons.push({ key: 'check.contactMissing' });
  const validPhones = r.phones.filter((p) => parsePhone(p) !== null);
  if (validPhones.length === 0 && !(r.email && isValidEmail(r.email))) reasons.push({ key: 'check.noValidContact' });
  if (r.phones.length > validPhones.length) reasons.push({ key: 'check.invalidPhone' });
  if (r.uscc && !isValidUscc(r.uscc)) reasons.push({ key: 'check.invalidUscc' });
  return reasons;
}

function needClear(r: CheckedRegistration): CheckResult['reasons'] {
  const text = r.needDescription.trim();
  const count = countCharacters(text);
  if (count < minNeedCharacters) return [{ key: 'check.needTooShort', params: { count, min: minNeedCharacters } }];
  const lower = text.toLowerCase();
  const vague = vagueWords.filter((w) => lower.includes(w));
  // Padding (啊啊啊啊…, ……) makes a description long without saying more.
  const distinct = new Set([...text.replace(/\s/g, '')]).size;
  const reasons: CheckResult['reasons'] = [];
  if (vague.length > 0) reasons.push({ key: 'check.needVague', params: { words: vague.join('、') } });
  if (distinct < Math.min(8, count / 2)) reasons.push({ key: 'check.needRepetitive' });
  return reasons;
}

function budgetReasonable(r: CheckedRegistration, ctx: CheckContext): CheckResult['reasons'] {
  if (r.budget === null || r.budget <= 0) return [{ key: 'check.budgetMissing' }];
  if (r.budget >= absurdBudget) return [{ key: 'check.budgetAbsurd' }];
  const median = ctx.productLineMedianBudget;
  if (median && (r.budget > median * outlierFactor || r.budget < median / outlierFactor))
    return [{ key: 'check.budgetOutlier', params: { median: Math.round(median) } }];
  return [];
}

function closeDateRealistic(r: CheckedRegistration, ctx: CheckContext): CheckResult['reasons'] {
  if (!r.expectedCloseDate) return [{ key: 'check.closeDateMissing' }];
  const days = daysBetween(ctx.today, r.expectedCloseDate);
  if (days < 0) return [{ key: 'check.closeDatePast' }];
  if (days < minDaysToClose[r.stage]) return [{ key: 'check.closeDateTooNear', params: { days, min: minDaysToClose[r.stage] } }];
  if (days > maxMonthsForStage[r.stage] * 30.5) return [{ key: 'check.closeDateTooFar', params: { months: maxMonthsForStage[r.stage] } }];
  return [];
}

function stageConfirmed(r: CheckedRegistration): CheckResult['reasons'] {
  // A signed contract is a win to record, not an opportunity to protect.
  if (r.stage === 'contract_signed') return [{ key: 'check.stageSigned' }];
  const latest = r.stageHistory.at(-1);
  if (latest && stageOrder.indexOf(latest) > stageOrder.indexOf(r.stage)) return [{ key: 'check.stageBehindHistory' }];
  if (r.stage === 'quotation' && r.budget === null) return [{ key: 'check.quotationWithoutBudget' }];
  return [];
}

/** The automatic pre-check of each criterion: a reviewer confirms or overrides each with a comment. */
export function runChecks(r: CheckedRegistration, ctx: CheckContext): CheckResult[] {
  const reasonsOf: Record<Criterion, CheckResult['reasons']> = {
    customerInfo: customerInfo(r),
    needClear: needClear(r),
    budgetReasonable: budgetReasonable(r, ctx),
    closeDateRealistic: closeDateRealistic(r, ctx),
    stageConfirmed: stageConfirmed(r),
  };
  return criteria.map((criterion) => ({ criterion, passed: reasonsOf[criterion].length === 0, reasons: reasonsOf[criterion] }));
}

export const allPassed = (results: readonly CheckResult[]): boolean => results.every((r) => r.passed);
