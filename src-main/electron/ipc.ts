import { type BrowserWindow, type IpcMainInvokeEvent, ipcMain } from 'electron';
import type { Result } from '../../src-shared/contract';
import { type Dispatch, toErrorShape } from '../core/dispatch';
import { AppError } from '../core/errors';
import type { Caller } from '../core/handler';
import type { AppHost } from '../core/host/app-host';
import { IPC } from './channels';
import type { Logger } from './log';
import { isTrustedSender } from './sender-check';

/** A window's sign-in lives in the main process, never in the renderer. */
class WindowCaller implements Caller {
  private token: string | undefined;
  sessionToken(): string | undefined {
    return this.token;
  }
  setSessionToken(token: string | undefined): void {
    this.token = token;
  }
}

/** A window and the session it calls with. */
export interface AttachedWindow {
  win: BrowserWindow;
  caller: Caller;
}

export interface IpcOptions {
  host: AppHost;
  dispatch: Dispatch;
  log: Logger;
  /** Called after an operation changed the language, so the native menu follows the renderer. */
  onLanguageChanged: () => void;
}

export interface Ipc {
  /** Lets a window call operations with a session of its own, and sends it the host's events. */
  attachWindow(win: BrowserWindow): void;
  windows(): AttachedWindow[];
  /** Tells the listener each time a window signs someone in. */
  onSignIn(listener: (attached: AttachedWindow) => void): void;
}

/**
 * The one `rpc` channel and the one event channel (ARCHITECTURE.md rule 2). A call is answered only
 * when it comes from the main frame of a window we attached, showing our own app:// page.
 */
export function startIpc({ host, dispatch, log, onLanguageChanged }: IpcOptions): Ipc {
  const windows = new Map<number, AttachedWindow>();
  const signInListeners: ((attached: AttachedWindow) => void)[] = [];

  ipcMain.handle(IPC.rpc, async (event, operation: unknown, input: unknown): Promise<Result<unknown>> => {
    const attached = windows.get(event.sender.id);
    if (!attached || !isOwnMainFrame(event, attached.win)) {
      log(`rpc refused from ${event.senderFrame?.url ?? 'a frame that is gone'}`);
      return { ok: false, error: toErrorShape(new AppError('FORBIDDEN'), host.language(), () => {}) };
    }
    const languageBefore = host.language();
    const result = await dispatch(attached.caller, operation, input);
    if (host.language() !== languageBefore) onLanguageChanged();
    if (operation === 'auth.signIn' && result.ok) for (const listener of signInListeners) listener(attached);
    return result;
  });

  host.subscribe((name, payload) => {
    for (const { win } of windows.values()) {
      if (!win.isDestroyed()) win.webContents.send(IPC.event, name, payload);
    }
  });

  return {
    attachWindow(win) {
      const id = win.webContents.id;
      const caller = new WindowCaller();
      windows.set(id, { win, caller });
      win.on('closed', () => {
        host.sessions.end(caller.sessionToken());
        windows.delete(id);
      });
    },
    windows: () => [...windows.values()],
    onSignIn: (listener) => void signInListeners.push(listener),
  };
}

/** The decision is sender-check.ts's, tested without Electron; this only reads Electron's objects. */
function isOwnMainFrame(event: IpcMainInvokeEvent, win: BrowserWindow): boolean {
  const frame = event.senderFrame;
  if (win.isDestroyed()) return false;
  const main = win.webContents.mainFrame;
  return isTrustedSender({
    attached: true,
    windowDestroyed: false,
    frame: frame ? { processId: frame.processId, frameToken: frame.frameToken, url: frame.url, detached: frame.detached } : null,
    mainFrame: { processId: main.processId, frameToken: main.frameToken },
  });
}
