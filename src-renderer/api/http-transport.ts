import type { EventMap, EventName, Result } from '../../src-shared/contract';
import { HTTP } from '../../src-shared/contract/bridge';
import { transportError } from './api-error';
import type { Transport } from './transport';

/** Where the tab keeps its session: per tab, gone when the tab closes, like a window's session in Electron. */
export const SESSION_STORAGE_KEY = 'baobei.sessionToken';

/** What the transport needs of an EventSource (tests hand it a plain EventTarget). */
interface EventStream {
  addEventListener(type: string, listener: (event: Event) => void): void;
  removeEventListener(type: string, listener: (event: Event) => void): void;
}

export interface HttpTransportOptions {
  fetch?: typeof fetch;
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  openEvents?: () => EventStream;
}

const isResult = (body: unknown): body is Result<unknown> =>
  typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';

/** The browser host's protocol (src-shared/contract/bridge.ts); the host token travels as its cookie. */
export function createHttpTransport(options: HttpTransportOptions = {}): Transport {
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const storage = options.storage ?? sessionStorage;
  const openEvents = options.openEvents ?? (() => new EventSource(HTTP.eventsPath));
  // One stream for all subscribers, opened on first use.
  let events: EventStream | null = null;

  return {
    async invoke(operation, input) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      const session = storage.getItem(SESSION_STORAGE_KEY);
      if (session) headers[HTTP.sessionHeader] = session;
      let response: Response;
      try {
        response = await fetchFn(HTTP.rpcPath, {
          method: 'POST',
          headers,
          body: JSON.stringify({ op: operation, input }),
          credentials: 'same-origin',
        });
      } catch {
        throw transportError('ui.error.connection');
      }
      const body: unknown = await response.json().catch(() => undefined);
      if (isResult(body)) return body;
      // Only the host's token guard answers 403 without a Result: the page was opened without its token.
      throw transportError(response.status === 403 ? 'ui.error.hostToken' : 'ui.error.connection');
    },

    subscribe<K extends EventName>(event: K, callback: (payload: EventMap[K]) => void) {
      events ??= openEvents();
      const listener = (message: Event) => {
        callback(JSON.parse((message as MessageEvent<string>).data) as EventMap[K]);
      };
      events.addEventListener(event, listener);
      const source = events;
      return () => source.removeEventListener(event, listener);
    },

    setSessionToken(token) {
      if (token) storage.setItem(SESSION_STORAGE_KEY, token);
      else storage.removeItem(SESSION_STORAGE_KEY);
    },
  };
}
