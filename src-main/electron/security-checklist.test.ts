import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl } from './app-url';
import { hardenSession, lockDownContents } from './security';
import { allowsNavigation, blockedRequestUrls, grantsPermission, windowOpenResponse } from './security-policy';
import { contentSecurityPolicy, cspDirectives, mainWindowOptions } from './window-options';

/**
 * The Electron checklist of ARCHITECTURE.md rule 2, item by item, as far as plain Node can check it:
 * the options and decisions our code gives Electron, and that our code hands them over. Whether
 * Electron honours them needs the Electron binary, which this environment cannot download (rule 9);
 * nothing here pretends to be Electron. window-options.test.ts checks the web preferences and the CSP
 * in detail; this file adds what it does not.
 */

const source = (file: string) => fs.readFileSync(path.join(__dirname, file), 'utf8');

/** Records what our functions register on the objects they are given, and nothing more. */
function recorder() {
  const calls: Record<string, unknown[][]> = {};
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      (calls[name] ??= []).push(args);
    };
  return { calls, record };
}

describe('the Electron checklist', () => {
  it('contextIsolation, sandbox, no nodeIntegration, no webview: the main window gets them', () => {
    const prefs = mainWindowOptions({ preload: '/p.cjs', title: 'T', bounds: { width: 1000, height: 700 }, devTools: false }).webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true });
  });

  it('a strict CSP: only our scripts, only our origin to connect to', () => {
    expect(cspDirectives['default-src']).toEqual(["'none'"]);
    expect(cspDirectives['script-src']).toEqual(["'self'"]);
    expect(cspDirectives['connect-src']).toEqual(["'self'"]);
    // Frames fall back to default-src 'none': no sub-frame can load, so only the main frame talks IPC.
    expect(cspDirectives['frame-src']).toBeUndefined();
    expect(cspDirectives['child-src']).toBeUndefined();
    expect(source('protocol.ts')).toContain("'content-security-policy': contentSecurityPolicy");
    expect(contentSecurityPolicy).not.toMatch(/https?:|wss?:|\*/);
  });

  it('no remote content: the window loads app://, and the session cancels every request off the machine', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(source('window.ts')).toContain('win.loadURL(APP_ENTRY_URL)');
    expect(blockedRequestUrls).toEqual(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']);
    const { calls, record } = recorder();
    const session = {
      setPermissionRequestHandler: record('permissionRequest'),
      setPermissionCheckHandler: record('permissionCheck'),
      webRequest: { onBeforeRequest: record('beforeRequest') },
    };
    hardenSession(session as never);
    const [filter, listener] = calls.beforeRequest![0] as [{ urls: string[] }, (d: unknown, cb: (r: unknown) => void) => void];
    expect(filter.urls).toEqual(blockedRequestUrls);
    let response: unknown;
    listener({ url: 'https://evil.example/x.js' }, (r) => (response = r));
    expect(response).toEqual({ cancel: true });
  });

  it('permission requests and checks are denied, whatever the permission', () => {
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb']) {
      expect(grantsPermission(permission), permission).toBe(false);
    }
    const { calls, record } = recorder();
    hardenSession({ setPermissionRequestHandler: record('permissionRequest'), setPermissionCheckHandler: record('permissionCheck'), webRequest: { onBeforeRequest: record('beforeRequest') } } as never);
    const [onRequest] = calls.permissionRequest![0] as [(c: unknown, p: string, cb: (granted: boolean) => void) => void];
    const granted: boolean[] = [];
    onRequest({}, 'media', (g) => granted.push(g));
    onRequest({}, 'notifications', (g) => granted.push(g));
    expect(granted).toEqual([false, false]);
    const [onCheck] = calls.permissionCheck![0] as [(c: unknown, p: string) => boolean];
    expect(onCheck({}, 'clipboard-read')).toBe(false);
  });

  it('navigation, pop-ups and <webview> are refused on every web contents the app creates', () => {
    expect(allowsNavigation('https://evil.example/')).toBe(false);
    expect(allowsNavigation(APP_ENTRY_URL)).toBe(false);
    expect(windowOpenResponse).toEqual({ action: 'deny' });
    const { calls, record } = recorder();
    lockDownContents({ on: record('on'), setWindowOpenHandler: record('windowOpen') } as never);
    const handlers = new Map((calls.on ?? []).map(([event, handler]) => [event as string, handler as (e: { preventDefault(): void }, url?: string) => void]));
    for (const event of ['will-navigate', 'will-attach-webview']) {
      let prevented = false;
      handlers.get(event)!({ preventDefault: () => (prevented = true) }, 'https://evil.example/');
      expect(prevented, event).toBe(true);
    }
    const [openHandler] = calls.windowOpen![0] as [() => unknown];
    expect(openHandler()).toEqual({ action: 'deny' });
    // main.ts applies both to everything: the lock-down to every web contents, the session rules to the default session.
    expect(source('main.ts')).toMatch(/app\.on\('web-contents-created', \(_event, contents\) => lockDownContents\(contents\)\)/);
    expect(source('main.ts')).toContain('hardenSession(session.defaultSession)');
  });

  it('the IPC sender is checked on every call, and the preload exposes two functions and nothing else', () => {
    const ipc = source('ipc.ts');
    expect(ipc).toMatch(/ipcMain\.handle\(IPC\.rpc, async \(event[^)]*\)[^{]*\{\s*const attached = windows\.get\(event\.sender\.id\);\s*if \(!attached \|\| !isOwnMainFrame\(event, attached\.win\)\)/);
    expect(ipc).toContain('isTrustedSender(');
    expect(ipc.match(/ipcMain\.(handle|on)\(/g)).toEqual(['ipcMain.handle(']);
    const preload = source('preload.ts');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toContain("contextBridge.exposeInMainWorld('baobei', bridge)");
    expect(preload).toMatch(/const bridge: BaobeiBridge = \{\s*invoke: [^\n]+\n\s*subscribe\(/);
  });
});
