import { describe, expect, it } from 'vitest';
import { notificationRoute, notificationText } from './notification-target';

const submitted = { kind: 'registration.submitted', entity: 'registration', entityId: 12, params: { owner: '李雷', customer: '杭州云帆网络有限公司' } };
const reviewer = { id: 3, role: 'reviewer' as const };

describe('where a notification leads', () => {
  it('opens a submission still waiting in the review screen for a reviewer', () => {
    expect(notificationRoute(submitted, reviewer, { status: 'submitted', ownerId: 2 })).toBe('/review/12');
    expect(notificationRoute(submitted, { id: 1, role: 'admin' }, { status: 'submitted', ownerId: 2 })).toBe('/review/12');
  });

  it('opens 我的商机 on the registration once decided, for its owner, for a salesperson, and when it is gone', () => {
    expect(notificationRoute(submitted, reviewer, { status: 'approved', ownerId: 2 })).toBe('/myOpportunities?id=12');
    expect(notificationRoute(submitted, reviewer, { status: 'submitted', ownerId: 3 })).toBe('/myOpportunities?id=12');
    expect(notificationRoute({ ...submitted, kind: 'registration.returned' }, { id: 2, role: 'sales' }, { status: 'submitted', ownerId: 2 })).toBe('/myOpportunities?id=12');
    expect(notificationRoute(submitted, reviewer, null)).toBe('/myOpportunities?id=12');
  });
});

describe('what a notification says', () => {
  it('fills the kind’s sentence in the reader’s language', () => {
    expect(notificationText('zh-CN', submitted)).toBe('李雷 提交了新的报备：杭州云帆网络有限公司');
    expect(notificationText('en', submitted)).toBe('李雷 submitted a registration: 杭州云帆网络有限公司');
  });

  it('drops the brackets of an empty reason', () => {
    const rejected = { kind: 'extension.rejected', params: { until: '2027-01-01', reason: '' } };
    expect(notificationText('zh-CN', rejected)).toBe('延期申请未通过');
    expect(notificationText('en', rejected)).toBe('Extension rejected');
    expect(notificationText('zh-CN', { ...rejected, params: { reason: '次数已用完' } })).toBe('延期申请未通过（次数已用完）');
  });
});
