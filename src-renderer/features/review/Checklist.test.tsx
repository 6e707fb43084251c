// @vitest-environment jsdom
import '../../test/dom-setup';
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { Criterion } from '../../../src-shared/domain/review/checks';
import { createApiClient } from '../../api/client';
import { AppProviders } from '../../app/AppProviders';
import { fakeTransport } from '../../test/fake-transport';
import { Checklist } from './Checklist';
import { type ChecklistState, checklistInput, initialChecklist } from './checklist-state';
import { checks } from './test-fixtures';

/** The checklist as the review screen holds it, exposing its latest state to the test. */
function renderChecklist(issues: Partial<Record<Criterion, string>> = {}) {
  const seen: { state: ChecklistState | null } = { state: null };
  function Holder() {
    const [state, setState] = useState(() => initialChecklist(checks));
    seen.state = state;
    return <Checklist checks={checks} value={state} onChange={setState} issues={issues} />;
  }
  render(
    <AppProviders client={createApiClient(fakeTransport({}).transport)}>
      <Holder />
    </AppProviders>,
  );
  return seen;
}

const item = (criterion: Criterion) => screen.getByTestId(`checklist-item-${criterion}`);

describe('review checklist', () => {
  it('starts from the automatic checks, with their reasons as sentences', async () => {
    const seen = renderChecklist();
    expect((await screen.findByTestId('checklist-auto-needClear', {}, { timeout: 10_000 })).textContent).toContain('需求描述含有笼统的词：待定、了解一下');
    expect(screen.getByTestId('checklist-auto-customerInfo').textContent).toContain('自动检查：通过');
    expect(seen.state && checklistInput(seen.state)).toEqual([
      { criterion: 'customerInfo', passed: true },
      { criterion: 'needClear', passed: false },
      { criterion: 'budgetReasonable', passed: true },
      { criterion: 'closeDateRealistic', passed: true },
      { criterion: 'stageConfirmed', passed: true },
    ]);
    // Confirming the automatic verdicts asks for no comment.
    expect(screen.queryByTestId(/^checklist-comment-/)).toBeNull();
  });

  it('asks for a comment on each override, and sends it with the verdict', async () => {
    const seen = renderChecklist();
    fireEvent.click(await screen.findByTestId('checklist-pass-needClear', {}, { timeout: 10_000 }));
    expect(item('needClear').dataset.overridden).toBe('true');
    expect(item('needClear').textContent).toContain('已改变自动检查的结论');
    fireEvent.change(screen.getByTestId('checklist-comment-needClear'), { target: { value: '电话确认：采购 200 台电脑' } });

    fireEvent.click(screen.getByTestId('checklist-fail-budgetReasonable'));
    expect(screen.getByTestId('checklist-comment-budgetReasonable')).toBeTruthy();
    // Going back to the automatic verdict is no override: the comment field goes away.
    fireEvent.click(screen.getByTestId('checklist-pass-budgetReasonable'));
    expect(screen.queryByTestId('checklist-comment-budgetReasonable')).toBeNull();

    expect(seen.state && checklistInput(seen.state)[1]).toEqual({ criterion: 'needClear', passed: true, comment: '电话确认：采购 200 台电脑' });
  });

  it("shows the server's issue on the item it names", async () => {
    renderChecklist({ needClear: '改变自动检查的结论时请说明理由' });
    fireEvent.click(await screen.findByTestId('checklist-pass-needClear', {}, { timeout: 10_000 }));
    expect(screen.getByTestId('checklist-comment-error-needClear').textContent).toBe('改变自动检查的结论时请说明理由');
  });
});
