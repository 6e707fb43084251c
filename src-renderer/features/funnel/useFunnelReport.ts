import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../src-shared/contract';
import type { OpportunityFilters } from '../../../src-shared/contract/followups';
import type { FunnelSegment } from '../../../src-shared/contract/funnel';
import { useApi } from '../../api/ApiProvider';

// Under 'registrations': every move of an opportunity changes that area, so the charts follow other PCs.
export const funnelKeys = {
  report: (filters: OpportunityFilters) => ['registrations', 'funnel', 'report', filters] as const,
  drill: (input: InputOf<'funnel.drill'>) => ['registrations', 'funnel', 'drill', input] as const,
};

export function useFunnelReport(filters: OpportunityFilters) {
  const api = useApi();
  return useQuery({ queryKey: funnelKeys.report(filters), queryFn: () => api.call('funnel.report', { filters }), placeholderData: keepPreviousData });
}

export const drillPageSize = 50;

export function useFunnelDrill(filters: OpportunityFilters, segment: FunnelSegment | null, page: number) {
  const api = useApi();
  const input: InputOf<'funnel.drill'> = { filters, segment: segment ?? { kind: 'all' }, limit: drillPageSize, offset: (page - 1) * drillPageSize };
  return useQuery({
    queryKey: funnelKeys.drill(input),
    queryFn: () => api.call('funnel.drill', input),
    enabled: segment !== null,
    placeholderData: keepPreviousData,
  });
}
