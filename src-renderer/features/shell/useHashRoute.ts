import { useSyncExternalStore } from 'react';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/**
 * The current page lives in the URL's hash: it survives a reload and works from file://, a custom
 * protocol and the browser host alike, without a router.
 */
export function useHashRoute<T extends string>(routes: readonly T[], fallback: T): [T, (route: T) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const name = hash.replace(/^#\/?/, '');
  const route = routes.find((r) => r === name) ?? fallback;
  const navigate = (next: T) => {
    window.location.hash = `/${next}`;
  };
  return [route, navigate];
}
