import { isAppUrl } from './app-url';

// Pure: no 'electron' import, so sender-check.test.ts runs under plain Node. ipc.ts maps Electron's
// event and window onto these shapes.

/** The frame an IPC message came from, as Electron's `event.senderFrame` describes it. */
export interface SenderFrame {
  processId: number;
  frameToken: string;
  url: string;
  detached: boolean;
}

export interface SenderContext {
  /** The web contents that sent the message belongs to a window the app attached. */
  attached: boolean;
  windowDestroyed: boolean;
  /** `event.senderFrame`; null or undefined once the frame has gone. */
  frame: SenderFrame | null | undefined;
  /** The window's main frame. */
  mainFrame: { processId: number; frameToken: string };
}

/**
 * An IPC call is answered only when it comes from the main frame (never a sub-frame) of a window the
 * app attached, while that frame shows our own app:// page (never a page it was navigated to).
 */
export function isTrustedSender(sender: SenderContext): boolean {
  const { frame } = sender;
  if (!sender.attached || sender.windowDestroyed || !frame || frame.detached) return false;
  return frame.processId === sender.mainFrame.processId && frame.frameToken === sender.mainFrame.frameToken && isAppUrl(frame.url);
}
