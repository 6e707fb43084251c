import type { InputOf, Stage } from '../../../src-shared/contract';
import type { opportunitySortKeys, opportunityStatuses } from '../../../src-shared/contract/followups';

export type OpportunityStatus = (typeof opportunityStatuses)[number];
export type SortKey = (typeof opportunitySortKeys)[number];
export interface ListSort {
  by: SortKey;
  direction: 'asc' | 'desc';
}

/** What 我的商机 shows: the scope, the filters, the typed search and the order. */
export interface ListFilters {
  scope: 'mine' | 'team';
  search: string;
  statuses: OpportunityStatus[];
  stages: Stage[];
  channels: (string | null)[];
  productLines: (string | null)[];
  regions: (string | null)[];
  /** Salespeople; only in the team's scope. */
  ownerIds: number[];
  /** When the opportunity entered the funnel, both days included. */
  period: { from: string; to: string } | null;
  sort: ListSort;
}

export const defaultSort: ListSort = { by: 'updatedAt', direction: 'desc' };

export const initialFilters: ListFilters = {
  scope: 'mine',
  search: '',
  statuses: [],
  stages: [],
  channels: [],
  productLines: [],
  regions: [],
  ownerIds: [],
  period: null,
  sort: defaultSort,
};

/** Whether anything narrows the list (the scope and the order do not). */
export const isFiltered = (f: ListFilters): boolean =>
  f.search.trim() !== '' ||
  [f.statuses, f.stages, f.channels, f.productLines, f.regions, f.ownerIds].some((list) => list.length > 0) ||
  f.period !== null;

export type SearchBase = Omit<InputOf<'opportunities.search'>, 'limit' | 'offset'>;

/** The search's input without its page: only what is set, so equal filters make equal query keys. */
export function searchBase(f: ListFilters): SearchBase {
  const search = f.search.trim();
  return {
    scope: f.scope,
    sort: f.sort,
    ...(search ? { search } : {}),
    ...(f.statuses.length ? { statuses: f.statuses } : {}),
    ...(f.stages.length ? { stages: f.stages } : {}),
    ...(f.channels.length ? { channels: f.channels } : {}),
    ...(f.productLines.length ? { productLines: f.productLines } : {}),
    ...(f.regions.length ? { regions: f.regions } : {}),
    ...(f.scope === 'team' && f.ownerIds.length ? { ownerIds: f.ownerIds } : {}),
    ...(f.period ? { period: f.period } : {}),
  };
}
