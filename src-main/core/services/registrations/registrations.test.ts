import { afterEach, describe, expect, it } from 'vitest';
import { errorOf, form, makeOffice, type Office } from '../../testing/office';

let o: Office | undefined;
afterEach(async () => {
  await o?.close();
  o = undefined;
});

describe('registration lifecycle', () => {
  it('saves a draft, submits it, and a reviewer approves it into a 90-day protection', async () => {
    o = await makeOffice();
    const draft = await o.call(o.li, 'registrations.saveDraft', { fields: { customerName: '深圳市星辰科技有限公司' } });
    expect(draft.status).toBe('draft');
    const { registration, conflicts } = await o.call(o.li, 'registrations.submit', { id: draft.id, version: draft.version, fields: form() });
    expect(registration).toMatchObject({ status: 'submitted', ownerName: '李雷', budget: 1_200_000, phones: ['13812345678'] });
    expect(conflicts.matches).toEqual([]);
    const approved = await o.call(o.zhao, 'registrations.approve', { id: registration.id });
    expect(approved.status).toBe('approved');
    expect(approved.protectedUntil).toBe('2026-05-31');
  });

  it('names the field and says why in the user language when the form is wrong', async () => {
    o = await makeOffice();
    const bad = await errorOf(
      o.call(o.li, 'registrations.submit', { fields: form({ expectedCloseDate: '2026-01-01', budget: 0, uscc: '91350100M000100Y44' }) }),
    );
    expect(bad.code).toBe('VALIDATION');
    const byPath = Object.fromEntries((bad.details?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(Object.keys(byPath).sort()).toEqual(['fields.budget', 'fields.uscc']);
    expect(byPath['fields.uscc']).toContain('统一社会信用代码');
    const past = await errorOf(o.call(o.li, 'registrations.submit', { fields: form({ expectedCloseDate: '2026-01-01' }) }));
    expect(past.details?.issues?.[0]).toMatchObject({ path: ['fields', 'expectedCloseDate'], key: 'v.closeDatePast' });
    const list = await o.call(o.li, 'registrations.list', {});
    expect(list.total).toBe(0);
  });

  it('shows a salesperson only that the customer is protected and until when; a reviewer sees both sides', async () => {
    o = await makeOffice();
    const first = await o.call(o.li, 'registrations.submit', { fields: form() });
    await o.call(o.zhao, 'registrations.approve', { id: first.registration.id });
    const probe = { customerName: '星辰科技（深圳）有限公司', phones: ['0755-86001234'] };
    const seenBySales = await o.call(o.wang, 'conflicts.check', probe);
    expect(seenBySales.matches).toEqual([
      { registrationId: first.registration.id, level: 'block', signals: ['name'], state: 'protected', protectedUntil: '2026-05-31' },
    ]);
    expect(JSON.stringify(seenBySales)).not.toContain('李雷');
    const seenByReviewer = await o.call(o.zhao, 'conflicts.check', probe);
    expect(seenByReviewer.matches[0]?.other).toMatchObject({ ownerName: '李雷', contactPerson: '陈经理', phones: ['13812345678'] });
  });

  it('needs a justification to submit despite a block, links the same customer and flags it for adjudication', async () => {
    o = await makeOffice();
    const first = await o.call(o.li, 'registrations.submit', { fields: form() });
    const refused = await errorOf(o.call(o.wang, 'registrations.submit', { fields: form({ customerName: '星辰科技(深圳)有限公司', phones: ['138 1234 5678'] }) }));
    expect(refused).toMatchObject({ code: 'CONFLICT', key: 'error.conflictNeedsJustification' });
    const second = await o.call(o.wang, 'registrations.submit', {
      fields: form({ customerName: '星辰科技(深圳)有限公司', phones: ['138 1234 5678'] }),
      conflictJustification: '客户采购部主动联系我，上一位同事三个月未跟进',
    });
    expect(second.registration.needsAdjudication).toBe(true);
    expect(second.registration.customerId).toBe(first.registration.customerId);
    expect(second.conflicts.matches[0]).toMatchObject({ registrationId: first.registration.id, level: 'block', state: 'pending' });
    // The first committed comes first: the later claim cannot be approved while the earlier is open.
    const later = await errorOf(o.call(o.zhao, 'registrations.approve', { id: second.registration.id }));
    expect(later).toMatchObject({ code: 'CONFLICT', key: 'error.earlierClaim' });
    await o.call(o.zhao, 'registrations.approve', { id: first.registration.id });
    const taken = await errorOf(o.call(o.zhao, 'registrations.approve', { id: second.registration.id }));
    expect(taken).toMatchObject({ code: 'CONFLICT', key: 'error.customerProtected' });
  });

  it('links a further opportunity for a customer one holds, and refuses the same need twice', async () => {
    o = await makeOffice();
    const first = await o.call(o.li, 'registrations.submit', { fields: form() });
    const check = await o.call(o.li, 'conflicts.check', { customerName: '深圳星辰科技有限公司' });
    expect(check).toEqual({ matches: [], ownCustomer: { customerId: first.registration.customerId, registrationIds: [first.registration.id] } });
    const further = await o.call(o.li, 'registrations.submit', { fields: form({ needDescription: '为新办公楼采购 30 台网络交换机和布线工程' }) });
    expect(further.registration.customerId).toBe(first.registration.customerId);
    expect(further.registration.needsAdjudication).toBe(false);
    const twice = await errorOf(o.call(o.li, 'registrations.submit', { fields: form({ needDescription: '采购200台办公电脑及三年上门维保服务' }) }));
    expect(twice).toMatchObject({ code: 'CONFLICT', key: 'error.duplicateRegistration' });
  });

  it('keeps reviewers from approving their own registration and salespeople from approving at all', async () => {
    o = await makeOffice();
    const own = await o.call(o.zhao, 'registrations.submit', { fields: form() });
    expect(await errorOf(o.call(o.zhao, 'registrations.approve', { id: own.registration.id }))).toMatchObject({ code: 'FORBIDDEN', key: 'error.ownRegistration' });
    expect(await errorOf(o.call(o.wang, 'registrations.approve', { id: own.registration.id }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await errorOf(o.call(o.wang, 'registrations.get', { id: own.registration.id }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('gives exactly one protection when two registrations of one customer are approved at once', async () => {
    o = await makeOffice();
    const a = await o.call(o.li, 'registrations.submit', { fields: form() });
    // Withdraw-free setup: the second claim comes from another salesperson with a justification.
    const b = await o.call(o.wang, 'registrations.submit', { fields: form({ phones: ['13900001111'] }), conflictJustification: '客户总部另一部门的独立采购' });
    const results = await Promise.allSettled([
      o.call(o.zhao, 'registrations.approve', { id: b.registration.id }),
      o.call(o.admin, 'registrations.approve', { id: a.registration.id }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const protections = await o.host.requireDb().read((q) => q.selectFrom('protections').selectAll().execute());
    expect(protections).toHaveLength(1);
    expect(protections[0]?.registration_id).toBe(a.registration.id);
  });

  it('withdrawing a submission ends its claim and keeps what was typed', async () => {
    o = await makeOffice();
    const a = await o.call(o.li, 'registrations.submit', { fields: form() });
    const back = await o.call(o.li, 'registrations.withdraw', { id: a.registration.id, version: a.registration.version });
    expect(back).toMatchObject({ status: 'draft', customerName: '深圳市星辰科技有限公司' });
    const check = await o.call(o.wang, 'conflicts.check', { customerName: '深圳市星辰科技有限公司' });
    expect(check.matches).toEqual([]);
    expect(await errorOf(o.call(o.li, 'registrations.withdraw', { id: a.registration.id, version: a.registration.version }))).toMatchObject({ code: 'STALE' });
  });
});
