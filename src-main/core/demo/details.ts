import { type Stage, stages } from '../../../src-shared/contract/registrations';
import { beijingDate, duringOfficeHours } from './calendar';
import type { DemoCustomer } from './customers';
import { DAY_MS, type Timeline } from './lifecycle';
import type { Random } from './random';
import {
  budgetYuan,
  type FollowUpKind,
  followUpKinds,
  followUpText,
  needDescription,
  otherLostComments,
  productLines,
  sourceChannels,
} from './texts';

export interface FormFields {
  contactPerson: string;
  phones: string[];
  email: string | null;
  uscc: string | null;
  region: string | null;
  needDescription: string;
  budgetYuan: number;
  sourceChannel: string;
  productLine: string;
}

export interface StageChange {
  from: Stage | null;
  to: Stage;
  at: number;
}

export interface CloseDateChange {
  from: string;
  to: string;
  at: number;
}

export interface FollowUp {
  kind: FollowUpKind;
  at: number;
  content: string;
  outcome: string | null;
  nextAction: string | null;
  nextDueDate: string | null;
}

/** Everything about an opportunity besides its lifecycle: what the form said and what happened since. */
export interface DealDetails {
  fields: FormFields;
  /** The stage now: the last of the history, or the stage it was submitted in. */
  stage: Stage;
  stageHistory: StageChange[];
  expectedCloseDate: string;
  closeDateChanges: CloseDateChange[];
  followUps: FollowUp[];
  finalAmountYuan: number | null;
  lostReason: string | null;
  lostComment: string | null;
}

function formFields(rng: Random, customer: DemoCustomer): FormFields {
  const contact = rng.pick(customer.contacts);
  const line = rng.pick(productLines);
  return {
    contactPerson: contact.name,
    phones: customer.landline && rng.chance(0.5) ? [contact.mobile, customer.landline] : [contact.mobile],
    email: contact.email,
    uscc: customer.uscc && rng.chance(0.8) ? customer.uscc : null,
    region: rng.chance(0.85) ? customer.region : null,
    needDescription: needDescription(rng, line),
    budgetYuan: budgetYuan(rng, line),
    sourceChannel: rng.weighted(sourceChannels),
    productLine: line.name,
  };
}

const stageIndex = (s: Stage) => stages.indexOf(s);

/**
 * The stages an approved deal went through, from the one it was approved in (the funnel's first
 * history entry, as approval writes it) to where it is now. An open deal stops at 报价 at most, as far
 * as its age suggests: reaching 合同签订 is winning. A win's 合同签订 entry is dated at the win, and
 * the writer adds it after closing, as markWon does; a loss ends anywhere before.
 */
function stagePath(rng: Random, t: Timeline, first: Stage, now: number): StageChange[] {
  if (t.approvedAt === null) return [];
  const end = t.closedAt ?? now;
  const from = stageIndex(first);
  const quotation = stageIndex('quotation');
  let last: number;
  if (t.status === 'won' || t.status === 'lost') last = rng.int(from, Math.max(from, quotation));
  else if (t.status === 'expired') last = Math.min(from + rng.int(0, 1), quotation);
  else last = Math.min(from + Math.floor(((end - t.approvedAt) / DAY_MS / 25) * rng.next() * 1.5), quotation);
  last = Math.max(last, from);
  const times = Array.from({ length: last - from }, () => rng.between(t.approvedAt!, end)).sort((a, b) => a - b);
  const path: StageChange[] = [{ from: null, to: first, at: t.approvedAt }];
  times.forEach((at, i) => path.push({ from: stages[from + i]!, to: stages[from + i + 1]!, at }));
  if (t.status === 'won') path.push({ from: stages[last]!, to: 'contract_signed', at: end });
  return path;
}

const stageAt = (path: StageChange[], first: Stage, at: number): Stage => path.filter((c) => c.at <= at).at(-1)?.to ?? first;

/** Forecasts slip: open deals whose date has passed were moved on, others now and then. */
function closeDates(rng: Random, t: Timeline, now: number): { expected: string; changes: CloseDateChange[] } {
  const submitted = t.submittedAt ?? t.createdAt;
  let expected = beijingDate(submitted + rng.between(30, 150) * DAY_MS);
  const changes: CloseDateChange[] = [];
  if (t.approvedAt === null) return { expected, changes };
  const end = t.closedAt ?? now;
  const move = (at: number, to: string) => {
    if (to === expected) return;
    changes.push({ from: expected, to, at });
    expected = to;
  };
  if (rng.chance(t.status === 'won' ? 0.4 : 0.3)) {
    const at = rng.between(t.approvedAt, end);
    move(at, beijingDate(Math.max(at, Date.parse(`${expected}T00:00:00Z`)) + rng.between(15, 60) * DAY_MS));
  }
  if (t.status === 'won') move(t.closedAt!, beijingDate(t.closedAt!));
  if (t.status === 'approved' && expected < beijingDate(now)) move(rng.between(Math.max(t.approvedAt, now - 14 * DAY_MS), now), beijingDate(now + rng.between(15, 90) * DAY_MS));
  return { expected, changes };
}

function followUps(rng: Random, t: Timeline, path: StageChange[], first: Stage, now: number): FollowUp[] {
  if (t.submittedAt === null) return [];
  const start = t.createdAt;
  const end = t.closedAt ?? t.rejectedAt ?? now;
  const days = (end - start) / DAY_MS;
  const count = t.approvedAt === null ? rng.int(0, 1) : Math.min(12, 1 + Math.floor(days / rng.between(8, 20)));
  const instants = Array.from({ length: count }, () => Math.min(end, Math.max(start, duringOfficeHours(rng, rng.between(start, end))))).sort((a, b) => a - b);
  const stillOpen = t.closedAt === null && t.rejectedAt === null;
  return instants.map((at, i) => {
    const text = followUpText(rng, stageAt(path, first, at));
    const last = i === instants.length - 1;
    const due = (last && stillOpen) || text.nextAction !== null ? beijingDate(at + rng.between(3, 14) * DAY_MS) : null;
    return { kind: rng.weighted(followUpKinds), at, ...text, nextDueDate: due };
  });
}

/**
 * Draws the form and the history of one opportunity from its own seed, consistent with its timeline.
 * Lost deals take the office's lost reasons, the first listed the most common.
 */
export function dealDetails(rng: Random, customer: DemoCustomer, t: Timeline, now: number, lostReasons: readonly string[]): DealDetails {
  const fields = formFields(rng, customer);
  const first = rng.weighted([
    ['initial_contact', 55],
    ['needs_confirmed', 30],
    ['quotation', 15],
  ] as const);
  const stageHistory = stagePath(rng, t, first, now);
  const { expected, changes } = closeDates(rng, t, now);
  const lostReason = t.status === 'lost' ? rng.weighted(lostReasons.map((reason, i) => [reason, lostReasons.length - i] as const)) : null;
  return {
    fields,
    stage: stageHistory.at(-1)?.to ?? first,
    stageHistory,
    expectedCloseDate: expected,
    closeDateChanges: changes,
    followUps: followUps(rng, t, stageHistory, first, now),
    // A won deal's final amount is what was signed: near the budget, more often a little below it.
    finalAmountYuan: t.status === 'won' ? Math.round((fields.budgetYuan * rng.between(0.8, 1.05)) / 100) * 100 : null,
    lostReason,
    lostComment: lostReason === '其他' ? rng.pick(otherLostComments) : null,
  };
}
