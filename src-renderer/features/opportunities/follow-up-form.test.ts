import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { checkFollowUp, type FollowUpContext } from './follow-up-form';

const ctx: FollowUpContext = { registrationId: 12, registrationCreatedAt: '2026-03-01T02:00:00.000Z', nowIso: '2026-03-10T06:00:00.000Z', today: '2026-03-10' };
const problems = (values: Parameters<typeof checkFollowUp>[0], context = ctx) => {
  const checked = checkFollowUp(values, context);
  return checked.ok ? [] : checked.problems.map((p) => [p.name.join('.'), p.key]);
};

describe('follow-up form validation', () => {
  it('passes a complete follow-up as the operation takes it: instants with their offset, dates as YYYY-MM-DD, blanks left out', () => {
    const checked = checkFollowUp(
      {
        kind: 'visit',
        happenedAt: dayjs('2026-03-09T15:30:00+08:00'),
        content: '上门演示样机',
        outcome: '   ',
        nextAction: '发送报价',
        nextDueDate: dayjs('2026-03-12'),
      },
      ctx,
    );
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.input).toEqual({
      registrationId: 12,
      kind: 'visit',
      happenedAt: dayjs('2026-03-09T15:30:00+08:00').format(),
      content: '上门演示样机',
      nextAction: '发送报价',
      nextDueDate: '2026-03-12',
    });
    expect(Date.parse(checked.input.happenedAt!)).toBe(Date.parse('2026-03-09T07:30:00Z'));
  });

  it('needs what happened and how, as the contract says', () => {
    expect(problems({ kind: 'call', content: '   ' })).toEqual([['content', 'v.required']]);
    expect(problems({ content: '电话沟通' })).toEqual([['kind', 'v.followUpKind']]);
    expect(problems({ kind: 'call', content: 'x'.repeat(2001) })).toEqual([['content', 'v.tooLong']]);
  });

  it('asks for the next action when its date is set, not the other way round', () => {
    expect(problems({ kind: 'call', content: '电话', nextDueDate: dayjs('2026-03-11') })).toEqual([['nextAction', 'v.nextActionRequired']]);
    expect(problems({ kind: 'call', content: '电话', nextAction: '回访' })).toEqual([]);
  });

  it('checks the dates against now and today with the server’s messages', () => {
    const base = { kind: 'call' as const, content: '电话', nextAction: '回访' };
    expect(problems({ ...base, nextDueDate: dayjs('2026-03-09') })).toEqual([['nextDueDate', 'v.nextDueDatePast']]);
    expect(problems({ ...base, nextDueDate: dayjs('2026-03-10') })).toEqual([]);
    expect(problems({ ...base, nextDueDate: dayjs('2028-03-10') })).toEqual([]);
    expect(problems({ ...base, nextDueDate: dayjs('2028-03-11') })).toEqual([['nextDueDate', 'v.nextDueDateTooFar']]);
    // A few minutes ahead is another PC's clock, an hour is the future.
    expect(problems({ ...base, happenedAt: dayjs('2026-03-10T06:03:00Z') })).toEqual([]);
    expect(problems({ ...base, happenedAt: dayjs('2026-03-10T07:00:00Z') })).toEqual([['happenedAt', 'v.happenedAtFuture']]);
    expect(problems({ ...base, happenedAt: dayjs('2026-02-27T00:00:00Z') })).toEqual([['happenedAt', 'v.happenedAtBeforeRegistration']]);
  });

  it('reports every field that is wrong at once', () => {
    expect(problems({ content: '', nextDueDate: dayjs('2026-03-01') })).toEqual([
      ['kind', 'v.followUpKind'],
      ['content', 'v.required'],
      ['nextAction', 'v.nextActionRequired'],
      ['nextDueDate', 'v.nextDueDatePast'],
    ]);
  });
});
