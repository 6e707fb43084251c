import type { EventMap, EventName, InputOf, OperationName, OutputOf } from '../../src-shared/contract';
import { ApiError, transportError } from './api-error';
import type { Transport } from './transport';

/** The renderer's one way to the main process, typed from the contract. */
export interface ApiClient {
  call<K extends OperationName>(operation: K, input: InputOf<K>): Promise<OutputOf<K>>;
  subscribe<K extends EventName>(event: K, callback: (payload: EventMap[K]) => void): () => void;
}

/** Operations whose answer carries the new session token (their output schemas say so). */
const sessionOpeners: readonly OperationName[] = ['auth.signIn', 'setup.createAdmin'];

export function createApiClient(transport: Transport): ApiClient {
  return {
    async call<K extends OperationName>(operation: K, input: InputOf<K>): Promise<OutputOf<K>> {
      let result;
      try {
        result = await transport.invoke(operation, input);
      } catch (e) {
        throw e instanceof ApiError ? e : transportError('ui.error.connection');
      }
      if (!result.ok) throw new ApiError(result.error);
      if (sessionOpeners.includes(operation)) transport.setSessionToken?.((result.data as { sessionToken: string }).sessionToken);
      if (operation === 'auth.signOut') transport.setSessionToken?.(null);
      return result.data as OutputOf<K>;
    },
    subscribe: (event, callback) => transport.subscribe(event, callback),
  };
}
