import type { QueryClient } from '@tanstack/react-query';
import type { SessionUser } from '../../../src-shared/contract';
import { queryKeys } from '../../api/query-keys';

/**
 * Records who is signed in after signing in or out. A session query still in flight was asked with
 * the old token (the change feed reports the sign-in's own write before its answer arrives), so it is
 * cancelled first; otherwise its stale answer would land last and undo the sign-in.
 */
export async function setSessionUser(queryClient: QueryClient, user: SessionUser | null): Promise<void> {
  await queryClient.cancelQueries({ queryKey: queryKeys.session, exact: true });
  queryClient.setQueryData(queryKeys.session, { user });
}
