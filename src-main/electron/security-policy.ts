// Pure: no 'electron' import. The decisions security.ts applies to Electron's session and web contents,
// here so security-checklist.test.ts can check them under plain Node.

/** Requests the session cancels: everything that would leave the machine. The app itself is app://. */
export const blockedRequestUrls: readonly string[] = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'];

/** No web permission is ever granted: camera, microphone, notifications, clipboard reads, geolocation… */
export const grantsPermission = (_permission: string): boolean => false;

/** The renderer is a single page that never navigates: every navigation is refused. */
export const allowsNavigation = (_url: string): boolean => false;

/** Pop-ups (window.open, target=_blank) are refused. */
export const windowOpenResponse = { action: 'deny' } as const;
