import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HTTP } from '../../src-shared/contract/bridge';
import { REPORT_DOWNLOAD_PATH } from '../../src-shared/contract/report';
import { ADMIN, makeTestHost, type TestHost } from '../core/testing/test-host';
import { RequestGuard } from './guard';
import { startWebServer, type WebServer } from './server';

// What server.test.ts does not already cover: sessions are per tab, the event stream and downloads
// sit behind the same guard, the origins a browser can send, and the other network interfaces.

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(web: WebServer, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  const { port } = web.server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The headers of an event-stream request; the stream is closed as soon as its status is known. */
function openEvents(web: WebServer, headers: Record<string, string>, pathName: string = HTTP.eventsPath): Promise<number> {
  const { port } = web.server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: pathName, headers }, (res) => {
      resolve(res.statusCode ?? 0);
      res.destroy();
    });
    req.on('error', reject);
  });
}

let t: TestHost | undefined;
let web: WebServer | undefined;
afterEach(async () => {
  await web?.close();
  await t?.close();
  web = undefined;
  t = undefined;
});

async function start(): Promise<WebServer> {
  t = await makeTestHost();
  const rendererDir = path.join(t.dir, 'renderer');
  fs.mkdirSync(rendererDir, { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Baobei</title>');
  web = await startWebServer({ host: t.host, dispatch: t.dispatch, rendererDir, port: 0 });
  return web;
}

const json = (web: WebServer, extra: Record<string, string> = {}) => ({ [HTTP.tokenHeader]: web.token, 'content-type': 'application/json', ...extra });
async function rpc(web: WebServer, op: string, input: unknown, session?: string): Promise<{ ok: boolean; data?: unknown; error?: { code: string } }> {
  const reply = await request(web, { method: 'POST', path: HTTP.rpcPath, headers: json(web, session ? { [HTTP.sessionHeader]: session } : {}), body: JSON.stringify({ op, input }) });
  expect(reply.headers['set-cookie']).toBeUndefined();
  return JSON.parse(reply.body) as never;
}

describe('browser host guards', () => {
  it("keeps one tab's session to that tab: without its header another tab is signed out", async () => {
    const web = await start();
    const signed = (await rpc(web, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password })) as { data: { sessionToken: string } };
    const session = signed.data.sessionToken;
    // The session never travels as a cookie (rpc() checks every answer), so a second tab holding the
    // host's cookie is still nobody until it signs in itself.
    expect(await rpc(web, 'auth.session', {})).toMatchObject({ ok: true, data: { user: null } });
    expect(await rpc(web, 'users.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await rpc(web, 'users.list', {}, 'a-guessed-session-token')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await rpc(web, 'users.list', {}, `${session}x`)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // Another tab signing out ends its own session, not this one.
    expect(await rpc(web, 'auth.signOut', {})).toMatchObject({ ok: true });
    expect(await rpc(web, 'users.list', {}, session)).toMatchObject({ ok: true });
    expect(await rpc(web, 'auth.signOut', {}, session)).toMatchObject({ ok: true });
    expect(await rpc(web, 'users.list', {}, session)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses the event stream without the token, with a wrong one, from a foreign origin, or with the token in its address', async () => {
    const web = await start();
    const { port } = web.server.address() as AddressInfo;
    expect(await openEvents(web, {})).toBe(403);
    expect(await openEvents(web, { [HTTP.tokenHeader]: `${web.token}x` })).toBe(403);
    expect(await openEvents(web, { cookie: `${HTTP.tokenCookie}_${port}=${web.token.slice(1)}` })).toBe(403);
    // The cookie of a host on another port does not open this one.
    expect(await openEvents(web, { cookie: `${HTTP.tokenCookie}_${port + 1}=${web.token}` })).toBe(403);
    expect(await openEvents(web, { [HTTP.tokenHeader]: web.token, origin: 'http://evil.example' })).toBe(403);
    expect(await openEvents(web, { [HTTP.tokenHeader]: web.token, origin: 'null' })).toBe(403);
    // Only `/?token=` trades a token for a cookie; elsewhere a token in the address counts for nothing.
    expect(await openEvents(web, {}, `${HTTP.eventsPath}?token=${web.token}`)).toBe(403);
    expect(await openEvents(web, { cookie: `${HTTP.tokenCookie}_${port}=${web.token}` })).toBe(200);
  });

  it('refuses a report download without the token even with a valid key, and an unknown key with it', async () => {
    const web = await start();
    const session = (await t!.signIn(ADMIN.username, ADMIN.password)).token!;
    const job = (await rpc(web, 'report.start', { filters: {} }, session)) as { data: { jobId: string } };
    const userId = t!.host.sessions.userId(session)!;
    await expect.poll(() => t!.host.reportJobs.get(job.data.jobId, userId).state, { timeout: 20_000 }).toBe('done');
    const key = t!.host.reportJobs.get(job.data.jobId, userId).downloadKey;
    expect((await request(web, { path: `${REPORT_DOWNLOAD_PATH}?key=${key}` })).status).toBe(403);
    expect((await request(web, { path: `${REPORT_DOWNLOAD_PATH}?key=${key}x`, headers: { [HTTP.tokenHeader]: web.token } })).status).toBe(404);
    expect((await request(web, { path: `${REPORT_DOWNLOAD_PATH}?key=${key}`, headers: { [HTTP.tokenHeader]: web.token } })).status).toBe(200);
  });

  it('grants no cross-origin access: a preflight is refused and no CORS header is ever sent', async () => {
    const web = await start();
    const preflight = await request(web, {
      method: 'OPTIONS',
      path: HTTP.rpcPath,
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-baobei-token' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const fromSandbox = await request(web, { method: 'POST', path: HTTP.rpcPath, headers: json(web, { origin: 'null' }), body: '{"op":"setup.status","input":{}}' });
    expect(fromSandbox.status).toBe(403);
    const own = await request(web, { method: 'POST', path: HTTP.rpcPath, headers: json(web, { origin: `http://127.0.0.1:${(web.server.address() as AddressInfo).port}` }), body: '{"op":"setup.status","input":{}}' });
    expect(own.status).toBe(200);
    expect(own.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('cannot be reached on any other network interface of this machine', async () => {
    const web = await start();
    const { port } = web.server.address() as AddressInfo;
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((a): a is os.NetworkInterfaceInfo => !!a && !a.internal)
      .map((a) => a.address);
    for (const address of others) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = net.connect({ host: address, port, timeout: 2_000 });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('timeout', () => {
          socket.destroy();
          resolve('timeout');
        });
        socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      });
      expect(outcome, address).not.toBe('connected');
    }
  });

  it('compares tokens of any length without throwing, and only the whole token matches', () => {
    const guard = new RequestGuard('the-real-token-0123456789abcdefghijklmnop', () => 4000);
    expect(guard.matches('the-real-token-0123456789abcdefghijklmnop')).toBe(true);
    for (const wrong of ['', 't', 'the-real-token', 'the-real-token-0123456789abcdefghijklmnopq', 'x'.repeat(10_000), '\u0000', '😀']) {
      expect(guard.matches(wrong), wrong.slice(0, 20)).toBe(false);
    }
  });
});
