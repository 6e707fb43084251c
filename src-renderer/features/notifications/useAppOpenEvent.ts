import { useEffect } from 'react';
import { useApi } from '../../api/ApiProvider';
import { openRoute } from '../shell/useHashRoute';

/** A desktop notification clicked in Electron: the main process names the route to show. */
export function useAppOpenEvent(): void {
  const api = useApi();
  useEffect(() => api.subscribe('app.open', ({ hash }) => openRoute(hash)), [api]);
}
