import type { OutputOf, Registration, SessionUser } from '../../../src-shared/contract';
import type { FakeHandlers } from '../../test/fake-transport';

/** Data for the review and inbox tests: a reviewer, a salesperson's submission and its automatic checks. */
export const reviewer: SessionUser = { id: 3, username: 'zhao', displayName: '赵敏', role: 'reviewer' };
export const salesperson: SessionUser = { id: 2, username: 'li', displayName: '李雷', role: 'sales' };

export const submission: Registration = {
  id: 5,
  version: 1,
  status: 'submitted',
  stage: 'needs_confirmed',
  customerId: 9,
  customerName: '杭州云帆网络有限公司',
  customerKind: 'company',
  contactPerson: '陈经理',
  phones: ['13700002222'],
  email: 'buy@yunfan.cn',
  uscc: null,
  region: '浙江省杭州市',
  needDescription: '需求待定，先了解一下产品价格再说',
  budget: 1_200_000,
  expectedCloseDate: '2027-03-01',
  sourceChannel: null,
  productLine: '办公设备',
  ownerId: salesperson.id,
  ownerName: salesperson.displayName,
  needsAdjudication: false,
  conflictJustification: null,
  fromPool: false,
  submittedAt: '2026-11-20T02:00:00.000Z',
  approvedAt: null,
  decidedAt: null,
  decisionReason: null,
  protectedUntil: null,
  finalAmount: null,
  closedAt: null,
  lostReason: null,
  createdAt: '2026-11-20T02:00:00.000Z',
  updatedAt: '2026-11-20T02:00:00.000Z',
};

/** The automatic checks: all pass except the need, which uses vague words. */
export const checks: OutputOf<'review.detail'>['checks'] = [
  { criterion: 'customerInfo', passed: true, reasons: [] },
  { criterion: 'needClear', passed: false, reasons: [{ key: 'check.needVague', params: { words: '待定、了解一下' } }] },
  { criterion: 'budgetReasonable', passed: true, reasons: [] },
  { criterion: 'closeDateRealistic', passed: true, reasons: [] },
  { criterion: 'stageConfirmed', passed: true, reasons: [] },
];

export const detailOf = (registration: Registration = submission): OutputOf<'review.detail'> => ({ registration, checks, conflicts: [], competitors: [], decisions: [] });

/** A signed-in app on the given route, answering what every signed-in screen asks. */
export function signedIn(user: SessionUser, route: string, more: FakeHandlers = {}): FakeHandlers {
  window.location.hash = route;
  return {
    'setup.status': () => ({ ok: true, data: { state: 'ready', dbPath: '/d.sqlite', errorKey: null, canChooseDatabase: false, defaultLocalPath: null, lastUsername: user.username } }),
    'auth.session': () => ({ ok: true, data: { user } }),
    'system.status': () => ({ ok: true, data: { dbPath: '/d.sqlite', schemaVersion: 1, appSchemaVersion: 1, readOnly: false, lastBackupAt: null } }),
    'notifications.list': () => ({ ok: true, data: { items: [], unread: 0 } }),
    'review.pendingCount': () => ({ ok: true, data: { count: 0 } }),
    ...more,
  };
}
