import { describe, expect, it } from 'vitest';
import { MIN_SIZE, contentSecurityPolicy, mainWindowOptions, restoredBounds, secureWebPreferences } from './window-options';

/** Directive name → its sources, read back from the header string the protocol handler sends. */
const parseCsp = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name as string, sources]),
  );

describe('web preferences', () => {
  it('isolate and sandbox the renderer', () => {
    const prefs = secureWebPreferences({ preload: '/app/preload.cjs', devTools: false });
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
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
      devTools: false,
    });
  });

  it('are the ones the main window gets', () => {
    const options = mainWindowOptions({ preload: '/p.cjs', title: 'T', bounds: { width: 1000, height: 700 }, devTools: false });
    expect(options.webPreferences).toEqual(secureWebPreferences({ preload: '/p.cjs', devTools: false }));
    expect(options.show).toBe(false);
    expect(options.minWidth).toBe(MIN_SIZE.width);
  });
});

describe('content security policy', () => {
  const csp = parseCsp(contentSecurityPolicy);

  it('denies everything not listed', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('runs only our own scripts', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
  });

  it('allows inline styles (antd injects them) and nothing else inline', () => {
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    const inline = [...csp].filter(([, sources]) => sources.includes("'unsafe-inline'")).map(([name]) => name);
    expect(inline).toEqual(['style-src']);
  });

  it('connects to nothing but itself', () => {
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });

  it('never admits eval, wildcards or remote hosts', () => {
    for (const [name, sources] of csp) {
      for (const source of sources) {
        expect(source, name).not.toMatch(/unsafe-eval|wasm-unsafe-eval|^\*|^https?:|^wss?:|^file:/);
      }
    }
  });
});

describe('restored window bounds', () => {
  const screens = [{ x: 0, y: 0, width: 1920, height: 1040 }];

  it('uses a default size on first start', () => {
    expect(restoredBounds(null, screens)).toEqual({ width: 1280, height: 800 });
  });

  it('keeps a remembered place that is on a screen', () => {
    expect(restoredBounds({ width: 1100, height: 700, x: 100, y: 50 }, screens)).toEqual({ width: 1100, height: 700, x: 100, y: 50 });
  });

  it('drops a place on a screen that is gone, keeping the size', () => {
    expect(restoredBounds({ width: 1100, height: 700, x: 2500, y: 50 }, screens)).toEqual({ width: 1100, height: 700 });
  });

  it('never goes below the minimum size', () => {
    expect(restoredBounds({ width: 10, height: 10 }, screens)).toEqual(MIN_SIZE);
  });
});
