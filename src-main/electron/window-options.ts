import type { BrowserWindowConstructorOptions, Rectangle, WebPreferences } from 'electron';
import type { LocalSettings } from '../core/local-settings';

// Pure data and functions only: window-options.test.ts checks them under plain Node, so a weakened
// security option fails a test even though Electron itself never runs there.

/** Served as a response header by the app:// protocol handler. */
export { contentSecurityPolicy, cspDirectives } from '../core/security/csp';

export function secureWebPreferences(options: { preload: string; devTools: boolean }): WebPreferences {
  return {
    preload: options.preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    // A packaged app has no developer tools: support goes through the log file, not the console.
    devTools: options.devTools,
  };
}

export type WindowBounds = NonNullable<LocalSettings['windowBounds']>;

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;
export const MIN_SIZE = { width: 960, height: 600 } as const;

/** The point of the title bar a user grabs to move the window: it must be on some screen. */
const grabPoint = (b: { x: number; y: number }) => ({ x: b.x + 60, y: b.y + 12 });
const contains = (area: Rectangle, p: { x: number; y: number }) =>
  p.x >= area.x && p.x < area.x + area.width && p.y >= area.y && p.y < area.y + area.height;

/**
 * The size and place to open the window at: the remembered ones, except that a position on a screen
 * that is gone (an unplugged monitor) is dropped so Electron centres the window instead.
 */
export function restoredBounds(saved: WindowBounds | null, workAreas: readonly Rectangle[]): WindowBounds {
  const width = Math.max(MIN_SIZE.width, saved?.width ?? DEFAULT_SIZE.width);
  const height = Math.max(MIN_SIZE.height, saved?.height ?? DEFAULT_SIZE.height);
  if (saved?.x === undefined || saved.y === undefined) return { width, height };
  const position = { x: saved.x, y: saved.y };
  const onScreen = workAreas.some((area) => contains(area, grabPoint(position)));
  return onScreen ? { width, height, ...position } : { width, height };
}

export function mainWindowOptions(options: {
  preload: string;
  title: string;
  bounds: WindowBounds;
  devTools: boolean;
  icon?: string;
}): BrowserWindowConstructorOptions {
  return {
    ...options.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: options.title,
    // Shown on 'ready-to-show', so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: secureWebPreferences(options),
  };
}
