import { afterEach, describe, expect, it } from 'vitest';
import { errorOf, form, makeOffice, type Office } from '../../testing/office';
import { runProtectionMaintenance } from './maintenance';

let o: Office | undefined;
afterEach(async () => {
  await o?.close();
  o = undefined;
});

async function approvedFor(office: Office) {
  const { registration } = await office.call(office.li, 'registrations.submit', { fields: form() });
  return office.call(office.zhao, 'registrations.approve', { id: registration.id });
}

describe('protection and the public pool', () => {
  it('reminds the owner 7 days before expiry, once', async () => {
    o = await makeOffice();
    const r = await approvedFor(o);
    o.clock.advanceDays(82);
    expect(await runProtectionMaintenance(o.host.requireDb())).toEqual({ expired: 0, reminded: 0 });
    o.clock.advanceDays(1.5);
    expect(await runProtectionMaintenance(o.host.requireDb())).toEqual({ expired: 0, reminded: 1 });
    expect(await runProtectionMaintenance(o.host.requireDb())).toEqual({ expired: 0, reminded: 0 });
    const notes = await o.host.requireDb().read((q) => q.selectFrom('notifications').selectAll().where('kind', '=', 'protection.expiring').execute());
    expect(notes).toMatchObject([{ kind: 'protection.expiring', entity_id: r.id, params: JSON.stringify({ until: '2026-05-31' }) }]);
  });

  it('releases an expired customer to the pool, idempotently, and lets another salesperson claim it', async () => {
    o = await makeOffice();
    const r = await approvedFor(o);
    o.clock.advanceDays(91);
    const db = o.host.requireDb();
    const [first, second] = await Promise.all([runProtectionMaintenance(db), runProtectionMaintenance(db)]);
    expect(first.expired + second.expired).toBe(1);
    expect((await o.call(o.li, 'registrations.get', { id: r.id })).status).toBe('expired');
    const pool = await o.call(o.wang, 'pool.list', {});
    expect(pool.items).toEqual([
      expect.objectContaining({ customerId: r.customerId, customerName: '深圳市星辰科技有限公司', claimableFrom: null, lastRegistrationId: r.id }),
    ]);
    // The former owner cools down before claiming again.
    const mine = await o.call(o.li, 'pool.list', {});
    expect(mine.items[0]?.claimableFrom).toBe('2026-07-01');
    expect(await errorOf(o.call(o.li, 'pool.claim', { customerId: r.customerId!, fields: form({ expectedCloseDate: '2026-09-30' }) }))).toMatchObject({
      code: 'CONFLICT',
      key: 'error.cooldown',
    });
    const claim = await o.call(o.wang, 'pool.claim', { customerId: r.customerId!, fields: form({ expectedCloseDate: '2026-09-30' }) });
    expect(claim.registration).toMatchObject({ status: 'submitted', fromPool: true, customerId: r.customerId, ownerName: '王芳' });
    expect((await o.call(o.li, 'pool.list', {})).total).toBe(0);
    expect(await errorOf(o.call(o.li, 'pool.claim', { customerId: r.customerId!, fields: form() }))).toMatchObject({ key: 'error.notInPool' });
    await o.call(o.zhao, 'registrations.approve', { id: claim.registration.id });
  });

  it('a new registration of a pooled customer is linked to it, so protection stays one per customer', async () => {
    o = await makeOffice();
    const r = await approvedFor(o);
    o.clock.advanceDays(91);
    await runProtectionMaintenance(o.host.requireDb());
    const fresh = await o.call(o.wang, 'registrations.submit', { fields: form({ expectedCloseDate: '2026-09-30' }) });
    expect(fresh.registration.customerId).toBe(r.customerId);
    expect((await o.call(o.wang, 'pool.list', {})).total).toBe(0);
  });

  it('extends a protection when a reviewer agrees, within the allowed count', async () => {
    o = await makeOffice();
    await o.call(o.admin, 'office.updateSettings', { settings: { maxExtensions: 1 }, version: 0 });
    const r = await approvedFor(o);
    const { requestId } = await o.call(o.li, 'protection.requestExtension', { registrationId: r.id, reason: '客户预算审批延后一个月' });
    expect(await errorOf(o.call(o.li, 'protection.requestExtension', { registrationId: r.id, reason: '再次申请' }))).toMatchObject({ key: 'error.extensionPending' });
    expect(await errorOf(o.call(o.wang, 'protection.requestExtension', { registrationId: r.id, reason: '不是我的' }))).toMatchObject({ code: 'NOT_FOUND' });
    const pending = await o.call(o.zhao, 'protection.listExtensions', {});
    expect(pending).toMatchObject([{ id: requestId, registrationId: r.id, requestedBy: '李雷', protectedUntil: '2026-05-31', extensionsUsed: 0 }]);
    const decided = await o.call(o.zhao, 'protection.decideExtension', { requestId, approve: true });
    expect(decided).toEqual({ requestId, status: 'approved', protectedUntil: '2026-06-30' });
    expect((await o.call(o.li, 'registrations.get', { id: r.id })).protectedUntil).toBe('2026-06-30');
    expect(await errorOf(o.call(o.li, 'protection.requestExtension', { registrationId: r.id, reason: '还想再延期' }))).toMatchObject({ key: 'error.extensionLimit' });
  });

  it('caps the active protections of one salesperson', async () => {
    o = await makeOffice();
    await o.call(o.admin, 'office.updateSettings', { settings: { maxActiveProtections: 1 }, version: 0 });
    await approvedFor(o);
    const second = await errorOf(o.call(o.li, 'registrations.submit', { fields: form({ customerName: '杭州云帆网络有限公司', phones: ['13700002222'], email: 'x@yunfan.cn' }) }));
    expect(second).toMatchObject({ code: 'CONFLICT', key: 'error.protectionCap' });
  });
});

describe('one protection per customer, shared by the owner\'s opportunities with it', () => {
  it('covers a further opportunity, hands over on a loss, and releases them together at expiry', async () => {
    o = await makeOffice();
    const first = await approvedFor(o);
    const further = await o.call(o.li, 'registrations.submit', { fields: form({ needDescription: '为新办公楼采购 30 台网络交换机和布线工程' }) });
    const approved = await o.call(o.zhao, 'registrations.approve', { id: further.registration.id });
    expect(approved).toMatchObject({ status: 'approved', protectedUntil: '2026-05-31', customerId: first.customerId });

    const lost = await o.call(o.li, 'registrations.markLost', { id: first.id, version: (await o.call(o.li, 'registrations.get', { id: first.id })).version, reason: '价格过高' });
    expect(lost.protectedUntil).toBeNull();
    expect((await o.call(o.li, 'registrations.get', { id: further.registration.id })).protectedUntil).toBe('2026-05-31');
    const seenByWang = await o.call(o.wang, 'conflicts.check', { customerName: '深圳市星辰科技有限公司' });
    expect(seenByWang.matches).toEqual([expect.objectContaining({ registrationId: further.registration.id, state: 'protected', protectedUntil: '2026-05-31' })]);

    o.clock.advanceDays(91);
    await runProtectionMaintenance(o.host.requireDb());
    expect((await o.call(o.li, 'registrations.get', { id: further.registration.id })).status).toBe('expired');
    expect((await o.call(o.wang, 'pool.list', {})).items.map((i) => i.customerId)).toEqual([first.customerId]);
  });
});
