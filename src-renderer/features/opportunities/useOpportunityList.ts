import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { InputOf, Status } from '../../../src-shared/contract';
import { useApi } from '../../api/ApiProvider';
import { registrationKeys } from '../registration/query-keys';

export const pageSize = 50;

export interface ListFilters {
  scope: 'mine' | 'team';
  search: string;
  statuses: Status[];
  page: number;
}

export const initialFilters: ListFilters = { scope: 'mine', search: '', statuses: [], page: 1 };

/** One page of registrations as the filters say; the page shown stays while the next loads. */
export function useOpportunityList(filters: ListFilters) {
  const api = useApi();
  const input: InputOf<'registrations.list'> = {
    scope: filters.scope,
    limit: pageSize,
    offset: (filters.page - 1) * pageSize,
    ...(filters.search.trim() ? { search: filters.search.trim() } : {}),
    ...(filters.statuses.length > 0 ? { statuses: filters.statuses } : {}),
  };
  return useQuery({
    queryKey: registrationKeys.list(input),
    queryFn: () => api.call('registrations.list', input),
    placeholderData: keepPreviousData,
  });
}
