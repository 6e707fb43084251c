import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { InputOf } from '../../../src-shared/contract';
import type { OpportunityListItem } from '../../../src-shared/contract/followups';
import { useApi } from '../../api/ApiProvider';
import type { SearchBase } from './list-filters';
import { opportunityKeys } from './query-keys';

/** Rows one call brings: a screen holds about fifteen, so one page covers a good stretch of scrolling. */
export const rowsPerPage = 200;
/** Pages kept live (refetched when another PC changes data): the visible rows' and the ones just left. */
const livePages = 4;

/** The page a row's position falls in. */
export const pageOf = (index: number): number => Math.floor(index / rowsPerPage);

/** A row of the list by its position; `item` is null until its page has arrived. */
export interface ListRow {
  index: number;
  item: OpportunityListItem | null;
}

type PageInput = InputOf<'opportunities.search'>;

/**
 * The whole result of a search as one list of `total` rows, of which only the pages someone looks at
 * are fetched. The table is virtual: the rows it draws ask for their page (`request`), so scrolling,
 * dragging the scrollbar to the end, or jumping anywhere fetches just what comes into view, and a change
 * made on another PC refetches only the live pages rather than everything scrolled past.
 */
export function useOpportunityPages(base: SearchBase) {
  const api = useApi();
  const queryClient = useQueryClient();
  const baseKey = JSON.stringify(base);
  const [live, setLive] = useState<{ baseKey: string; pages: number[] }>({ baseKey, pages: [0] });
  const pages = live.baseKey === baseKey ? live.pages : [0];

  const inputOf = useCallback((page: number): PageInput => ({ ...(JSON.parse(baseKey) as SearchBase), limit: rowsPerPage, offset: page * rowsPerPage }), [baseKey]);

  /** A drawn row's page becomes the most recent live one. */
  const request = useCallback(
    (page: number) =>
      setLive((prev) => {
        const current = prev.baseKey === baseKey ? prev.pages : [0];
        if (prev.baseKey === baseKey && current[0] === page) return prev;
        return { baseKey, pages: [page, ...current.filter((p) => p !== page)].slice(0, livePages) };
      }),
    [baseKey],
  );

  const results = useQueries({
    queries: pages.map((page) => ({
      queryKey: opportunityKeys.search(inputOf(page)),
      queryFn: () => api.call('opportunities.search', inputOf(page)),
    })),
  });

  // The newest answer says how many rows there are now.
  const newest = results.reduce<(typeof results)[number] | undefined>(
    (best, r) => (r.data && (!best?.data || r.dataUpdatedAt > best.dataUpdatedAt) ? r : best),
    undefined,
  );
  const total = newest?.data?.total;
  const version = results.map((r) => r.dataUpdatedAt).join(',');

  const rows = useMemo(() => {
    if (total === undefined) return undefined;
    const out: ListRow[] = new Array<ListRow>(total);
    const pageCount = Math.ceil(total / rowsPerPage);
    for (let page = 0; page < pageCount; page += 1) {
      // Pages no longer live stay in the cache a while; what they hold is shown until their rows ask again.
      const items = queryClient.getQueryData<{ items: OpportunityListItem[] }>(opportunityKeys.search(inputOf(page)))?.items;
      const end = Math.min(total, (page + 1) * rowsPerPage);
      for (let index = page * rowsPerPage; index < end; index += 1) out[index] = { index, item: items?.[index - page * rowsPerPage] ?? null };
    }
    return out;
    // `version` changes with any answer the rows are made of.
  }, [total, version, inputOf, queryClient]);

  // While a new search loads, the previous rows stay under the spinner instead of an empty table.
  const shown = useRef<{ rows: ListRow[]; total: number }>({ rows: [], total: 0 });
  if (rows && total !== undefined) shown.current = { rows, total };
  const error = results.find((r) => r.error)?.error ?? null;

  return {
    rows: shown.current.rows,
    total: shown.current.total,
    /** Nothing of this search has arrived yet. */
    loading: rows === undefined && !error,
    error,
    request,
  };
}
