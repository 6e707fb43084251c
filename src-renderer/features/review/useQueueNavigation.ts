import { useEffect, useState } from 'react';
import { useShortcuts } from './useShortcuts';

/**
 * ↑/↓ move the highlighted row and Enter opens it, as long as nobody is typing in a filter. The
 * highlight stays on the same position when the list refetches, within its new length.
 */
export function useQueueNavigation<T extends { id: number }>(items: readonly T[], open: (item: T) => void) {
  const [active, setActive] = useState(0);
  const index = Math.min(active, Math.max(items.length - 1, 0));
  const activeId = items[index]?.id;

  useEffect(() => {
    if (activeId === undefined) return;
    document.querySelector(`[data-testid="queue-row-${activeId}"]`)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeId]);

  useShortcuts({
    ArrowDown: () => setActive(Math.min(index + 1, items.length - 1)),
    ArrowUp: () => setActive(Math.max(index - 1, 0)),
    Enter: () => {
      const item = items[index];
      if (item) open(item);
    },
  });

  return { activeId, setActiveId: (id: number) => setActive(Math.max(items.findIndex((i) => i.id === id), 0)) };
}
