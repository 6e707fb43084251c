import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { InputOf, OutputOf } from '../../../src-shared/contract';
import { useApi } from '../../api/ApiProvider';
import { registrationKeys } from '../registration/query-keys';

export type PoolEntry = OutputOf<'pool.list'>['items'][number];
export const poolPageSize = 50;

/** One page of the public pool, newest releases first. */
export function usePoolList(search: string, page: number) {
  const api = useApi();
  const input: InputOf<'pool.list'> = {
    limit: poolPageSize,
    offset: (page - 1) * poolPageSize,
    ...(search.trim() ? { search: search.trim() } : {}),
  };
  return useQuery({ queryKey: registrationKeys.pool(input), queryFn: () => api.call('pool.list', input), placeholderData: keepPreviousData });
}
