import { useEffect, useRef } from 'react';

const nonTextInputs = ['checkbox', 'radio', 'button', 'submit', 'reset'];

/** A field that takes typed characters: letters typed there are text, not shortcuts. */
function takesText(el: HTMLElement): boolean {
  if (el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  return el.tagName === 'INPUT' && !nonTextInputs.includes((el as HTMLInputElement).type);
}

/** Enter on a focused button, link or checkbox activates that control, not a shortcut as well. */
const activates = (el: HTMLElement, key: string): boolean =>
  (key === 'Enter' || key === ' ') && el.closest('button, a, [role="button"], input[type="checkbox"], input[type="radio"]') !== null;

/** Keys typed into a field belong to it, and keys in a dialog or popup to that dialog. */
function belongsElsewhere(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return true;
  const target = event.target instanceof HTMLElement ? event.target : null;
  if (!target) return false;
  return takesText(target) || activates(target, event.key) || target.closest('.ant-modal, .ant-popover') !== null;
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
