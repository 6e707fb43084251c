import { afterEach, describe, expect, it } from 'vitest';
import type { RegistrationFieldsInput } from '../../../../src-shared/contract/registrations';
import type { Caller } from '../../handler';
import { errorOf, form, makeOffice, type Office } from '../../testing/office';
import { runFollowUpReminders } from './reminders';

let o: Office | undefined;
afterEach(async () => {
  await o?.close();
  o = undefined;
});

async function approved(office: Office, fields: Partial<RegistrationFieldsInput> = {}, owner: Caller = office.li) {
  const { registration } = await office.call(owner, 'registrations.submit', { fields: form(fields) });
  return office.call(office.zhao, 'registrations.approve', { id: registration.id });
}

const reminders = async (office: Office, caller: Caller, kind: string) =>
  (await office.call(caller, 'notifications.list', { limit: 200 })).items.filter((n) => n.kind === kind);

describe('follow-up log', () => {
  it('logs follow-ups with their next action; the latest one by time holds the open reminder', async () => {
    o = await makeOffice();
    const r = await approved(o);
    const first = await o.call(o.li, 'followups.add', {
      registrationId: r.id,
      kind: 'call',
      content: '电话确认采购数量',
      outcome: '客户要求先看样机',
      nextAction: '安排样机演示',
      nextDueDate: '2026-03-05',
    });
    expect(first).toMatchObject({ kind: 'call', authorName: '李雷', happenedAt: '2026-03-02T09:00:00.000Z', nextDueDate: '2026-03-05' });
    o.clock.advanceDays(2);
    await o.call(o.li, 'followups.add', { registrationId: r.id, kind: 'visit', content: '样机演示', nextAction: '发送报价', nextDueDate: '2026-03-10' });
    // Logged late: it happened before the visit, so the visit's next action stays the open one.
    await o.call(o.li, 'followups.add', { registrationId: r.id, kind: 'message', happenedAt: '2026-03-03T10:00:00+08:00', content: '微信发送资料', nextAction: '电话回访', nextDueDate: '2026-03-20' });
    const { items } = await o.call(o.li, 'followups.list', { registrationId: r.id });
    expect(items.map((f) => [f.kind, f.happenedAt])).toEqual([
      ['visit', '2026-03-04T09:00:00.000Z'],
      ['message', '2026-03-03T02:00:00.000Z'],
      ['call', '2026-03-02T09:00:00.000Z'],
    ]);
    const listed = (await o.call(o.li, 'opportunities.search', {})).items[0];
    expect(listed).toMatchObject({ nextAction: '发送报价', nextDueDate: '2026-03-10', lastActivityAt: '2026-03-04T09:00:00.000Z' });
  });

  it('checks the dates, and who may log on which opportunity', async () => {
    o = await makeOffice();
    const r = await approved(o);
    const base = { registrationId: r.id, kind: 'call' as const, content: '电话' };
    const issue = async (input: object) => (await errorOf(o!.call(o!.li, 'followups.add', { ...base, ...input }))).details?.issues?.[0];
    expect(await issue({ nextDueDate: '2026-03-01', nextAction: '回访' })).toMatchObject({ path: ['nextDueDate'], key: 'v.nextDueDatePast' });
    expect(await issue({ nextDueDate: '2026-03-09' })).toMatchObject({ path: ['nextAction'], key: 'v.nextActionRequired' });
    expect(await issue({ happenedAt: '2026-03-03T09:00:00Z' })).toMatchObject({ path: ['happenedAt'], key: 'v.happenedAtFuture' });
    expect(await issue({ happenedAt: '1970-01-01T00:00:00Z' })).toMatchObject({ path: ['happenedAt'], key: 'v.happenedAtBeforeRegistration' });
    expect(await issue({ nextDueDate: '9999-12-31', nextAction: '回访' })).toMatchObject({ path: ['nextDueDate'], key: 'v.nextDueDateTooFar' });
    expect(await issue({ kind: 'fax' })).toMatchObject({ path: ['kind'], key: 'v.followUpKind' });
    expect(await errorOf(o.call(o.wang, 'followups.add', base))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await errorOf(o.call(o.wang, 'followups.list', { registrationId: r.id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await o.call(o.zhao, 'followups.add', base)).toMatchObject({ authorName: '赵敏' });
    await o.call(o.li, 'registrations.markLost', { id: r.id, version: r.version, reason: '联系不上' });
    expect(await errorOf(o.call(o.li, 'followups.add', base))).toMatchObject({ code: 'CONFLICT', key: 'error.closedForFollowUp' });
  });
});

describe('今日待办 and reminders', () => {
  it('lists due and overdue next actions and stale opportunities, for oneself or the team', async () => {
    o = await makeOffice();
    const a = await approved(o, { stage: 'quotation' });
    const b = await approved(o, { customerName: '杭州云帆网络有限公司', phones: ['13700002222'], email: 'x@yunfan.cn', stage: 'initial_contact' });
    const c = await approved(o, { customerName: '广州白云电器有限公司', phones: ['13400005555'], email: 'c@by.cn' }, o.wang);
    await o.call(o.li, 'followups.add', { registrationId: a.id, kind: 'call', content: '电话', nextAction: '发报价', nextDueDate: '2026-03-04' });
    await o.call(o.li, 'followups.add', { registrationId: b.id, kind: 'call', content: '电话', nextAction: '约拜访', nextDueDate: '2026-03-06' });
    await o.call(o.wang, 'followups.add', { registrationId: c.id, kind: 'call', content: '电话', nextAction: '回访', nextDueDate: '2026-03-06' });
    o.clock.advanceDays(4); // 2026-03-06: a's action is 2 days overdue, b's is due today.
    const mine = await o.call(o.li, 'todo.today', {});
    expect(mine.today).toBe('2026-03-06');
    expect(mine.due.map((d) => [d.registrationId, d.nextAction, d.days])).toEqual([
      [a.id, '发报价', 2],
      [b.id, '约拜访', 0],
    ]);
    expect(mine.counts).toEqual({ dueToday: 1, overdue: 1, stale: 0 });
    o.clock.advanceDays(4); // 8 days idle: a (quotation, 7 days) is stale, b (initial contact, 14) is not.
    const later = await o.call(o.li, 'todo.today', {});
    expect(later.stale.map((s) => [s.registrationId, s.days])).toEqual([[a.id, 8]]);
    const team = await o.call(o.zhao, 'todo.today', { scope: 'team' });
    expect(team.due.map((d) => d.ownerName).sort()).toEqual(['李雷', '李雷', '王芳']);
    expect(await errorOf(o.call(o.li, 'todo.today', { scope: 'team' }))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('notifies the owner once per due date and once per idle spell, also when two PCs run it at once', async () => {
    o = await makeOffice();
    const r = await approved(o, { stage: 'quotation' });
    await o.call(o.li, 'followups.add', { registrationId: r.id, kind: 'call', content: '电话', nextAction: '发报价', nextDueDate: '2026-03-04' });
    const db = o.host.requireDb();
    expect(await runFollowUpReminders(db)).toEqual({ due: 0, stale: 0 });
    o.clock.advanceDays(2);
    const both = await Promise.all([runFollowUpReminders(db), runFollowUpReminders(db)]);
    expect(both[0].due + both[1].due).toBe(1);
    expect(await runFollowUpReminders(db)).toEqual({ due: 0, stale: 0 });
    expect(await reminders(o, o.li, 'followup.due')).toMatchObject([{ entityId: r.id, params: { customer: '深圳市星辰科技有限公司', action: '发报价', due: '2026-03-04' } }]);
    o.clock.advanceDays(6); // 8 days without activity in quotation (7)
    expect(await runFollowUpReminders(db)).toEqual({ due: 0, stale: 1 });
    expect(await reminders(o, o.li, 'opportunity.stale')).toMatchObject([{ entityId: r.id, params: { days: 8 } }]);
    // A new follow-up starts a new spell and a new reminder date.
    await o.call(o.li, 'followups.add', { registrationId: r.id, kind: 'visit', content: '拜访', nextAction: '催款', nextDueDate: '2026-03-12' });
    o.clock.advanceDays(9);
    expect(await runFollowUpReminders(db)).toEqual({ due: 1, stale: 1 });
    expect(await runFollowUpReminders(db)).toEqual({ due: 0, stale: 0 });
  });

  it('does not announce what fell due long ago: the panel lists it, a notification would be noise', async () => {
    o = await makeOffice();
    const r = await approved(o);
    await o.call(o.li, 'followups.add', { registrationId: r.id, kind: 'call', content: '电话', nextAction: '回访', nextDueDate: '2026-03-03' });
    o.clock.advanceDays(30);
    expect(await runFollowUpReminders(o.host.requireDb())).toEqual({ due: 0, stale: 0 });
    expect((await o.call(o.li, 'todo.today', {})).counts).toEqual({ dueToday: 0, overdue: 1, stale: 1 });
  });
});
