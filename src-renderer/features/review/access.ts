import type { Role } from '../../../src-shared/contract';

/** Who reviews: reviewers and administrators (the contract's access of every review.* operation). */
export const mayReview = (role: Role): boolean => role === 'reviewer' || role === 'admin';
