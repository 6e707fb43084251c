import { useEffect, useState } from 'react';

/**
 * The value once it has stopped changing for `ms`. Compared by content, so an equal object made anew
 * on each render does not restart the wait.
 */
export function useDebouncedValue<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  const content = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(JSON.parse(content) as T), ms);
    return () => clearTimeout(timer);
  }, [content, ms]);
  return settled;
}
