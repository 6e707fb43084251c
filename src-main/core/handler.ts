import type { z } from 'zod';
import type { Contract, OperationMap, SessionUser } from '../../src-shared/contract';
import type { Language } from '../../src-shared/contract/system';
import type { Clock } from './clock';
import type { Database } from './db/database';
import { AppError } from './errors';
import type { AppHost } from './host/app-host';

/** How a transport keeps the session of the window or tab that called. */
export interface Caller {
  sessionToken(): string | undefined;
  setSessionToken(token: string | undefined): void;
}

export interface HandlerContext {
  host: AppHost;
  caller: Caller;
  clock: Clock;
  language: Language;
  /** Set by the dispatcher for every operation that is not public. */
  user: SessionUser | null;
}

export const requireUser = (ctx: HandlerContext): SessionUser => {
  if (!ctx.user) throw new AppError('UNAUTHENTICATED');
  return ctx.user;
};

export const requireDb = (ctx: HandlerContext): Database => ctx.host.requireDb();

export type HandlersFor<M extends OperationMap> = {
  [K in keyof M]: (input: z.output<M[K]['input']>, ctx: HandlerContext) => Promise<z.input<M[K]['output']>>;
};

export type Handlers = HandlersFor<Contract>;
