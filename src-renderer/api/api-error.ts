import type { AppErrorShape } from '../../src-shared/contract';

/** A failed operation, carrying the typed error the main process answered (or the client made). */
export class ApiError extends Error {
  constructor(readonly shape: AppErrorShape) {
    super(`${shape.code}: ${shape.key}`);
    this.name = 'ApiError';
  }

  get code(): AppErrorShape['code'] {
    return this.shape.code;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/**
 * Failures of the transport itself (the host is gone, the page lost its host token): the server never
 * translated them, so the key is a `ui.` key the screen translates.
 */
export type TransportErrorKey = 'ui.error.connection' | 'ui.error.hostToken';

export const transportError = (key: TransportErrorKey): ApiError =>
  new ApiError({ code: 'INTERNAL', key, message: key });
