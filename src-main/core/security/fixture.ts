import type { OutputOf, Role } from '../../../src-shared/contract';
import type { RegistrationFieldsInput } from '../../../src-shared/contract/registrations';
import { localDate } from '../clock';
import type { Caller } from '../handler';
import { runProtectionMaintenance } from '../services/protection/maintenance';
import { form, makeOffice, type Office } from '../testing/office';
import { makeCaller } from '../testing/test-host';
import type { Actor } from './access-table';

/** Customers nobody else in the fixture uses, so each registration is free of accidental conflicts. */
const cores = [
  '星辰科技', '云帆网络', '海川物流', '金石建材', '青松教育', '明月食品', '长风航空', '银河电子', '锦绣纺织', '白鹭酒店',
  '东湖水务', '北辰能源', '南山茶业', '西岭文旅', '天马机械', '红枫家具', '紫荆律所', '翠竹园林', '蓝鲸渔业', '黄鹤楼宇',
  '丹霞矿业', '碧波游艇', '朝阳光伏', '雪莲乳业', '骏驰汽车', '琥珀珠宝', '鸿雁快递', '麒麟安防', '凤凰传媒', '苍穹卫星',
  '沧浪造纸', '赤兔物联', '玄武工程', '朱雀设计', '白泽医疗', '青龙钢构', '九歌音乐', '百川环保', '千帆船舶', '万象地产',
] as const;

/** Registrations one caller owns, each in the state an operation's example needs. */
export interface OwnRegistrations {
  /** For saveDraft and submit. */
  draft: number;
  /** For discard. */
  spareDraft: number;
  /** For withdraw. */
  submitted: number;
  /** For get and requestExtension. */
  approved: number;
  /** Approved, for follow-ups, stage and close-date moves and the timeline. */
  open: number;
  /** Approved, to be won. */
  toWin: number;
  /** Approved, to be lost. */
  toLose: number;
  /** A finished report export. */
  reportJobId: string;
}

export type SignedInRole = Role;

export interface SecurityFixture extends Office {
  /** The caller of each actor; `anonymous` never signs in. */
  callers: Record<Actor, Caller>;
  userIds: Record<Role, number> & { colleague: number; victim: number };
  passwords: Record<Role, string>;
  own: Record<Role, OwnRegistrations>;
  /** The salesperson's submissions, for the reviewer operations. */
  review: { decide: number; approve: number; bulk: number };
  /** Two submitted registrations of one customer, the salesperson's and the colleague's. */
  conflict: { keep: number; other: number };
  extensionRequestId: number;
  poolCustomerId: number;
  /** A user the admin operations may change without touching the actors. */
  victim: { username: string; password: string };
  /** A fresh customer's complete form; `n` picks which. */
  customer(n: number, overrides?: Partial<RegistrationFieldsInput>): RegistrationFieldsInput;
  /** A date (YYYY-MM-DD) this many days from the fixture's today. */
  daysFromNow(days: number): string;
  /** The current version of a registration, so examples stay valid while the fuzz changes rows. */
  version(registrationId: number): Promise<number>;
  /** Whose objects an actor's examples use; an anonymous caller uses the salesperson's. */
  roleOf(actor: Actor): Role;
  /**
   * A caller with a session of its own, as a new window would have, without a sign-in (scrypt is slow by
   * design). Calls that sign out or sign in then change nothing for the other calls; `end` closes it.
   */
  sessionCaller(actor: Actor): Caller & { end(): void };
}

/**
 * An office with something in every state the operations act on: per role a draft, a submitted and an
 * approved registration; the salesperson's submissions awaiting review; a conflicting pair; a pending
 * extension request; a customer in the public pool; notifications. Built only through the dispatcher,
 * as the app builds them, except the clock.
 */
export async function makeSecurityFixture(): Promise<SecurityFixture> {
  const o = await makeOffice();
  let next = 0;
  const daysFromNow = (days: number) => {
    const d = o.clock.now();
    d.setDate(d.getDate() + days);
    return localDate(d);
  };
  const closeDate = () => daysFromNow(60);
  const customer = (n: number, overrides: Partial<RegistrationFieldsInput> = {}): RegistrationFieldsInput => {
    const core = cores[n % cores.length]!;
    const round = Math.floor(n / cores.length);
    return form({
      customerName: `${round === 0 ? '' : `第${round}`}${core}有限公司`,
      contactPerson: `联系人${n}`,
      phones: [`1390000${String(n).padStart(4, '0')}`],
      email: `buyer${n}@corp${n}-example.cn`,
      region: '浙江省杭州市',
      expectedCloseDate: closeDate(),
      ...overrides,
    });
  };
  const fresh = () => customer(next++);

  // The pool first: its protection must run out, so the clock moves 91 days before anything else.
  const pooled = await o.call(o.wang, 'registrations.submit', { fields: fresh() });
  await o.call(o.zhao, 'registrations.approve', { id: pooled.registration.id });
  o.clock.advanceDays(91);
  await runProtectionMaintenance(o.host.requireDb());

  const users = await o.call(o.admin, 'users.list', { includeInactive: true });
  const idOf = (username: string) => users.find((u) => u.username === username)!.id;
  const victim = { username: 'victim', password: 'victim-password' };
  const victimUser = await o.call(o.admin, 'users.create', { username: victim.username, displayName: '测试对象', role: 'sales', password: victim.password });

  const callers: Record<Actor, Caller> = { anonymous: makeCaller(), sales: o.li, reviewer: o.zhao, admin: o.admin };
  // Nobody approves their own registration: the reviewer approves the others', the admin the reviewer's.
  const approverOf = (role: Role) => (role === 'reviewer' ? o.admin : o.zhao);
  const own = {} as Record<Role, OwnRegistrations>;
  for (const role of ['sales', 'reviewer', 'admin'] as const) {
    const caller = callers[role];
    const draft = await o.call(caller, 'registrations.saveDraft', { fields: { customerName: fresh().customerName } });
    const spareDraft = await o.call(caller, 'registrations.saveDraft', { fields: { customerName: fresh().customerName } });
    const submitted = await o.call(caller, 'registrations.submit', { fields: fresh() });
    const approvedOnes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const approved = await o.call(caller, 'registrations.submit', { fields: fresh() });
      await o.call(approverOf(role), 'registrations.approve', { id: approved.registration.id });
      approvedOnes.push(approved.registration.id);
    }
    const [approved, open, toWin, toLose] = approvedOnes as [number, number, number, number];
    await o.call(caller, 'followups.add', { registrationId: open, kind: 'visit', content: '上门拜访，确认采购清单', nextAction: '发送报价', nextDueDate: daysFromNow(7) });
    let job = await o.call(caller, 'report.start', { filters: {} });
    while (job.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 10));
      job = await o.call(caller, 'report.progress', { jobId: job.jobId });
    }
    own[role] = { draft: draft.id, spareDraft: spareDraft.id, submitted: submitted.registration.id, approved, open, toWin, toLose, reportJobId: job.jobId };
  }

  const review = {
    decide: (await o.call(o.li, 'registrations.submit', { fields: fresh() })).registration.id,
    approve: (await o.call(o.li, 'registrations.submit', { fields: fresh() })).registration.id,
    bulk: (await o.call(o.li, 'registrations.submit', { fields: fresh() })).registration.id,
  };

  const contested = fresh();
  const keep = await o.call(o.li, 'registrations.submit', { fields: contested });
  const other = await o.call(o.wang, 'registrations.submit', {
    fields: { ...contested, contactPerson: '另一位联系人' },
    conflictJustification: '客户采购部主动联系我，要求由我对接',
  });

  const colleagueApproved = await o.call(o.wang, 'registrations.submit', { fields: fresh() });
  await o.call(o.zhao, 'registrations.approve', { id: colleagueApproved.registration.id });
  const extension = await o.call(o.wang, 'protection.requestExtension', { registrationId: colleagueApproved.registration.id, reason: '客户预算审批延迟，需要再跟进一个月' });

  const db = o.host.requireDb();
  return {
    ...o,
    callers,
    userIds: { admin: idOf('admin'), sales: idOf('li'), reviewer: idOf('zhao'), colleague: idOf('wang'), victim: victimUser.id },
    passwords: { admin: 'admin-password', sales: 'li-password', reviewer: 'zhao-password' },
    own,
    review,
    conflict: { keep: keep.registration.id, other: other.registration.id },
    extensionRequestId: extension.requestId,
    poolCustomerId: pooled.registration.customerId!,
    victim,
    customer: (n, overrides) => customer(1000 + n, overrides),
    daysFromNow,
    version: (id) =>
      db.read(async (q) => (await q.selectFrom('registrations').select('version').where('id', '=', id).executeTakeFirst())?.version ?? 0),
    roleOf: (actor) => (actor === 'anonymous' ? 'sales' : actor),
    sessionCaller(actor) {
      const caller = makeCaller();
      const userIds = { admin: idOf('admin'), sales: idOf('li'), reviewer: idOf('zhao') };
      if (actor !== 'anonymous') caller.token = o.host.sessions.create(userIds[actor]);
      return Object.assign(caller, { end: () => o.host.sessions.end(caller.token) });
    },
  };
}

/** Starts an export, waiting while an earlier one of the same user still runs (one at a time per user). */
export async function startReport(f: Pick<SecurityFixture, 'dispatch'>, caller: Caller) {
  for (let attempt = 0; ; attempt++) {
    const result = await f.dispatch(caller, 'report.start', { filters: {} });
    if (result.ok) return result.data as OutputOf<'report.start'>;
    if (result.error.key !== 'report.error.busy' || attempt > 500) throw new Error(`report.start: ${result.error.code} ${result.error.key}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
