import type { Session, WebContents } from 'electron';
import { allowsNavigation, blockedRequestUrls, grantsPermission, windowOpenResponse } from './security-policy';

/**
 * Session-wide rules: no web permission is ever granted (camera, notifications, clipboard reads…), and
 * no request leaves the machine — the app is served from app:// and talks to the main process over IPC.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(grantsPermission(permission)));
  session.setPermissionCheckHandler((_contents, permission) => grantsPermission(permission));
  session.webRequest.onBeforeRequest({ urls: [...blockedRequestUrls] }, (_details, callback) => callback({ cancel: true }));
}

/**
 * Applied to every web contents the app creates. The renderer is a single page that never navigates,
 * so any navigation is refused; pop-ups and <webview> are refused too.
 */
export function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!allowsNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => windowOpenResponse);
}
