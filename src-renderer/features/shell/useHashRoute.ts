import { useSyncExternalStore } from 'react';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

const useHash = () => useSyncExternalStore(subscribe, () => window.location.hash);

/** `#/review/12?x=1` → page `review`, rest `['12']`, query `x=1`: a page may open one of its items by URL. */
export function parseHash(hash: string): { page: string; rest: string[]; query: URLSearchParams } {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const [page = '', ...rest] = path.split('/');
  return { page, rest: rest.filter(Boolean), query: new URLSearchParams(query) };
}

/** Shows a route such as `/review/12` or `/myOpportunities?id=12` (links from notifications, for instance). */
export function openRoute(route: string): void {
  const path = route.replace(/^#/, '');
  window.location.hash = path.startsWith('/') ? path : `/${path}`;
}

/**
 * The current page lives in the URL's hash: it survives a reload and works from file://, a custom
 * protocol and the browser host alike, without a router.
 */
export function useHashRoute<T extends string>(routes: readonly T[], fallback: T): [T, (route: T) => void] {
  const { page } = parseHash(useHash());
  const route = routes.find((r) => r === page) ?? fallback;
  return [route, openRoute];
}

/** What follows the page in the hash: the item a page shows, and its query. */
export function useHashDetail(): { rest: string[]; query: URLSearchParams } {
  const { rest, query } = parseHash(useHash());
  return { rest, query };
}
