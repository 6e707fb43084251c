import { ZodError, type ZodType } from 'zod';
import { type AppErrorShape, type Result, type SessionUser, contract, isOperationName } from '../../src-shared/contract';
import type { Access } from '../../src-shared/contract/define';
import type { Language } from '../../src-shared/contract/system';
import { translate } from '../../src-shared/i18n';
import { issueKey } from '../../src-shared/i18n/issue-key';
import { AppError, isAppError } from './errors';
import type { Caller, HandlerContext, Handlers } from './handler';
import type { AppHost } from './host/app-host';
import { toAppError } from './db/sqlite-errors';
import { loadSessionUser } from './services/auth/session-user';

export interface DispatchOptions {
  /** Where unexpected failures are written; they never reach the UI with their stack. */
  logError?: (error: unknown, operation: string) => void;
}

/**
 * The one way into the main process: parse the input → check the role → run the handler → parse the
 * output (which also drops any field the contract does not declare) → a typed result.
 */
export function createDispatcher(host: AppHost, handlers: Handlers, options: DispatchOptions = {}) {
  return async function dispatch(caller: Caller, name: unknown, rawInput: unknown): Promise<Result<unknown>> {
    const language = host.language();
    try {
      if (!isOperationName(name)) throw new AppError('NOT_FOUND', 'error.unknownOperation');
      const operation = contract[name];
      const input = parseInput(operation.input, rawInput ?? {});
      const user =
        operation.access !== 'public' ? await requiredUser(host, caller) : operation.readsCaller ? await optionalUser(host, caller) : null;
      checkAccess(operation.access, user);
      const ctx: HandlerContext = { host, caller, clock: host.clock, language, user };
      const handler = handlers[name] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
      const output = await handler(input, ctx);
      const answer = operation.output.safeParse(output);
      // An answer that breaks the contract is the handler's bug, not the caller's input: INTERNAL, and
      // logged. (It used to surface as VALIDATION, blaming the user and hiding the bug from the fuzz test.)
      if (!answer.success) throw new ContractBreach(name, answer.error);
      return { ok: true, data: answer.data };
    } catch (e) {
      return { ok: false, error: toErrorShape(e, language, (err) => options.logError?.(err, String(name))) };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;

/** A handler answered something its operation's output schema does not allow. */
export class ContractBreach extends Error {
  constructor(
    readonly operation: string,
    readonly zodError: ZodError,
  ) {
    super(`${operation} answered outside its contract: ${zodError.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    this.name = 'ContractBreach';
  }
}

/**
 * Parses an input. A schema that throws something other than its own ZodError was fed something it
 * cannot even look at — e.g. `{"length": {"toString": 1}}`, which JSON and IPC both carry and which
 * makes zod's length check throw a TypeError when it compares that "length" with a number. Such an
 * input is invalid, not a server fault: VALIDATION (it used to be INTERNAL; found by the fuzz test).
 */
function parseInput(schema: ZodType, raw: unknown): unknown {
  try {
    return schema.parse(raw);
  } catch (e) {
    if (e instanceof ZodError) throw e;
    throw new AppError('VALIDATION', 'error.VALIDATION', undefined, [{ path: [], key: 'v.invalidType' }]);
  }
}

async function optionalUser(host: AppHost, caller: Caller): Promise<SessionUser | null> {
  const userId = host.sessions.userId(caller.sessionToken());
  if (userId === undefined || !host.db) return null;
  return loadSessionUser(host.db, userId);
}

async function requiredUser(host: AppHost, caller: Caller): Promise<SessionUser> {
  const userId = host.sessions.userId(caller.sessionToken());
  if (userId === undefined) throw new AppError('UNAUTHENTICATED');
  const user = await loadSessionUser(host.requireDb(), userId);
  if (!user) {
    host.sessions.end(caller.sessionToken());
    throw new AppError('UNAUTHENTICATED');
  }
  return user;
}

function checkAccess(access: Access, user: SessionUser | null): void {
  if (access === 'public') return;
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (access !== 'signedIn' && !access.includes(user.role)) throw new AppError('FORBIDDEN');
}

export function toErrorShape(e: unknown, language: Language, logUnexpected: (e: unknown) => void): AppErrorShape {
  if (e instanceof ZodError) {
    const issues = e.issues.map((issue) => {
      const key = issueKey(issue);
      return { path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), key, message: translate(language, key) };
    });
    return { code: 'VALIDATION', key: 'error.VALIDATION', message: translate(language, 'error.VALIDATION'), details: { issues } };
  }
  const known = isAppError(e) ? e : toAppError(e);
  if (!known) {
    logUnexpected(e);
    return { code: 'INTERNAL', key: 'error.INTERNAL', message: translate(language, 'error.INTERNAL') };
  }
  const shape: AppErrorShape = { code: known.code, key: known.key, message: translate(language, known.key, known.params) };
  if (known.params || known.issues) {
    shape.details = {
      ...(known.params ? { params: known.params } : {}),
      ...(known.issues
        ? { issues: known.issues.map((i) => ({ ...i, message: translate(language, i.key, known.params) })) }
        : {}),
    };
  }
  return shape;
}
