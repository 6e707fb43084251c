import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HTTP } from '../../src-shared/contract/bridge';
import type { Dispatch } from '../core/dispatch';
import type { AppHost } from '../core/host/app-host';
import { handleEvents } from './events';
import { RequestGuard } from './guard';
import { handleReportDownload } from './report-download';
import { handleRpc } from './rpc';
import { sendText, serveStatic } from './static-files';
import { contentSecurityPolicy } from '../core/security/csp';
import { REPORT_DOWNLOAD_PATH } from '../../src-shared/contract/report';

/** Only this machine may connect; the address is fixed so nobody can widen it by a flag. */
const LOOPBACK = '127.0.0.1';
/** How long a call still running at shutdown may take to answer before its connection is cut. */
const CLOSE_GRACE_MS = 2_000;

export interface WebServerOptions {
  host: AppHost;
  dispatch: Dispatch;
  /** The built renderer (index.html and assets/). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  maxBodyBytes?: number;
  keepAliveMs?: number;
}

export interface WebServer {
  /** What to open in the browser: it carries the token, which the first request trades for a cookie. */
  url: string;
  token: string;
  server: http.Server;
  close(): Promise<void>;
}

const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = randomBytes(32).toString('base64url');
  const maxBodyBytes = options.maxBodyBytes ?? 8 * 1024 * 1024;
  const keepAliveMs = options.keepAliveMs ?? 15_000;
  const eventStreams = new Set<ServerResponse>();

  const server = http.createServer((req, res) => {
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    route(req, res).catch(() => {
      if (!res.headersSent) sendText(res, 500, 'Internal error');
      else res.destroy();
    });
  });

  const guard = new RequestGuard(token, () => (server.address() as AddressInfo).port);

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!guard.isOwnHost(req) || !guard.isOwnOriginOrNone(req)) return sendText(res, 403, 'Forbidden');
    const url = new URL(req.url ?? '/', 'http://host');
    const offered = url.searchParams.get('token');
    if (req.method === 'GET' && url.pathname === '/' && offered !== null) {
      if (!guard.matches(offered)) return sendText(res, 403, 'Forbidden: this link is from another run of the host.');
      // Trade the token for a cookie and drop it from the address bar and history.
      res.writeHead(302, { 'Set-Cookie': guard.tokenCookie(), Location: '/', 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    if (!guard.hasToken(req)) return sendText(res, 403, 'Forbidden: open the address the host printed (it carries ?token=…).');
    if (url.pathname === HTTP.rpcPath) {
      if (req.method !== 'POST') return methodNotAllowed(res, 'POST');
      return handleRpc(req, res, { host: options.host, dispatch: options.dispatch, maxBodyBytes });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD');
    if (url.pathname === HTTP.eventsPath) return handleEvents(req, res, options.host, keepAliveMs, eventStreams);
    if (url.pathname === REPORT_DOWNLOAD_PATH) return handleReportDownload(req, res, options.host, url);
    return serveStatic(req, res, options.rendererDir);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: LOOPBACK, port: options.port }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${LOOPBACK}:${port}/?token=${token}`,
    token,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        // Stops listening and closes idle keep-alive connections.
        server.close(() => resolve());
        // Event streams never end by themselves. End them properly: a cut chunked stream is an error
        // in the browser, a finished one is not.
        for (const stream of eventStreams) stream.end();
        setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
      }),
  };
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  res.setHeader('Allow', allow);
  sendText(res, 405, 'Method not allowed');
}
