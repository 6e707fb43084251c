import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HTTP } from '../../src-shared/contract/bridge';
import { ADMIN, makeTestHost, type TestHost } from '../core/testing/test-host';
import { startWebServer, type WebServer } from './server';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request, so tests can send what a browser would refuse to (a foreign Host, an unnormalized path). */
function request(web: WebServer, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  const { port } = web.server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const withToken = (web: WebServer, headers: Record<string, string> = {}) => ({ [HTTP.tokenHeader]: web.token, ...headers });

function rpc(web: WebServer, op: string, input: unknown, session?: string): Promise<Reply> {
  return request(web, {
    method: 'POST',
    path: HTTP.rpcPath,
    headers: withToken(web, { 'content-type': 'application/json', ...(session ? { [HTTP.sessionHeader]: session } : {}) }),
    body: JSON.stringify({ op, input }),
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

async function start(options: { maxBodyBytes?: number; keepAliveMs?: number } = {}): Promise<{ web: WebServer; t: TestHost; rendererDir: string }> {
  t = await makeTestHost();
  const rendererDir = path.join(t.dir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Baobei</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app-1234.js'), 'console.log(1)');
  fs.writeFileSync(path.join(t.dir, 'secret.txt'), 'not for the browser');
  web = await startWebServer({ host: t.host, dispatch: t.dispatch, rendererDir, port: 0, ...options });
  return { web, t, rendererDir };
}

describe('browser host', () => {
  it('listens on 127.0.0.1 only and prints a URL carrying the token', async () => {
    const { web } = await start();
    const address = web.server.address() as AddressInfo;
    expect(address.address).toBe('127.0.0.1');
    expect(web.url).toBe(`http://127.0.0.1:${address.port}/?token=${web.token}`);
    expect(web.token.length).toBeGreaterThanOrEqual(40);
  });

  it('refuses every request without the token', async () => {
    const { web } = await start();
    for (const p of ['/', '/index.html', '/assets/app-1234.js', HTTP.eventsPath]) expect((await request(web, { path: p })).status).toBe(403);
    const post = await request(web, { method: 'POST', path: HTTP.rpcPath, headers: { 'content-type': 'application/json' }, body: '{"op":"setup.status","input":{}}' });
    expect(post.status).toBe(403);
    expect((await request(web, { path: '/', headers: { [HTTP.tokenHeader]: 'guess' } })).status).toBe(403);
    expect((await request(web, { path: '/', headers: { cookie: `${HTTP.tokenCookie}_${new URL(web.url).port}=guess` } })).status).toBe(403);
    expect((await request(web, { path: '/?token=guess' })).status).toBe(403);
  });

  it('trades the token in the URL for an HttpOnly SameSite=Strict cookie and redirects to /', async () => {
    const { web } = await start();
    const landing = await request(web, { path: `/?token=${web.token}` });
    expect(landing.status).toBe(302);
    expect(landing.headers.location).toBe('/');
    const cookie = landing.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await request(web, { path: '/', headers: { cookie: cookie.split(';')[0] ?? '' } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Baobei</title>');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'; script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin, even with the token', async () => {
    const { web } = await start();
    const { port } = web.server.address() as AddressInfo;
    expect((await request(web, { headers: withToken(web, { host: `evil.example:${port}` }) })).status).toBe(403);
    expect((await request(web, { headers: withToken(web, { host: '127.0.0.1:1' }) })).status).toBe(403);
    expect((await request(web, { headers: withToken(web, { host: `localhost:${port}` }) })).status).toBe(200);
    const foreign = { 'content-type': 'application/json', origin: 'http://127.0.0.1:9' };
    expect((await request(web, { method: 'POST', path: HTTP.rpcPath, headers: withToken(web, foreign), body: '{}' })).status).toBe(403);
  });

  it('serves operations on /rpc with the session from its header', async () => {
    const { web } = await start();
    const signIn = await rpc(web, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    expect(signIn.status).toBe(200);
    const signed = JSON.parse(signIn.body) as { ok: true; data: { sessionToken: string; user: { role: string } } };
    expect(signed.data.user.role).toBe('admin');
    const listed = JSON.parse((await rpc(web, 'users.list', {}, signed.data.sessionToken)).body);
    expect(listed).toMatchObject({ ok: true, data: [{ username: ADMIN.username }] });
    const anonymous = JSON.parse((await rpc(web, 'users.list', {})).body);
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const invalid = JSON.parse((await rpc(web, 'users.create', { username: '' }, signed.data.sessionToken)).body);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('answers malformed, oversized and non-JSON requests with a VALIDATION result', async () => {
    const { web } = await start({ maxBodyBytes: 1024 });
    const json = withToken(web, { 'content-type': 'application/json' });
    const malformed = await request(web, { method: 'POST', path: HTTP.rpcPath, headers: json, body: '{"op":' });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '输入有误，请检查标出的字段' } });
    const huge = await request(web, { method: 'POST', path: HTTP.rpcPath, headers: json, body: JSON.stringify({ op: 'auth.signIn', input: { pad: 'x'.repeat(4096) } }) });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const form = await request(web, { method: 'POST', path: HTTP.rpcPath, headers: withToken(web, { 'content-type': 'text/plain' }), body: '{}' });
    expect(form.status).toBe(415);
    expect((await request(web, { path: HTTP.rpcPath, headers: withToken(web) })).status).toBe(405);
  });

  it('relays a change made through /rpc to the event stream as db.changed, with keep-alive comments', async () => {
    const { web, t } = await start({ keepAliveMs: 50 });
    const { port } = web.server.address() as AddressInfo;
    let received = '';
    const stream = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port, path: HTTP.eventsPath, headers: withToken(web) }, resolve).on('error', reject);
    });
    expect(stream.statusCode).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    stream.on('data', (c: Buffer) => (received += c.toString('utf8')));
    const session = (await t.signIn(ADMIN.username, ADMIN.password)).token ?? '';
    const created = await rpc(web, 'users.create', { username: 'li', displayName: '李雷', role: 'sales', password: 'sales-pass-1' }, session);
    expect(JSON.parse(created.body)).toMatchObject({ ok: true });
    await expect.poll(() => received, { timeout: 5_000 }).toContain('event: db.changed\ndata: {"areas":["users","audit"]}\n\n');
    await expect.poll(() => received, { timeout: 5_000 }).toContain(': keep-alive\n\n');
    // Closing the server finishes open streams properly (a cut one is an error in the browser) and does not wait for them.
    const ended = new Promise((resolve) => stream.on('end', resolve));
    const started = Date.now();
    await web.close();
    await ended;
    expect(stream.complete).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('serves built files with their content type, index.html for client routes, and nothing outside the folder', async () => {
    const { web } = await start();
    const script = await request(web, { path: '/assets/app-1234.js', headers: withToken(web) });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toContain('immutable');
    const route = await request(web, { path: '/settings/users', headers: withToken(web) });
    expect(route.status).toBe(200);
    expect(route.body).toContain('<title>Baobei</title>');
    expect((await request(web, { path: '/assets/missing.js', headers: withToken(web) })).status).toBe(404);
    for (const escape of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const reply = await request(web, { path: escape, headers: withToken(web) });
      expect(reply.body, escape).not.toContain('not for the browser');
    }
  });
});
