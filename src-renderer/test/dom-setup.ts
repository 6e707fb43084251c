import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

/**
 * What jsdom lacks and antd needs. Import first in every renderer test that renders: antd's responsive
 * observers call matchMedia when they load.
 */
if (!window.matchMedia) {
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

// The select's popup measures itself; nothing resizes in jsdom.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

// antd measures scrollbars through a pseudo-element, which jsdom reports as not implemented; the
// element's own style is an adequate answer.
const getComputedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => getComputedStyle(element);

// Tables scroll themselves to a highlighted row; jsdom lays nothing out, so there is nowhere to go.
Element.prototype.scrollTo ??= function scrollTo(): void {};

// Waits measure the machine, not the app: a CI runner busy with other suites needs more than 1 s.
configure({ asyncUtilTimeout: 10_000 });

// vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(cleanup);
