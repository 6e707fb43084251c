import { useEffect, useRef } from 'react';

/** Keys pressed while typing belong to the field, and keys in a dialog or popup to it. */
function belongsElsewhere(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  const typing = !!target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
  const inDialog = !!target?.closest?.('.ant-modal, .ant-popover');
  return typing || inDialog || event.ctrlKey || event.metaKey || event.altKey;
}

/**
 * Single-key shortcuts for a screen (keys as KeyboardEvent.key, letters in lower case). They never fire
 * while the user types in a field or has a dialog open.
 */
export function useShortcuts(bindings: Record<string, () => void>, enabled = true): void {
  // The latest handlers, without re-binding the listener on every render.
  const current = useRef(bindings);
  current.current = bindings;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (belongsElsewhere(event)) return;
      const action = current.current[event.key.length === 1 ? event.key.toLowerCase() : event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
