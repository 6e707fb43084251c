import { hashKey, useMutation, useQueryClient } from '@tanstack/react-query';
import type { OutputOf, SessionUser } from '../../../src-shared/contract';
import { useApi } from '../../api/ApiProvider';
import { queryKeys } from '../../api/query-keys';
import { setSessionUser } from './session-cache';

// What the sign-in screen still needs; everything else was the signed-out user's and goes.
const keptAfterSignOut = new Set([queryKeys.localSettings, queryKeys.setupStatus, queryKeys.session].map((key) => hashKey(key)));

export function useSignOut(user: SessionUser) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.call('auth.signOut', {}),
    onSuccess: async () => {
      // The sign-in screen offers the name of whoever just left, as the main process remembers it.
      queryClient.setQueryData<OutputOf<'setup.status'>>(queryKeys.setupStatus, (old) => old && { ...old, lastUsername: user.username });
      await setSessionUser(queryClient, null);
      queryClient.removeQueries({ predicate: (query) => !keptAfterSignOut.has(query.queryHash) });
    },
  });
}
