import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/ApiProvider';

type Progress = { done: number; total: number };

/**
 * The progress of this window's run, from the main process's `import.progress` events (every window
 * gets them; each listens for the id it chose). The subscription is open before a run starts, so even
 * its first event is not missed: `track` names the run to follow, null stops following.
 */
export function useImportProgress(): { progress: Progress | null; track: (importId: string | null) => void } {
  const api = useApi();
  const current = useRef<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(
    () =>
      api.subscribe('import.progress', (event) => {
        if (event.importId === current.current) setProgress({ done: event.done, total: event.total });
      }),
    [api],
  );
  const track = useCallback((importId: string | null) => {
    current.current = importId;
    setProgress(null);
  }, []);
  return { progress, track };
}
