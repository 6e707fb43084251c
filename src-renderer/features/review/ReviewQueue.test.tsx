// @vitest-environment jsdom
import '../../test/dom-setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OutputOf } from '../../../src-shared/contract';
import { renderApp } from '../../test/render-app';
import { reviewer, salesperson, signedIn, submission } from './test-fixtures';

type QueueItem = OutputOf<'review.queue'>['items'][number];

const item = (id: number, overrides: Partial<QueueItem> = {}): QueueItem => ({
  id,
  version: 1,
  customerName: `客户${id}有限公司`,
  ownerName: '李雷',
  budget: 1_200_000,
  stage: 'needs_confirmed',
  submittedAt: '2026-11-20T02:00:00.000Z',
  ageDays: 7,
  conflict: false,
  needsAdjudication: false,
  checksPassed: true,
  failedCriteria: [],
  ...overrides,
});

const queue = [item(11), item(12, { ageDays: 2, checksPassed: false, failedCriteria: ['needClear'] }), item(13, { ageDays: 1, conflict: true })];

const reviewerApp = () =>
  renderApp(
    signedIn(reviewer, '/review', {
      'review.queue': () => ({ ok: true, data: { items: queue } }),
      'review.pendingCount': () => ({ ok: true, data: { count: 3 } }),
      'registrations.list': () => ({ ok: true, data: { items: [submission], total: 1 } }),
      'review.bulkApprove': () => ({ ok: true, data: { approved: [11], skipped: [{ id: 12, key: 'error.checklistIncomplete' }, { id: 13, key: 'error.CONFLICT' }] } }),
    }),
  );

describe('review queue', () => {
  it('shows each submission with its age, budget, conflict flag and failed checks, and the pending count', async () => {
    reviewerApp();
    const row = await screen.findByTestId('queue-row-12', {}, { timeout: 10_000 });
    expect(row.textContent).toContain('2 天');
    expect(row.textContent).toContain('¥ 1,200,000');
    expect(row.textContent).toContain('需求描述清晰具体');
    expect(screen.getByTestId('queue-row-13').textContent).toContain('撞单');
    expect(screen.getByTestId('queue-row-11').textContent).toContain('全部通过');
    await waitFor(() => expect(screen.getByTestId('nav-review-count').dataset.count).toBe('3'));
  });

  it('moves the highlight with ↑/↓ and opens it with Enter', async () => {
    reviewerApp();
    await screen.findByTestId('queue-row-11', {}, { timeout: 10_000 });
    expect(screen.getByTestId('queue-row-11').getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(document.body, { key: 'ArrowDown' });
    fireEvent.keyDown(document.body, { key: 'ArrowDown' });
    fireEvent.keyDown(document.body, { key: 'ArrowUp' });
    expect(screen.getByTestId('queue-row-12').getAttribute('aria-selected')).toBe('true');
    // Typing in the search box moves nothing.
    fireEvent.keyDown(within(screen.getByTestId('queue-filter-search')).getByRole('searchbox'), { key: 'ArrowDown' });
    expect(screen.getByTestId('queue-row-12').getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(document.body, { key: 'Enter' });
    await waitFor(() => expect(window.location.hash).toBe('#/review/12'));
  });

  it('bulk-approves the chosen rows and says which were skipped and why', async () => {
    const { calls } = reviewerApp();
    await screen.findByTestId('queue-row-11', {}, { timeout: 10_000 });
    for (const id of [11, 12, 13]) fireEvent.click(within(screen.getByTestId(`queue-row-${id}`)).getByRole('checkbox'));
    fireEvent.click(screen.getByTestId('queue-bulk-approve'));
    fireEvent.click(await screen.findByRole('button', { name: '批量通过（3）' }));
    expect((await screen.findByTestId('bulk-result')).textContent).toBe('已通过 1 条，跳过 2 条');
    expect(screen.getByTestId('bulk-skipped-12').textContent).toBe('客户12有限公司：自动检查未全部通过，需要逐项审核');
    expect(screen.getByTestId('bulk-skipped-13').textContent).toBe('客户13有限公司：存在撞单，需要人工裁定');
    expect(calls.find((c) => c.operation === 'review.bulkApprove')?.input).toEqual({ ids: [11, 12, 13] });
  });

  it('gives salespeople no 审核 item, and no review page', async () => {
    const { calls } = renderApp(signedIn(salesperson, '/review'));
    expect((await screen.findByTestId('review-reviewers-only', {}, { timeout: 10_000 })).textContent).toBe('审核仅限审核人和管理员');
    expect(screen.queryByTestId('nav-review')).toBeNull();
    expect(calls.some((c) => c.operation.startsWith('review.'))).toBe(false);
  });
});
