import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppErrorShape, Result } from '../../src-shared/contract';
import { HTTP } from '../../src-shared/contract/bridge';
import { translate } from '../../src-shared/i18n';
import type { Dispatch } from '../core/dispatch';
import type { Caller } from '../core/handler';
import type { AppHost } from '../core/host/app-host';

export interface RpcOptions {
  host: AppHost;
  dispatch: Dispatch;
  maxBodyBytes: number;
}

/**
 * `POST /rpc` with `{ op, input }`: the same dispatcher as the Electron IPC channel. A dispatched
 * call always answers 200 with its Result, a typed error included; only a request that never reached
 * the dispatcher (too large, not JSON) gets another status, still with a Result body.
 */
export async function handleRpc(req: IncomingMessage, res: ServerResponse, options: RpcOptions): Promise<void> {
  const { host } = options;
  // Requiring JSON makes a cross-origin form post impossible and a cross-origin fetch need a preflight, which we never grant.
  if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
    return sendResult(res, 415, failure(host, 'VALIDATION', 'v.invalidType'));
  }
  const body = await readBody(req, options.maxBodyBytes);
  if (body === 'tooLarge') {
    res.setHeader('Connection', 'close');
    return sendResult(res, 413, failure(host, 'VALIDATION', 'v.tooLong'));
  }
  const request = parseRequest(body);
  if (!request) return sendResult(res, 400, failure(host, 'VALIDATION', 'v.invalidType'));
  const result = await options.dispatch(requestCaller(req), request.op, request.input);
  sendResult(res, 200, result);
}

/** Each request carries the tab's session; a sign-in's new token reaches the tab in its output. */
function requestCaller(req: IncomingMessage): Caller {
  const header = req.headers[HTTP.sessionHeader];
  let token = typeof header === 'string' && header !== '' ? header : undefined;
  return {
    sessionToken: () => token,
    setSessionToken: (next) => {
      token = next;
    },
  };
}

function parseRequest(body: Buffer): { op: unknown; input: unknown } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const { op, input } = parsed as Record<string, unknown>;
  return { op, input };
}

/** The body, or 'tooLarge' as soon as it passes the limit (the rest is not buffered). */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | 'tooLarge'> {
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) return Promise.resolve('tooLarge');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.off('data', onData);
        resolve('tooLarge');
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function failure(host: AppHost, code: AppErrorShape['code'], issueKey: string): Result<never> {
  const language = host.language();
  return {
    ok: false,
    error: {
      code,
      key: `error.${code}`,
      message: translate(language, `error.${code}`),
      details: { issues: [{ path: [], key: issueKey, message: translate(language, issueKey) }] },
    },
  };
}

function sendResult(res: ServerResponse, status: number, result: Result<unknown>): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(result));
}
