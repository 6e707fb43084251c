import { afterEach, describe, expect, it } from 'vitest';
import type { RegistrationFieldsInput } from '../../../../src-shared/contract/registrations';
import type { Caller } from '../../handler';
import { errorOf, form, makeOffice, type Office } from '../../testing/office';

let o: Office | undefined;
afterEach(async () => {
  await o?.close();
  o = undefined;
});

/** A registration submitted by `owner` and approved by the reviewer 赵敏. */
async function approved(office: Office, fields: Partial<RegistrationFieldsInput> = {}, owner: Caller = office.li) {
  const { registration } = await office.call(owner, 'registrations.submit', { fields: form(fields) });
  return office.call(office.zhao, 'registrations.approve', { id: registration.id });
}

const protectionsOf = (office: Office, registrationId: number) =>
  office.host.requireDb().read((q) => q.selectFrom('protections').selectAll().where('registration_id', '=', registrationId).orderBy('id').execute());

describe('moving an opportunity through the funnel', () => {
  it('records each stage change, forward and back, and keeps the furthest stage reached', async () => {
    o = await makeOffice();
    const r = await approved(o, { stage: 'initial_contact' });
    o.clock.advanceDays(2);
    const a = await o.call(o.li, 'registrations.changeStage', { id: r.id, version: r.version, stage: 'quotation' });
    o.clock.advanceDays(3);
    const b = await o.call(o.li, 'registrations.changeStage', { id: r.id, version: a.version, stage: 'needs_confirmed' });
    expect(b).toMatchObject({ stage: 'needs_confirmed', status: 'approved' });
    const row = await o.host.requireDb().read((q) => q.selectFrom('registrations').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow());
    expect(row).toMatchObject({ stage_reached: 2, days_in_initial_contact: 2, days_in_quotation: 3, days_in_needs_confirmed: null });
    const history = await o.host.requireDb().read((q) => q.selectFrom('stage_history').select(['from_stage', 'to_stage']).where('registration_id', '=', r.id).orderBy('id').execute());
    expect(history).toEqual([
      { from_stage: null, to_stage: 'initial_contact' },
      { from_stage: 'initial_contact', to_stage: 'quotation' },
      { from_stage: 'quotation', to_stage: 'needs_confirmed' },
    ]);
    expect(await errorOf(o.call(o.li, 'registrations.changeStage', { id: r.id, version: a.version, stage: 'quotation' }))).toMatchObject({ code: 'STALE' });
  });

  it('treats 合同签订 as the win: it needs the final amount and date', async () => {
    o = await makeOffice();
    const r = await approved(o);
    const missing = await errorOf(o.call(o.li, 'registrations.changeStage', { id: r.id, version: r.version, stage: 'contract_signed' }));
    expect(missing).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['won'], key: 'v.wonDetailsRequired' }] } });
    const won = await o.call(o.li, 'registrations.changeStage', {
      id: r.id,
      version: r.version,
      stage: 'contract_signed',
      won: { finalAmount: '110万', wonDate: '2026-03-02' },
    });
    expect(won).toMatchObject({ status: 'won', stage: 'contract_signed', finalAmount: 1_100_000, closedAt: '2026-03-02T09:00:00.000Z' });
  });

  it('keeps a won customer with its owner for wonKeepDays from the win, in place of the open protection', async () => {
    o = await makeOffice();
    const r = await approved(o);
    o.clock.advanceDays(10);
    const future = await errorOf(o.call(o.li, 'registrations.markWon', { id: r.id, version: r.version, finalAmount: 1000, wonDate: '2026-03-13' }));
    expect(future).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['wonDate'], key: 'v.wonDateFuture' }] } });
    const early = await errorOf(o.call(o.li, 'registrations.markWon', { id: r.id, version: r.version, finalAmount: 1000, wonDate: '2026-03-01' }));
    expect(early.details?.issues?.[0]).toMatchObject({ key: 'v.wonDateTooEarly', message: expect.stringContaining('2026-03-02') });
    const won = await o.call(o.li, 'registrations.markWon', { id: r.id, version: r.version, finalAmount: 980_000, wonDate: '2026-03-10' });
    expect(won).toMatchObject({ status: 'won', finalAmount: 980_000, closedAt: '2026-03-10T12:00:00.000Z', protectedUntil: '2027-03-10' });
    expect(await protectionsOf(o, r.id)).toMatchObject([
      { kind: 'open', status: 'ended', ended_at: '2026-03-12T09:00:00.000Z' },
      { kind: 'won', status: 'active', starts_at: '2026-03-10T12:00:00.000Z', ends_at: '2027-03-10T12:00:00.000Z' },
    ]);
    // Still held: another salesperson registering the customer meets a block.
    const check = await o.call(o.wang, 'conflicts.check', { customerName: '深圳市星辰科技有限公司' });
    expect(check.matches[0]).toMatchObject({ registrationId: r.id, level: 'block', state: 'protected' });
    expect(await errorOf(o.call(o.li, 'registrations.markLost', { id: r.id, version: won.version, reason: '其他' }))).toMatchObject({ code: 'CONFLICT', key: 'error.notOpen' });
  });

  it("passes the protection to the owner's other open opportunity with the customer when one is won", async () => {
    o = await makeOffice();
    const first = await approved(o);
    const second = await approved(o, { needDescription: '为新办公楼采购 30 台网络交换机和布线工程' });
    expect(second.customerId).toBe(first.customerId);
    await o.call(o.li, 'registrations.markWon', { id: first.id, version: first.version, finalAmount: 1000, wonDate: '2026-03-02' });
    const active = await o.host.requireDb().read((q) => q.selectFrom('protections').selectAll().where('status', '=', 'active').execute());
    expect(active).toMatchObject([{ registration_id: second.id, kind: 'open' }]);
    const check = await o.call(o.wang, 'conflicts.check', { customerName: '深圳市星辰科技有限公司' });
    expect(check.matches[0]).toMatchObject({ level: 'block', state: 'protected' });
  });

  it('dates a win no earlier than the history it closes', async () => {
    o = await makeOffice();
    const r = await approved(o);
    o.clock.advanceDays(5);
    const moved = await o.call(o.li, 'registrations.changeStage', { id: r.id, version: r.version, stage: 'quotation' });
    o.clock.advanceDays(5);
    const early = await errorOf(o.call(o.li, 'registrations.markWon', { id: r.id, version: moved.version, finalAmount: 1000, wonDate: '2026-03-06' }));
    expect(early.details?.issues?.[0]).toMatchObject({ key: 'v.wonDateTooEarly', message: expect.stringContaining('2026-03-07') });
    const won = await o.call(o.li, 'registrations.markWon', { id: r.id, version: moved.version, finalAmount: 1000, wonDate: '2026-03-07' });
    expect(won.closedAt).toBe('2026-03-07T12:00:00.000Z');
    const row = await o.host.requireDb().read((q) => q.selectFrom('registrations').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow());
    expect(row).toMatchObject({ days_in_needs_confirmed: 5, days_in_quotation: 0.125, stage_reached: 3 });
  });

  it('loses for one of the office reasons, ends the protection and frees the customer', async () => {
    o = await makeOffice();
    const r = await approved(o);
    const bad = await errorOf(o.call(o.li, 'registrations.markLost', { id: r.id, version: r.version, reason: '天气不好' }));
    expect(bad).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['reason'], key: 'v.lostReason' }] } });
    const lost = await o.call(o.li, 'registrations.markLost', { id: r.id, version: r.version, reason: '选择了竞争对手', comment: '对方报价低 15%' });
    expect(lost).toMatchObject({ status: 'lost', lostReason: '选择了竞争对手', protectedUntil: null });
    expect(await protectionsOf(o, r.id)).toMatchObject([{ kind: 'open', status: 'ended' }]);
    const check = await o.call(o.wang, 'conflicts.check', { customerName: '深圳市星辰科技有限公司', phones: ['13812345678'] });
    expect(check.matches).toEqual([]);
    // The office's own list decides what a reason may be.
    const settings = await o.call(o.admin, 'office.settings', {});
    await o.call(o.admin, 'office.updateSettings', { settings: { lostReasons: ['天气不好', '其他'] }, version: settings.version });
    const r2 = await approved(o, { customerName: '杭州云帆网络有限公司', phones: ['13700002222'], email: 'x@yunfan.cn' }, o.wang);
    await o.call(o.wang, 'registrations.markLost', { id: r2.id, version: r2.version, reason: '天气不好' });
  });

  it('records each move of the expected close date, with the same rules as the form', async () => {
    o = await makeOffice();
    const r = await approved(o);
    const past = await errorOf(o.call(o.li, 'registrations.changeCloseDate', { id: r.id, version: r.version, expectedCloseDate: '2026-03-01' }));
    expect(past.details?.issues?.[0]).toMatchObject({ path: ['expectedCloseDate'], key: 'v.closeDatePast' });
    const later = await o.call(o.li, 'registrations.changeCloseDate', { id: r.id, version: r.version, expectedCloseDate: '2026-08-31', reason: '客户预算审批延后' });
    const sooner = await o.call(o.li, 'registrations.changeCloseDate', { id: r.id, version: later.version, expectedCloseDate: '2026-07-31' });
    expect(sooner.expectedCloseDate).toBe('2026-07-31');
    const row = await o.host.requireDb().read((q) => q.selectFrom('registrations').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow());
    expect(row).toMatchObject({ close_date_moves: 2, close_date_slips: 1, close_date_slip_days: 62 });
  });

  it('lets the owner and reviewers act; another salesperson does not even see the opportunity', async () => {
    o = await makeOffice();
    const r = await approved(o);
    expect(await errorOf(o.call(o.wang, 'registrations.changeStage', { id: r.id, version: r.version, stage: 'quotation' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await errorOf(o.call(o.wang, 'opportunities.timeline', { id: r.id }))).toMatchObject({ code: 'NOT_FOUND' });
    const moved = await o.call(o.zhao, 'registrations.changeStage', { id: r.id, version: r.version, stage: 'quotation' });
    expect(moved.stage).toBe('quotation');
    const { registration } = await o.call(o.li, 'registrations.submit', { fields: form({ customerName: '杭州云帆网络有限公司', phones: ['13700002222'], email: 'x@yunfan.cn' }) });
    expect(await errorOf(o.call(o.li, 'registrations.changeStage', { id: registration.id, version: registration.version, stage: 'quotation' }))).toMatchObject({
      code: 'CONFLICT',
      key: 'error.notOpen',
    });
  });

  it('shows everything that happened on the timeline, newest first', async () => {
    o = await makeOffice();
    const { registration } = await o.call(o.li, 'registrations.submit', { fields: form() });
    o.clock.advanceDays(0.1);
    const r = await o.call(o.zhao, 'registrations.approve', { id: registration.id });
    o.clock.advanceDays(1);
    await o.call(o.li, 'followups.add', { registrationId: r.id, kind: 'visit', content: '上门拜访采购部', nextAction: '发送报价单', nextDueDate: '2026-03-06' });
    o.clock.advanceDays(1);
    const s = await o.call(o.li, 'registrations.changeStage', { id: r.id, version: r.version, stage: 'quotation' });
    o.clock.advanceDays(1);
    const c = await o.call(o.li, 'registrations.changeCloseDate', { id: r.id, version: s.version, expectedCloseDate: '2026-09-30', reason: '等待预算' });
    o.clock.advanceDays(1);
    await o.call(o.li, 'registrations.markLost', { id: r.id, version: c.version, reason: '预算取消' });
    const { items } = await o.call(o.li, 'opportunities.timeline', { id: r.id });
    expect(items.map((e) => (e.type === 'event' ? e.operation : e.type))).toEqual([
      'registrations.markLost',
      'closeDateChange',
      'stageChange',
      'followUp',
      'registrations.approve',
      'stageChange',
      'registrations.submit',
    ]);
    expect(items[0]).toMatchObject({ by: { name: '李雷' }, statusFrom: 'approved', statusTo: 'lost', reason: '预算取消' });
    expect(items[1]).toMatchObject({ from: '2026-06-30', to: '2026-09-30', reason: '等待预算' });
    expect(items[4]).toMatchObject({ by: { name: '赵敏' }, statusFrom: 'submitted', statusTo: 'approved' });
  });
});

describe('我的商机', () => {
  async function office() {
    const office = await makeOffice();
    await approved(office, { customerName: '深圳市星辰科技有限公司', budget: 500_000 });
    await approved(office, { customerName: '杭州云帆网络有限公司', phones: ['13700002222'], email: 'x@yunfan.cn', budget: 2_000_000, stage: 'quotation' });
    await approved(office, { customerName: '北京星河数据有限公司', phones: ['13600003333'], email: 'a@xinghe.cn', budget: 80_000, sourceChannel: '展会' });
    await office.call(office.li, 'registrations.submit', { fields: form({ customerName: '上海晨光文具有限公司', phones: ['13500004444'], email: 'b@cg.cn' }) });
    await approved(office, { customerName: '广州白云电器有限公司', phones: ['13400005555'], email: 'c@by.cn' }, office.wang);
    return office;
  }

  it('finds a customer by pinyin initials or spelling, a contact, or a phone number', async () => {
    o = await office();
    const names = async (search: string) => (await o!.call(o!.li, 'opportunities.search', { search })).items.map((i) => i.customerName);
    expect(await names('xckj')).toEqual(['深圳市星辰科技有限公司']);
    expect(await names('XingHe')).toEqual(['北京星河数据有限公司']);
    expect(await names('星')).toHaveLength(2);
    expect(await names('137 0000')).toEqual(['杭州云帆网络有限公司']);
    expect(await names('陈经理')).toHaveLength(4);
    expect(await names('白云')).toEqual([]);
  });

  it('filters, sorts and pages; a salesperson sees their own, a reviewer the team', async () => {
    o = await office();
    const mine = await o.call(o.li, 'opportunities.search', { sort: { by: 'amount', direction: 'desc' }, limit: 2 });
    expect(mine.total).toBe(4);
    expect(mine.items.map((i) => i.amount)).toEqual([2_000_000, 1_200_000]);
    const next = await o.call(o.li, 'opportunities.search', { sort: { by: 'amount', direction: 'desc' }, limit: 2, offset: 2 });
    expect(next.items.map((i) => i.amount)).toEqual([500_000, 80_000]);
    expect((await o.call(o.li, 'opportunities.search', { statuses: ['submitted'] })).items.map((i) => i.customerName)).toEqual(['上海晨光文具有限公司']);
    expect((await o.call(o.li, 'opportunities.search', { stages: ['quotation'] })).total).toBe(1);
    expect((await o.call(o.li, 'opportunities.search', { channels: ['展会'] })).total).toBe(1);
    const byName = await o.call(o.li, 'opportunities.search', { sort: { by: 'customerName', direction: 'asc' } });
    expect(byName.items.map((i) => i.customerName)).toEqual(['北京星河数据有限公司', '杭州云帆网络有限公司', '上海晨光文具有限公司', '深圳市星辰科技有限公司']);
    expect((await o.call(o.zhao, 'opportunities.search', { scope: 'team' })).total).toBe(5);
    expect(await errorOf(o.call(o.li, 'opportunities.search', { scope: 'team' }))).toMatchObject({ code: 'FORBIDDEN', key: 'error.teamFigures' });
    expect(await errorOf(o.call(o.li, 'opportunities.search', { ownerIds: [3] }))).toMatchObject({ code: 'FORBIDDEN' });
  });
});
