import type { EventMap, EventName } from './index';
import type { Result } from './errors';

/**
 * What the Electron preload exposes as `window.baobei`, and what the browser host's HTTP client
 * implements too: one call and one subscription, nothing else.
 */
export interface BaobeiBridge {
  invoke(operation: string, input: unknown): Promise<Result<unknown>>;
  subscribe<K extends EventName>(event: K, callback: (payload: EventMap[K]) => void): () => void;
}

/**
 * The browser host's wire protocol (loopback only):
 * - `GET /?token=T` sets the host token as an HttpOnly, SameSite=Strict cookie (`baobei_token_<port>`)
 *   and redirects to `/`;
 *   every other request needs that cookie or the `x-baobei-token` header, or gets 403.
 * - `POST /rpc` with `{ "op": name, "input": … }` answers a `Result` as JSON; the tab's session
 *   token travels in the `x-baobei-session` header.
 * - `GET /events` is a server-sent event stream: `event: <name>` and `data: <json payload>`.
 */
export const HTTP = {
  tokenHeader: 'x-baobei-token',
  sessionHeader: 'x-baobei-session',
  tokenCookie: 'baobei_token',
  rpcPath: '/rpc',
  eventsPath: '/events',
} as const;
