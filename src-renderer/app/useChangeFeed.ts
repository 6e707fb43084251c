import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useApi } from '../api/ApiProvider';

/** Refetches what another PC (or another window) changed: every query whose key starts with a moved area. */
export function useChangeFeed(): void {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.subscribe('db.changed', ({ areas }) => {
        const moved = new Set<unknown>(areas);
        void queryClient.invalidateQueries({ predicate: (query) => moved.has(query.queryKey[0]) });
      }),
    [api, queryClient],
  );
}
