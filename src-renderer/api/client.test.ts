// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../src-shared/contract';
import { HTTP } from '../../src-shared/contract/bridge';
import { ApiError } from './api-error';
import { createApiClient } from './client';
import { SESSION_STORAGE_KEY, createHttpTransport } from './http-transport';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const user = { id: 1, username: 'admin', displayName: '管理员', role: 'admin' as const };

function clientOver(fetch: typeof globalThis.fetch) {
  return createApiClient(createHttpTransport({ fetch, storage: sessionStorage }));
}

const sentHeaders = (fetch: ReturnType<typeof vi.fn>, call: number) => new Headers((fetch.mock.calls[call]?.[1] as RequestInit).headers);

beforeEach(() => sessionStorage.clear());

describe('api client over HTTP', () => {
  it('posts the operation as JSON and keeps the session token a sign-in returns for later calls', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => json({ ok: true, data: { user, sessionToken: 'tab-session' } }));
    const api = clientOver(fetch);

    const signedIn = await api.call('auth.signIn', { username: 'admin', password: 'secret-pass' });
    expect(signedIn.user.displayName).toBe('管理员');
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(HTTP.rpcPath);
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ op: 'auth.signIn', input: { username: 'admin', password: 'secret-pass' } });
    expect(sentHeaders(fetch, 0).get('content-type')).toBe('application/json');
    expect(sentHeaders(fetch, 0).has(HTTP.sessionHeader)).toBe(false);
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBe('tab-session');

    fetch.mockResolvedValueOnce(json({ ok: true, data: { user } }));
    await api.call('auth.session', {});
    expect(sentHeaders(fetch, 1).get(HTTP.sessionHeader)).toBe('tab-session');
  });

  it('forgets the session token once signed out', async () => {
    sessionStorage.setItem(SESSION_STORAGE_KEY, 'tab-session');
    const api = clientOver(vi.fn(async () => json({ ok: true, data: {} })));
    await api.call('auth.signOut', {});
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('throws the typed error of a failed operation, field issues included', async () => {
    const failure: Result<never> = {
      ok: false,
      error: {
        code: 'VALIDATION',
        key: 'error.VALIDATION',
        message: '输入有误，请检查标出的字段',
        details: { issues: [{ path: ['username'], key: 'v.username', message: '用户名为 2–32 位字母、数字、点、下划线或连字符' }] },
      },
    };
    const api = clientOver(vi.fn(async () => json(failure)));
    const error = await api.call('users.create', { username: 'x', displayName: 'X', role: 'sales', password: 'long-enough' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).shape).toEqual(failure.error);
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('reports a missing host token and an unreachable host as its own errors', async () => {
    const forbidden = clientOver(vi.fn(async () => new Response('Forbidden', { status: 403 })));
    await expect(forbidden.call('setup.status', {})).rejects.toMatchObject({ shape: { code: 'INTERNAL', key: 'ui.error.hostToken' } });

    const gone = clientOver(vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(gone.call('setup.status', {})).rejects.toMatchObject({ shape: { key: 'ui.error.connection' } });
  });

  it('shares one event stream among subscribers and hands them the parsed payload', async () => {
    const stream = new EventTarget();
    const openEvents = vi.fn(() => stream);
    const api = createApiClient(createHttpTransport({ fetch: vi.fn(), storage: sessionStorage, openEvents }));
    const changed = vi.fn();
    const health = vi.fn();
    const stopChanged = api.subscribe('db.changed', changed);
    api.subscribe('db.health', health);
    expect(openEvents).toHaveBeenCalledTimes(1);

    stream.dispatchEvent(new MessageEvent('db.changed', { data: JSON.stringify({ areas: ['users'] }) }));
    expect(changed).toHaveBeenCalledWith({ areas: ['users'] });
    stopChanged();
    stream.dispatchEvent(new MessageEvent('db.changed', { data: JSON.stringify({ areas: ['audit'] }) }));
    expect(changed).toHaveBeenCalledTimes(1);
    expect(health).not.toHaveBeenCalled();
  });
});
