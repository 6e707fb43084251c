import type { AppErrorShape, EventMap, EventName, InputOf, OperationName, OutputOf, Result } from '../../src-shared/contract';
import { translate } from '../../src-shared/i18n';
import type { Transport } from '../api/transport';

export type FakeHandlers = { [K in OperationName]?: (input: InputOf<K>) => Result<OutputOf<K>> | Promise<Result<OutputOf<K>>> };

/** A typed error as the dispatcher would answer it (in Chinese, the default language). */
export function failure(code: AppErrorShape['code'], key: string = `error.${code}`, params?: Record<string, string | number>): Result<never> {
  return { ok: false, error: { code, key, message: translate('zh-CN', key, params), ...(params ? { details: { params } } : {}) } };
}

/**
 * A transport answering from the given handlers; `settings.get` defaults to Chinese. `emit` plays an
 * event from the main process; `calls` records what the renderer asked.
 */
export function fakeTransport(handlers: FakeHandlers) {
  const calls: { operation: string; input: unknown }[] = [];
  const listeners = new Map<string, Set<(payload: never) => void>>();
  const all: FakeHandlers = { 'settings.get': () => ({ ok: true, data: { language: 'zh-CN', dbPath: null, lastUsername: null } }), ...handlers };
  const transport: Transport = {
    invoke: async (operation, input) => {
      calls.push({ operation, input });
      const handler = all[operation as OperationName] as ((input: unknown) => Result<unknown> | Promise<Result<unknown>>) | undefined;
      return handler ? handler(input) : failure('INTERNAL');
    },
    subscribe: (event, callback) => {
      const set = listeners.get(event) ?? new Set();
      set.add(callback as (payload: never) => void);
      listeners.set(event, set);
      return () => set.delete(callback as (payload: never) => void);
    },
  };
  const emit = <K extends EventName>(event: K, payload: EventMap[K]) => {
    for (const listener of listeners.get(event) ?? []) (listener as (p: EventMap[K]) => void)(payload);
  };
  return { transport, calls, emit };
}
