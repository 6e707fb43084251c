import type { Registration, SessionUser } from '../../../src-shared/contract';
import type { FakeHandlers } from '../../test/fake-transport';

/** Helpers for the renderer tests of the registration screens (not a test file itself). */

export const salesUser: SessionUser = { id: 7, username: 'wang', displayName: '王芳', role: 'sales' };
export const reviewerUser: SessionUser = { id: 9, username: 'zhao', displayName: '赵敏', role: 'reviewer' };

/** A signed-in app on the given page, with whatever operations the test adds. */
export function signedIn(user: SessionUser, page: string, more: FakeHandlers = {}): FakeHandlers {
  window.location.hash = `/${page}`;
  return {
    'setup.status': () => ({ ok: true, data: { state: 'ready', dbPath: '/d.sqlite', errorKey: null, canChooseDatabase: false, defaultLocalPath: null, lastUsername: user.username } }),
    'auth.session': () => ({ ok: true, data: { user } }),
    'system.status': () => ({ ok: true, data: { dbPath: '/d.sqlite', schemaVersion: 1, appSchemaVersion: 1, readOnly: false, lastBackupAt: null } }),
    'conflicts.check': () => ({ ok: true, data: { matches: [], ownCustomer: null } }),
    ...more,
  };
}

/** A stored registration as the main process returns it. */
export function registrationRow(overrides: Partial<Registration> = {}): Registration {
  return {
    id: 41,
    version: 0,
    status: 'submitted',
    stage: 'needs_confirmed',
    customerId: 5,
    customerName: '杭州云帆网络有限公司',
    customerKind: 'company',
    contactPerson: '周经理',
    phones: ['13700002222'],
    email: 'zhou@yunfan.cn',
    uscc: null,
    region: '浙江省杭州市',
    needDescription: '采购 50 台服务器及机房改造，要求三个月内交付',
    budget: 800_000,
    expectedCloseDate: '2099-06-30',
    sourceChannel: null,
    productLine: null,
    ownerId: salesUser.id,
    ownerName: salesUser.displayName,
    needsAdjudication: false,
    conflictJustification: null,
    fromPool: false,
    submittedAt: '2026-03-02T09:00:00.000Z',
    approvedAt: null,
    decidedAt: null,
    decisionReason: null,
    protectedUntil: null,
    finalAmount: null,
    closedAt: null,
    lostReason: null,
    createdAt: '2026-03-02T09:00:00.000Z',
    updatedAt: '2026-03-02T09:00:00.000Z',
    ...overrides,
  };
}
