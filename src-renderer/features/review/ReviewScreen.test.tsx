// @vitest-environment jsdom
import '../../test/dom-setup';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AppErrorShape, InputOf } from '../../../src-shared/contract';
import { failure } from '../../test/fake-transport';
import { renderApp } from '../../test/render-app';
import { checks, detailOf, reviewer, signedIn, submission } from './test-fixtures';

type DecideInput = InputOf<'review.decide'>;

/** review.decide as the server rules it: a reason to turn down, a comment on each override, the version read. */
function decideLikeTheServer(current: { version: number }) {
  return (input: DecideInput) => {
    const invalid = (path: (string | number)[], key: string, message: string) => {
      const { error } = failure('VALIDATION') as { error: AppErrorShape };
      return { ok: false as const, error: { ...error, details: { issues: [{ path, key, message }] } } };
    };
    if (input.version !== current.version) return failure('STALE');
    if (input.decision !== 'approve' && !input.reason) return invalid(['reason'], 'error.reasonRequired', '退回或驳回必须填写原因');
    const index = input.checklist.findIndex((item, i) => item.passed !== checks[i]?.passed && !item.comment);
    if (index >= 0) return invalid(['checklist', index, 'comment'], 'v.overrideComment', '改变自动检查的结论时请说明理由');
    return { ok: true as const, data: { ...submission, status: input.decision === 'approve' ? ('approved' as const) : ('returned' as const) } };
  };
}

/** The first screen of a test waits for the app to load, which on a busy machine takes more than a second. */
const loaded = (testId: string) => screen.findByTestId(testId, {}, { timeout: 10_000 });

const decideCalls = (calls: { operation: string; input: unknown }[]) => calls.filter((c) => c.operation === 'review.decide').map((c) => c.input as DecideInput);

describe('review screen', () => {
  it("puts the server's refusal of an uncommented override on that item, then approves with the comment", async () => {
    const { calls } = renderApp(signedIn(reviewer, '/review/5', { 'review.detail': () => ({ ok: true, data: detailOf() }), 'review.decide': decideLikeTheServer({ version: 1 }) }));
    fireEvent.click(await loaded('checklist-pass-needClear'));
    fireEvent.click(screen.getByTestId('review-approve'));
    expect((await screen.findByTestId('checklist-comment-error-needClear')).textContent).toBe('改变自动检查的结论时请说明理由');
    expect(screen.queryByTestId('review-error')).toBeNull();

    fireEvent.change(screen.getByTestId('checklist-comment-needClear'), { target: { value: '电话确认：采购 200 台电脑' } });
    fireEvent.click(screen.getByTestId('review-approve'));
    await waitFor(() => expect(window.location.hash).toBe('#/review'));
    expect(decideCalls(calls).at(-1)).toMatchObject({ id: 5, version: 1, decision: 'approve', checklist: [{ passed: true }, { criterion: 'needClear', passed: true, comment: '电话确认：采购 200 台电脑' }, {}, {}, {}] });
  });

  it('asks for the reason of a return on the reason field, and returns with it', async () => {
    const { calls } = renderApp(signedIn(reviewer, '/review/5', { 'review.detail': () => ({ ok: true, data: detailOf() }), 'review.decide': decideLikeTheServer({ version: 1 }) }));
    fireEvent.click(await loaded('review-return'));
    expect((await screen.findByTestId('review-reason-error')).textContent).toBe('退回或驳回必须填写原因');
    fireEvent.change(screen.getByTestId('review-reason'), { target: { value: '请写清楚采购数量' } });
    fireEvent.click(screen.getByTestId('review-return'));
    await waitFor(() => expect(window.location.hash).toBe('#/review'));
    expect(decideCalls(calls).at(-1)).toMatchObject({ decision: 'return', reason: '请写清楚采购数量' });
  });

  it('decides from the keyboard, but not while the reviewer types', async () => {
    const { calls } = renderApp(signedIn(reviewer, '/review/5', { 'review.detail': () => ({ ok: true, data: detailOf() }), 'review.decide': decideLikeTheServer({ version: 1 }) }));
    const reason = await loaded('review-reason');
    fireEvent.keyDown(reason, { key: 'r' });
    expect(decideCalls(calls)).toEqual([]);
    fireEvent.change(reason, { target: { value: '客户尚无预算' } });
    fireEvent.keyDown(document.body, { key: 'x' });
    await waitFor(() => expect(decideCalls(calls)).toMatchObject([{ decision: 'reject', reason: '客户尚无预算' }]));
  });

  it('offers a reload after STALE that keeps the checklist and the reason, and decides on the new version', async () => {
    const current = { version: 1 };
    const { calls } = renderApp(
      signedIn(reviewer, '/review/5', {
        'review.detail': () => ({ ok: true, data: detailOf({ ...submission, version: current.version }) }),
        'review.decide': decideLikeTheServer(current),
      }),
    );
    fireEvent.click(await loaded('checklist-fail-stageConfirmed'));
    fireEvent.change(screen.getByTestId('checklist-comment-stageConfirmed'), { target: { value: '跟进记录显示仍在初步接触' } });
    fireEvent.change(screen.getByTestId('review-reason'), { target: { value: '请核实阶段' } });
    current.version = 2; // the salesperson withdrew and resubmitted meanwhile
    fireEvent.click(screen.getByTestId('review-return'));
    expect((await screen.findByTestId('review-error')).textContent).toContain('已被其他人修改');

    fireEvent.click(screen.getByTestId('review-reload'));
    await waitFor(() => expect(screen.queryByTestId('review-error')).toBeNull());
    expect(screen.getByTestId('checklist-comment-stageConfirmed')).toHaveProperty('value', '跟进记录显示仍在初步接触');
    expect(screen.getByTestId('review-reason')).toHaveProperty('value', '请核实阶段');
    fireEvent.click(screen.getByTestId('review-return'));
    await waitFor(() => expect(decideCalls(calls).map((d) => d.version)).toEqual([1, 2]));
  });

  it("says plainly that nobody reviews their own registration, and offers no decision", async () => {
    renderApp(signedIn(reviewer, '/review/5', { 'review.detail': () => ({ ok: true, data: detailOf({ ...submission, ownerId: reviewer.id }) }) }));
    expect((await loaded('review-own')).textContent).toBe('不能审核自己的报备');
    expect(screen.queryByTestId('review-approve')).toBeNull();
  });

  it('shows a FORBIDDEN answer as it comes', async () => {
    renderApp(
      signedIn(reviewer, '/review/5', {
        'review.detail': () => ({ ok: true, data: detailOf() }),
        'review.decide': () => failure('FORBIDDEN', 'error.ownRegistration'),
      }),
    );
    fireEvent.click(await loaded('checklist-pass-needClear'));
    fireEvent.change(screen.getByTestId('checklist-comment-needClear'), { target: { value: '已核实' } });
    fireEvent.click(screen.getByTestId('review-approve'));
    expect((await screen.findByTestId('review-error')).textContent).toBe('不能审核自己的报备');
  });

  it('shows a competing registration side by side and adjudicates: one keeps the customer, the other is rejected with the reason', async () => {
    const theirs = { ...submission, id: 4, status: 'approved' as const, ownerId: 7, ownerName: '王芳', contactPerson: '周经理', protectedUntil: '2027-02-01' };
    const detail = {
      ...detailOf({ ...submission, needsAdjudication: true, conflictJustification: '客户指定由我对接' }),
      conflicts: [{ registrationId: 4, level: 'block' as const, signals: ['phone'], state: 'protected' as const, protectedUntil: '2027-02-01' }],
      competitors: [{ registration: theirs, decisions: [{ id: 1, decision: 'approve' as const, reason: null, reviewerName: '赵敏', checklist: [], createdAt: '2026-11-01T02:00:00.000Z' }] }],
    };
    const { calls } = renderApp(
      signedIn(reviewer, '/review/5', {
        'review.detail': () => ({ ok: true, data: detail }),
        'review.adjudicate': (input) => {
          if (input.reason.trim().length < 2) {
            const { error } = failure('VALIDATION') as { error: AppErrorShape };
            return { ok: false, error: { ...error, details: { issues: [{ path: ['reason'], key: 'v.reason', message: '请填写原因' }] } } };
          }
          return { ok: true, data: { kept: { ...submission, status: 'approved' }, other: { ...theirs, id: input.otherId, status: 'rejected' } } };
        },
      }),
    );
    const competitor = await loaded('competitor-4');
    expect(competitor.textContent).toContain('联系电话相同');
    expect(competitor.textContent).toContain('周经理');
    expect(screen.getByTestId('competitor-4-history').textContent).toContain('赵敏');

    fireEvent.click(screen.getByTestId('adjudicate-keep-mine-4'));
    expect((await screen.findByTestId('adjudicate-summary')).textContent).toContain('报备 #5（李雷）将保留');
    fireEvent.click(screen.getByTestId('adjudicate-submit'));
    await waitFor(() => expect(screen.getByTestId('adjudicate-reason').closest('.ant-form-item')?.textContent).toContain('请填写原因'));
    fireEvent.change(screen.getByTestId('adjudicate-reason'), { target: { value: '客户书面确认由李雷对接' } });
    fireEvent.click(screen.getByTestId('adjudicate-submit'));
    await waitFor(() => expect(window.location.hash).toBe('#/review'));
    expect(calls.filter((c) => c.operation === 'review.adjudicate').at(-1)?.input).toEqual({ keepId: 5, otherId: 4, otherDecision: 'reject', reason: '客户书面确认由李雷对接' });
  });
});
