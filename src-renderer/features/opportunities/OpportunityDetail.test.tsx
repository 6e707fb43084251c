// @vitest-environment jsdom
import '../../test/dom-setup';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { InputOf, Registration } from '../../../src-shared/contract';
import type { FollowUp, TimelineEvent } from '../../../src-shared/contract/followups';
import { type FakeHandlers, failure } from '../../test/fake-transport';
import { renderApp } from '../../test/render-app';
import { registrationRow, salesUser, signedIn } from '../registration/testing';
import { listHandlers, listItem } from './testing';

// The first render of the whole app (antd, tables, forms) is slow on a busy machine.
configure({ asyncUtilTimeout: 15_000 });
beforeEach(() => localStorage.clear());

const open = registrationRow({ id: 5, status: 'approved', stage: 'needs_confirmed', approvedAt: '2026-03-03T09:00:00.000Z', protectedUntil: '2026-06-01' });

const followUp: FollowUp = {
  id: 3,
  registrationId: 5,
  kind: 'visit',
  happenedAt: '2026-03-09T02:00:00.000Z',
  content: '上门演示样机',
  outcome: '客户满意，要求报价',
  nextAction: '发送报价',
  nextDueDate: '2026-03-12',
  authorId: salesUser.id,
  authorName: salesUser.displayName,
  createdAt: '2026-03-09T02:05:00.000Z',
};

const timeline: TimelineEvent[] = [
  { type: 'followUp', at: followUp.happenedAt, by: { id: salesUser.id, name: salesUser.displayName }, followUp },
  { type: 'closeDateChange', at: '2026-03-08T03:00:00.000Z', by: { id: salesUser.id, name: salesUser.displayName }, from: '2026-04-30', to: '2026-05-31', reason: '客户预算下月批复' },
  { type: 'stageChange', at: '2026-03-07T03:00:00.000Z', by: { id: salesUser.id, name: salesUser.displayName }, from: 'initial_contact', to: 'needs_confirmed' },
  { type: 'event', at: '2026-03-03T09:00:00.000Z', by: { id: 9, name: '赵敏' }, operation: 'review.approve', statusFrom: 'submitted', statusTo: 'approved', reason: null },
  { type: 'event', at: '2026-03-02T09:00:00.000Z', by: { id: null, name: null }, operation: 'protection.somethingNew', statusFrom: null, statusTo: null, reason: null },
];

/** 我的商机 opened on one opportunity, as a notification's link does. */
function openDetail(registration: Registration, more: FakeHandlers = {}) {
  return renderApp(
    signedIn(
      salesUser,
      `myOpportunities?id=${registration.id}`,
      listHandlers([listItem({ id: registration.id, customerName: registration.customerName })], {
        'registrations.get': () => ({ ok: true, data: registration }),
        ...more,
      }),
    ),
  );
}

const inputOf = <K extends 'followups.add' | 'registrations.changeStage' | 'registrations.markLost'>(calls: { operation: string; input: unknown }[], operation: K) =>
  calls.filter((c) => c.operation === operation).map((c) => c.input as InputOf<K>);

describe('the opportunity’s timeline', () => {
  it('shows follow-ups, stage and close-date changes and review events, newest first, each with who', async () => {
    openDetail(open, { 'opportunities.timeline': () => ({ ok: true, data: { items: timeline } }) });
    const item = async (index: number) => screen.findByTestId(`timeline-item-${index}`);

    const visit = await item(0);
    expect(visit.dataset.type).toBe('followUp');
    expect(visit.textContent).toContain('拜访');
    expect(visit.textContent).toContain('上门演示样机');
    expect(visit.textContent).toContain('结果：客户满意，要求报价');
    expect(visit.textContent).toContain('下一步：发送报价（2026-03-12）');
    expect(visit.textContent).toContain('王芳');

    expect((await item(1)).textContent).toContain('预期成交时间：2026-04-30 → 2026-05-31');
    expect((await item(1)).textContent).toContain('原因：客户预算下月批复');
    expect((await item(2)).textContent).toContain('阶段：初步接触 → 需求确认');
    const approval = await item(3);
    expect(approval.dataset.operation).toBe('review.approve');
    expect(approval.textContent).toContain('审核通过');
    expect(approval.textContent).toContain('状态：待审核 → 已审核');
    expect(approval.textContent).toContain('赵敏');
    // An operation without words of its own still shows, by its name; nobody's is the system's.
    expect((await item(4)).textContent).toContain('protection.somethingNew');
    expect((await item(4)).textContent).toContain('系统');
    expect(screen.queryByTestId('timeline-item-5')).toBeNull();
  });

  it('says so when nothing happened yet', async () => {
    openDetail(open);
    expect(await screen.findByTestId('timeline-empty')).toBeTruthy();
  });
});

describe('the follow-up form', () => {
  it('refuses an empty follow-up on its field without asking the server, then saves one with Ctrl+Enter and is ready for the next', async () => {
    const { calls } = openDetail(open, { 'followups.add': () => ({ ok: true, data: followUp }) });
    const form = await screen.findByTestId('followup-form');
    fireEvent.click(within(form).getByTestId('followup-submit'));
    expect(await within(form).findByText('必填')).toBeTruthy();
    fireEvent.change(within(form).getByTestId('followup-next-action'), { target: { value: '发送报价' } });
    fireEvent.click(within(form).getByTestId('followup-kind-visit'));
    const content = within(form).getByTestId('followup-content');
    fireEvent.change(content, { target: { value: '上门演示样机' } });
    fireEvent.keyDown(content, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(inputOf(calls, 'followups.add')).toEqual([{ registrationId: 5, kind: 'visit', content: '上门演示样机', nextAction: '发送报价' }]));
    // Reset for the next one (the field is drawn anew).
    await waitFor(() => expect(within(form).getByTestId('followup-content')).toHaveProperty('value', ''));
    expect(within(form).queryByText('必填')).toBeNull();
  });

  it('puts the server’s field errors on their fields', async () => {
    openDetail(open, {
      'followups.add': () => ({
        ok: false,
        error: { code: 'VALIDATION', key: 'error.VALIDATION', message: '输入有误', details: { issues: [{ path: ['nextDueDate'], key: 'v.nextDueDatePast', message: '下次跟进日期不能早于今天' }] } },
      }),
    });
    const form = await screen.findByTestId('followup-form');
    fireEvent.change(within(form).getByTestId('followup-content'), { target: { value: '电话回访' } });
    fireEvent.click(within(form).getByTestId('followup-submit'));
    expect(await within(form).findByText('下次跟进日期不能早于今天')).toBeTruthy();
  });

  it('is not offered once the opportunity is lost', async () => {
    openDetail(registrationRow({ id: 5, status: 'lost', lostReason: '预算取消', closedAt: '2026-03-09T02:00:00.000Z' }));
    expect((await screen.findByTestId('opp-detail-lost-reason')).textContent).toBe('预算取消');
    expect(screen.queryByTestId('followup-form')).toBeNull();
    expect(screen.queryByTestId('opp-move-stage')).toBeNull();
  });
});

describe('moving an opportunity', () => {
  it('offers a reload on STALE, keeps the chosen stage, and confirms again with the new version', async () => {
    let version = 0;
    const { calls } = openDetail(open, {
      'registrations.get': () => ({ ok: true, data: { ...open, version } }),
      'registrations.changeStage': (input) => (input.version === version ? { ok: true, data: { ...open, stage: input.stage, version: version + 1 } } : failure('STALE')),
    });
    version = 0;
    fireEvent.click(await screen.findByTestId('opp-move-stage'));
    fireEvent.click(await screen.findByTestId('move-stage-quotation'));
    version = 3; // another PC moved it meanwhile
    fireEvent.click(screen.getByTestId('move-submit'));
    expect(await screen.findByTestId('move-stale')).toBeTruthy();
    fireEvent.click(screen.getByTestId('move-reload'));
    await waitFor(() => expect(screen.queryByTestId('move-stale')).toBeNull());
    fireEvent.click(screen.getByTestId('move-submit'));
    await waitFor(() => expect(inputOf(calls, 'registrations.changeStage')).toHaveLength(2));
    expect(inputOf(calls, 'registrations.changeStage')).toEqual([
      { id: 5, version: 0, stage: 'quotation' },
      { id: 5, version: 3, stage: 'quotation' },
    ]);
    await waitFor(() => expect(screen.queryByTestId('move-modal-stage')).toBeNull());
  });

  it('asks for the win’s amount and date when the stage is 合同签订', async () => {
    const { calls } = openDetail(open, { 'registrations.changeStage': (input) => ({ ok: true, data: { ...open, status: 'won', stage: input.stage } }) });
    fireEvent.click(await screen.findByTestId('opp-move-stage'));
    fireEvent.click(await screen.findByTestId('move-stage-contract_signed'));
    fireEvent.change(await screen.findByTestId('move-final-amount'), { target: { value: '85万' } });
    fireEvent.click(screen.getByTestId('move-submit'));
    await waitFor(() =>
      expect(inputOf(calls, 'registrations.changeStage')).toEqual([
        { id: 5, version: 0, stage: 'contract_signed', won: { finalAmount: '85万', wonDate: dayjs().format('YYYY-MM-DD') } },
      ]),
    );
  });

  it('marks it lost with one of the office’s reasons and a comment', async () => {
    const { calls } = openDetail(open, { 'registrations.markLost': (input) => ({ ok: true, data: { ...open, status: 'lost', lostReason: input.reason } }) });
    fireEvent.click(await screen.findByTestId('opp-move-lost'));
    const modal = await screen.findByTestId('move-modal-lost');
    fireEvent.click(within(modal).getByTestId('move-submit'));
    expect(await within(modal).findByText('请从输单原因列表中选择')).toBeTruthy();
    fireEvent.click(await within(modal).findByTestId('move-lost-reason-2'));
    fireEvent.change(within(modal).getByTestId('move-lost-comment'), { target: { value: '客户年度预算被砍' } });
    fireEvent.click(within(modal).getByTestId('move-submit'));
    await waitFor(() => expect(inputOf(calls, 'registrations.markLost')).toEqual([{ id: 5, version: 0, reason: '预算取消', comment: '客户年度预算被砍' }]));
  });

  it('shows the server’s refusal plainly', async () => {
    openDetail(open, { 'registrations.changeStage': () => failure('CONFLICT', 'error.notOpen') });
    fireEvent.click(await screen.findByTestId('opp-move-stage'));
    const modal = await screen.findByTestId('move-modal-stage');
    fireEvent.click(within(modal).getByTestId('move-submit'));
    expect((await within(modal).findByTestId('move-error')).textContent).toBe('该商机已结束或尚未审核通过，不能再变更阶段、赢单或输单');
  });
});
