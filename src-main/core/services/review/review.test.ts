import { afterEach, describe, expect, it } from 'vitest';
import { criteria } from '../../../../src-shared/domain/review/checks';
import { operationNames, contract } from '../../../../src-shared/contract';
import { errorOf, form, makeOffice, type Office } from '../../testing/office';

let o: Office | undefined;
afterEach(async () => {
  await o?.close();
  o = undefined;
});

const confirmAll = criteria.map((criterion) => ({ criterion, passed: true }));

describe('review workflow', () => {
  it('lists submissions oldest first with age, conflict flag and the automatic checks', async () => {
    o = await makeOffice();
    const a = await o.call(o.li, 'registrations.submit', { fields: form() });
    o.clock.advanceDays(2);
    const vague = { customerName: '杭州云帆网络有限公司', phones: ['13700002222'], email: 'buy@yunfan.cn', needDescription: '需求待定，先了解一下产品价格再说', stage: 'initial_contact' as const };
    const b = await o.call(o.wang, 'registrations.submit', { fields: form(vague) });
    const queue = await o.call(o.zhao, 'review.queue', {});
    expect(queue.items.map((i) => i.id)).toEqual([a.registration.id, b.registration.id]);
    expect(queue.items[0]).toMatchObject({ ownerName: '李雷', ageDays: 2, conflict: false, checksPassed: true, failedCriteria: [] });
    expect(queue.items[1]).toMatchObject({ ownerName: '王芳', ageDays: 0, checksPassed: false, failedCriteria: ['needClear'] });
    expect((await o.call(o.zhao, 'review.pendingCount', {})).count).toBe(2);
    const detail = await o.call(o.zhao, 'review.detail', { id: b.registration.id });
    expect(detail.checks.find((c) => c.criterion === 'needClear')?.reasons[0]?.key).toBe('check.needVague');
  });

  it('approves with the checklist, and an override of an automatic check needs a comment', async () => {
    o = await makeOffice();
    const r = await o.call(o.li, 'registrations.submit', { fields: form({ needDescription: '客户需求待定，下周拜访后再细化具体的采购清单' }) });
    const missing = await errorOf(o.call(o.zhao, 'review.decide', { id: r.registration.id, version: r.registration.version, decision: 'approve', checklist: confirmAll }));
    expect(missing.details?.issues?.[0]).toMatchObject({ path: ['checklist', 1, 'comment'], key: 'v.overrideComment' });
    const withComment = confirmAll.map((c) => (c.criterion === 'needClear' ? { ...c, comment: '电话确认过：采购 200 台电脑' } : c));
    const approved = await o.call(o.zhao, 'review.decide', { id: r.registration.id, version: r.registration.version, decision: 'approve', checklist: withComment });
    expect(approved.status).toBe('approved');
    const detail = await o.call(o.zhao, 'review.detail', { id: r.registration.id });
    expect(detail.decisions).toMatchObject([{ decision: 'approve', reviewerName: '赵敏', checklist: withComment }]);
    const inbox = await o.call(o.li, 'notifications.list', {});
    expect(inbox.items.map((n) => n.kind)).toEqual(['registration.approved']);
    expect(inbox.unread).toBe(1);
  });

  it('returns with a reason; the owner edits and resubmits; a rejection ends the claim', async () => {
    o = await makeOffice();
    const r = await o.call(o.li, 'registrations.submit', { fields: form() });
    expect(await errorOf(o.call(o.zhao, 'review.decide', { id: r.registration.id, version: r.registration.version, decision: 'return', checklist: [] }))).toMatchObject({
      code: 'VALIDATION',
    });
    const returned = await o.call(o.zhao, 'review.decide', { id: r.registration.id, version: r.registration.version, decision: 'return', reason: '请补充联系人职务和预算来源', checklist: [] });
    expect(returned).toMatchObject({ status: 'returned', decisionReason: '请补充联系人职务和预算来源' });
    const mine = await o.call(o.li, 'registrations.get', { id: r.registration.id });
    expect(mine.decisionReason).toBe('请补充联系人职务和预算来源');
    const again = await o.call(o.li, 'registrations.submit', { id: mine.id, version: mine.version, fields: form({ contactPerson: '陈经理（采购总监）' }) });
    expect(again.registration.status).toBe('submitted');
    await o.call(o.zhao, 'review.decide', { id: mine.id, version: again.registration.version, decision: 'reject', reason: '客户已与集团总部统一采购', checklist: [] });
    expect((await o.call(o.wang, 'conflicts.check', { customerName: '深圳市星辰科技有限公司' })).matches).toEqual([]);
  });

  it('adjudicates a conflict side by side: the later one keeps the customer, the earlier is rejected with the reason', async () => {
    o = await makeOffice();
    const first = await o.call(o.li, 'registrations.submit', { fields: form() });
    await o.call(o.zhao, 'registrations.approve', { id: first.registration.id });
    const second = await o.call(o.wang, 'registrations.submit', { fields: form({ phones: ['13900001111'] }), conflictJustification: '客户指定由我对接，李雷已离开该项目' });
    const detail = await o.call(o.zhao, 'review.detail', { id: second.registration.id });
    expect(detail.competitors.map((c) => c.registration.id)).toEqual([first.registration.id]);
    expect(detail.conflicts[0]?.other?.ownerName).toBe('李雷');
    const result = await o.call(o.zhao, 'review.adjudicate', { keepId: second.registration.id, otherId: first.registration.id, otherDecision: 'reject', reason: '客户书面确认由王芳对接' });
    expect(result.kept).toMatchObject({ status: 'approved', ownerName: '王芳' });
    expect(result.other).toMatchObject({ status: 'rejected', decisionReason: '客户书面确认由王芳对接', protectedUntil: null });
    const protections = await o.host.requireDb().read((q) => q.selectFrom('protections').select(['registration_id', 'status']).orderBy('id').execute());
    expect(protections).toEqual([
      { registration_id: first.registration.id, status: 'ended' },
      { registration_id: second.registration.id, status: 'active' },
    ]);
    const liInbox = await o.call(o.li, 'notifications.list', {});
    expect(liInbox.items[0]).toMatchObject({ kind: 'registration.rejected', params: { reason: '客户书面确认由王芳对接' } });
  });

  it('bulk-approves only what passed every check and has no conflict', async () => {
    o = await makeOffice();
    const clean = await o.call(o.li, 'registrations.submit', { fields: form({ customerName: '上海明远贸易有限公司', phones: ['13655556666'], email: 'li@mingyuan.com.cn' }) });
    await o.call(o.li, 'registrations.submit', { fields: form() });
    const vague = await o.call(o.li, 'registrations.submit', { fields: form({ customerName: '杭州云帆网络有限公司', phones: ['13700002222'], email: 'buy@yunfan.cn', needDescription: '需求待定，先看看产品价格再说吧好的' }) });
    const clash = await o.call(o.wang, 'registrations.submit', { fields: form({ phones: ['13900001111'] }), conflictJustification: '另一个事业部的独立预算' });
    const result = await o.call(o.zhao, 'review.bulkApprove', { ids: [clean.registration.id, vague.registration.id, clash.registration.id] });
    expect(result.approved).toEqual([clean.registration.id]);
    expect(result.skipped).toEqual([
      { id: vague.registration.id, key: 'error.checklistIncomplete' },
      { id: clash.registration.id, key: 'error.CONFLICT' },
    ]);
  });

  it('answers a salesperson FORBIDDEN on every review and audit operation', async () => {
    o = await makeOffice();
    const reviewOps = operationNames.filter((n) => n.startsWith('review.') || n.startsWith('audit.'));
    expect(reviewOps.length).toBeGreaterThanOrEqual(8);
    for (const op of reviewOps) {
      const access = contract[op].access;
      expect(access).not.toContain('sales');
      const result = await o.dispatch(o.li, op, { id: 1, version: 0, decision: 'approve', checklist: [], keepId: 1, otherId: 2, otherDecision: 'reject', reason: '理由充分', ids: [1] });
      // Input that does not fit an operation is refused first; with fitting input the role check answers.
      if (!result.ok && result.error.code === 'VALIDATION') continue;
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await o.dispatch(o.li, 'review.queue', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await o.dispatch(o.li, 'audit.verify', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
