import type { BaobeiBridge } from '../../src-shared/contract/bridge';
import { createHttpTransport } from './http-transport';

/** How the client reaches the main process: Electron's preload bridge, or HTTP to the browser host. */
export interface Transport extends BaobeiBridge {
  /**
   * Keeps the session token that comes back from signing in, for transports that must send it with
   * each call. Electron's main process keeps the session per window itself, so its bridge has none.
   */
  setSessionToken?(token: string | null): void;
}

export function pickTransport(): Transport {
  const bridge = (globalThis as { baobei?: BaobeiBridge }).baobei;
  return bridge ?? createHttpTransport();
}
