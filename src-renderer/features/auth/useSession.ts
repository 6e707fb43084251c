import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { queryKeys } from '../../api/query-keys';

/** Who is signed in to this window or tab, if anyone. */
export function useSession() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.session, queryFn: () => api.call('auth.session', {}) });
}
