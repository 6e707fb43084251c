import type { InputOf } from '../../../src-shared/contract';

/**
 * Query keys of 我的商机 and the opportunity's detail, each under the change-feed area whose writes
 * change the answer (see api/query-keys.ts). Everything is under 'registrations': follow-ups report it
 * too (they move the latest activity and the next action), and so do review decisions and expiry.
 */
export const opportunityKeys = {
  /** Every page of every search, to refetch after a move made here. */
  searches: ['registrations', 'opportunities', 'search'] as const,
  search: (input: InputOf<'opportunities.search'>) => ['registrations', 'opportunities', 'search', input] as const,
  drafts: ['registrations', 'opportunities', 'drafts'] as const,
  detail: (id: number) => ['registrations', 'opportunities', 'detail', id] as const,
  timeline: (id: number) => ['registrations', 'opportunities', 'timeline', id] as const,
  todo: (scope: 'mine' | 'team') => ['registrations', 'opportunities', 'todo', scope] as const,
  /** Filter choices (channels, product lines, regions, salespeople) from the unfiltered funnel report. */
  choices: ['registrations', 'opportunities', 'choices'] as const,
  /** The office's lost reasons; office.updateSettings reports 'settings'. */
  officeSettings: ['settings', 'office'] as const,
};
