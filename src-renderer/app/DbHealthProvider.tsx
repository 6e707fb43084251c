import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import type { EventMap } from '../../src-shared/contract';
import { useApi } from '../api/ApiProvider';

type Health = EventMap['db.health'];

const DbHealthContext = createContext<Health>({ state: 'ok' });

/**
 * The database's health as the change feed reports it. The feed speaks only when the state changes,
 * so the subscription lives for the whole window rather than with the screen that shows it.
 */
export function DbHealthProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [health, setHealth] = useState<Health>({ state: 'ok' });
  useEffect(
    () =>
      api.subscribe('db.health', (next) => {
        setHealth(next);
        // Back from busy or unavailable: whatever failed meanwhile is worth asking for again.
        if (next.state === 'ok') void queryClient.invalidateQueries();
      }),
    [api, queryClient],
  );
  return <DbHealthContext.Provider value={health}>{children}</DbHealthContext.Provider>;
}

export const useDbHealth = (): Health => useContext(DbHealthContext);
