import type { InputOf } from '../../../src-shared/contract';

/**
 * Query keys of the review screens, each under the change-feed area whose writes change the answer
 * (see api/query-keys.ts). The queue and the detail are under 'registrations': conflict flags and
 * competitors move with any registration's status, including expiry, which reports no 'reviews'.
 */
export const reviewKeys = {
  queue: (input: InputOf<'review.queue'>) => ['registrations', 'reviewQueue', input] as const,
  queueOwners: ['registrations', 'reviewQueueOwners'] as const,
  detail: (id: number) => ['registrations', 'reviewDetail', id] as const,
  // Every submission, decision and withdrawal reports 'reviews'.
  pendingCount: ['reviews', 'pendingCount'] as const,
};
