import type { InputOf, OperationName } from '../../../src-shared/contract';
import { criteria } from '../../../src-shared/domain/review/checks';
import type { Actor } from './access-table';
import type { SecurityFixture } from './fixture';

/**
 * One valid input per operation, for the role test, the contact-detail test and the fuzz (which
 * corrupts one field of it). Valid means it passes the contract's schema and names rows the caller
 * may act on; it may still fail for a reason of state (a draft already submitted), which is fine.
 *
 * A new operation needs an example here: src-main/core/security/*.test.ts fail until it has one.
 */
export type Example<K extends OperationName> = (f: SecurityFixture, actor: Actor) => InputOf<K> | Promise<InputOf<K>>;
export type ExampleTable = { [K in OperationName]?: Example<K> };

const csv = (text: string) => ({ name: '客户.csv', data: Buffer.from(`\uFEFF${text}`, 'utf8').toString('base64') });
const importMapping = {
  columns: { 客户名称: 'customerName', 联系人: 'contactPerson', 联系方式: 'contact', 需求: 'needDescription', 预算: 'budget', 预计成交日期: 'expectedCloseDate', 状态: 'status' },
  statusValues: { 待审核: { status: 'submitted' } },
} as const;
const importFile = () =>
  csv('客户名称,联系人,联系方式,需求,预算,预计成交日期,状态\n杭州导入测试有限公司,周经理,13900009999,采购 50 台服务器及三年维保服务,500000,2026-09-30,待审核\n');

export const examples: ExampleTable = {
  'setup.status': () => ({}),
  'setup.useDatabase': (f) => ({ mode: 'open', path: f.dbFile }),
  'setup.browse': () => ({ kind: 'open' }),
  'setup.createAdmin': () => ({ username: 'second-admin', displayName: '第二管理员', password: 'second-admin-password' }),

  'auth.signIn': (f) => ({ username: f.victim.username, password: f.victim.password }),
  'auth.signOut': () => ({}),
  'auth.session': () => ({}),
  // The same password again, so a successful call changes nothing anyone relies on.
  'auth.changePassword': (f, actor) => ({ currentPassword: f.passwords[f.roleOf(actor)], newPassword: f.passwords[f.roleOf(actor)] }),

  'users.list': () => ({ includeInactive: true }),
  'users.create': () => ({ username: 'new-colleague', displayName: '新同事', role: 'sales', password: 'new-colleague-password' }),
  'users.update': async (f) => {
    const users = await f.call(f.admin, 'users.list', { includeInactive: true });
    const victim = users.find((u) => u.id === f.userIds.victim)!;
    return { id: victim.id, version: victim.version, displayName: '测试对象' };
  },
  'users.resetPassword': (f) => ({ id: f.userIds.victim, password: f.victim.password }),

  'settings.get': () => ({}),
  'settings.setLanguage': () => ({ language: 'zh-CN' }),
  'system.status': () => ({}),
  'system.check': () => ({}),
  'system.backup': () => ({}),

  'office.settings': () => ({}),
  'office.updateSettings': async (f) => {
    const { version } = await f.call(f.admin, 'office.settings', {});
    return { settings: { reminderDays: 7 }, version };
  },

  'conflicts.check': (f) => {
    const c = f.customer(1);
    return { customerName: c.customerName, phones: c.phones ?? [], email: String(c.email) };
  },
  'registrations.saveDraft': async (f, actor) => {
    const id = f.own[f.roleOf(actor)].draft;
    return { id, version: await f.version(id), fields: { customerName: '杭州草稿示例有限公司', contactPerson: '吴经理' } };
  },
  'registrations.submit': async (f, actor) => {
    const id = f.own[f.roleOf(actor)].draft;
    return { id, version: await f.version(id), fields: f.customer(2 + ['sales', 'reviewer', 'admin'].indexOf(f.roleOf(actor))) };
  },
  'registrations.withdraw': async (f, actor) => {
    const id = f.own[f.roleOf(actor)].submitted;
    return { id, version: await f.version(id) };
  },
  'registrations.discard': async (f, actor) => {
    const id = f.own[f.roleOf(actor)].spareDraft;
    return { id, version: await f.version(id) };
  },
  'registrations.get': (f, actor) => ({ id: f.own[f.roleOf(actor)].approved }),
  'registrations.list': () => ({ scope: 'mine', search: '有限公司', limit: 50 }),
  'registrations.approve': (f) => ({ id: f.review.approve }),

  'pool.list': () => ({ search: '有限公司' }),
  'pool.claim': (f) => ({ customerId: f.poolCustomerId, fields: f.customer(0, { customerName: '星辰科技有限公司' }) }),
  'protection.requestExtension': (f, actor) => ({ registrationId: f.own[f.roleOf(actor)].approved, reason: '客户预算审批延迟，需要再跟进一个月' }),
  'protection.decideExtension': (f) => ({ requestId: f.extensionRequestId, approve: true, reason: '同意延长' }),
  'protection.listExtensions': () => ({ status: 'pending' }),

  'followups.add': (f, actor) => ({
    registrationId: f.own[f.roleOf(actor)].open,
    kind: 'call',
    content: '电话沟通需求细节，客户确认预算',
    outcome: '客户同意下周看方案',
    nextAction: '发送报价单',
    nextDueDate: f.daysFromNow(7),
  }),
  'followups.list': (f, actor) => ({ registrationId: f.own[f.roleOf(actor)].open }),
  'registrations.changeStage': async (f, actor) => {
    const id = f.own[f.roleOf(actor)].open;
    return { id, version: await f.version(id), stage: 'quotation' };
  },
  'registrations.markWon': async (f, actor) => {
    const id = f.own[f.roleOf(actor)].toWin;
    return { id, version: await f.version(id), finalAmount: 1_100_000, wonDate: f.daysFromNow(0) };
  },
  'registrations.markLost': async (f, actor) => {
    const id = f.own[f.roleOf(actor)].toLose;
    return { id, version: await f.version(id), reason: '价格过高', comment: '客户选择了更便宜的方案' };
  },
  'registrations.changeCloseDate': async (f, actor) => {
    const id = f.own[f.roleOf(actor)].open;
    return { id, version: await f.version(id), expectedCloseDate: f.daysFromNow(120), reason: '客户预算推迟到下季度' };
  },
  'opportunities.search': () => ({ scope: 'mine', search: '有限公司', sort: { by: 'updatedAt', direction: 'desc' }, limit: 50 }),
  'opportunities.timeline': (f, actor) => ({ id: f.own[f.roleOf(actor)].open }),
  'todo.today': () => ({ scope: 'mine', limit: 50 }),
  'funnel.report': () => ({ filters: {} }),
  'funnel.drill': () => ({ filters: {}, segment: { kind: 'all' }, limit: 50 }),
  'report.start': () => ({ filters: {} }),
  'report.progress': (f, actor) => ({ jobId: f.own[f.roleOf(actor)].reportJobId }),
  'report.cancel': (f, actor) => ({ jobId: f.own[f.roleOf(actor)].reportJobId }),
  'report.save': (f, actor) => ({ jobId: f.own[f.roleOf(actor)].reportJobId }),

  'review.queue': () => ({ conflictOnly: false, search: '有限公司' }),
  'review.pendingCount': () => ({}),
  'review.detail': (f) => ({ id: f.review.decide }),
  'review.decide': async (f) => ({
    id: f.review.decide,
    version: await f.version(f.review.decide),
    decision: 'return',
    reason: '请补充联系人职务和预算来源',
    checklist: criteria.map((criterion) => ({ criterion, passed: true })),
  }),
  'review.adjudicate': (f) => ({ keepId: f.conflict.keep, otherId: f.conflict.other, otherDecision: 'return', reason: '客户书面确认由先报备的同事对接' }),
  'review.bulkApprove': (f) => ({ ids: [f.review.bulk] }),

  'notifications.list': () => ({ unreadOnly: false, limit: 20 }),
  'notifications.markRead': () => ({ all: true }),

  'audit.list': () => ({ entity: 'registration', limit: 20 }),
  'audit.verify': () => ({}),

  'import.preview': () => ({ file: importFile(), sampleRows: 5 }),
  'import.dryRun': () => ({ file: importFile(), mapping: importMapping }),
  'import.run': () => ({ file: importFile(), mapping: importMapping, importId: 'security-example' }),
  'import.errorReport': () => ({ file: importFile(), rows: [{ row: 2, status: 'invalid', errors: [{ key: 'v.required', message: '必填' }] }] }),
};

/** The example of an operation for an actor, or undefined when the table lacks one. */
export async function exampleInput(name: OperationName, f: SecurityFixture, actor: Actor): Promise<unknown> {
  const example = examples[name] as Example<OperationName> | undefined;
  return example ? await example(f, actor) : undefined;
}

export const operationsWithoutExample = (names: readonly OperationName[]): OperationName[] => names.filter((n) => !examples[n]);
