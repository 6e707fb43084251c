import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/api-error';
import { queryKeys } from '../api/query-keys';

/**
 * Server state for the whole renderer. A call answered UNAUTHENTICATED means the session ended (the
 * host restarted, an admin deactivated the user): re-asking for the session brings back the sign-in.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (isApiError(error) && error.code === 'UNAUTHENTICATED') void client.invalidateQueries({ queryKey: queryKeys.session });
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      // Typed errors do not heal by retrying, and the main process already retries a busy drive.
      queries: { retry: false },
      mutations: { retry: false },
    },
  });
  return client;
}
