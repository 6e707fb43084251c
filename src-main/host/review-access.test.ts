import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type OperationName, operationNames } from '../../src-shared/contract';
import { HTTP } from '../../src-shared/contract/bridge';
import { makeTestHost, type TestHost } from '../core/testing/test-host';
import { startWebServer, type WebServer } from './server';

let t: TestHost | undefined;
let web: WebServer | undefined;
afterEach(async () => {
  await web?.close();
  await t?.close();
  web = undefined;
  t = undefined;
});

/** POST /rpc as a browser tab would, with the host token and the tab's session. */
function rpc(server: WebServer, op: string, input: unknown, session?: string): Promise<{ ok: boolean; data?: { sessionToken: string }; error?: { code: string } }> {
  const { port } = server.server.address() as AddressInfo;
  const headers = { 'content-type': 'application/json', [HTTP.tokenHeader]: server.token, ...(session ? { [HTTP.sessionHeader]: session } : {}) };
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: HTTP.rpcPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ op, input }));
  });
}

/** Input each review operation accepts, so the role check, not the input, is what answers. */
const fittingInput: Partial<Record<OperationName, unknown>> = {
  'review.queue': {},
  'review.pendingCount': {},
  'review.detail': { id: 1 },
  'review.decide': { id: 1, version: 0, decision: 'approve', checklist: [] },
  'review.adjudicate': { keepId: 1, otherId: 2, otherDecision: 'reject', reason: '客户书面确认' },
  'review.bulkApprove': { ids: [1] },
};

describe('browser host and review permissions', () => {
  it("answers a salesperson's session FORBIDDEN on every review operation", async () => {
    t = await makeTestHost();
    const rendererDir = path.join(t.dir, 'renderer');
    fs.mkdirSync(rendererDir, { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
    web = await startWebServer({ host: t.host, dispatch: t.dispatch, rendererDir, port: 0 });
    await t.call(t.admin, 'users.create', { username: 'li', displayName: '李雷', role: 'sales', password: 'li-password' });
    const signIn = await rpc(web, 'auth.signIn', { username: 'li', password: 'li-password' });
    const session = signIn.data?.sessionToken;
    expect(session).toBeTruthy();

    const reviewOps = operationNames.filter((op) => op.startsWith('review.'));
    expect(reviewOps.sort()).toEqual(Object.keys(fittingInput).sort());
    for (const op of reviewOps) {
      expect(await rpc(web, op, fittingInput[op], session), op).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    // The same session is otherwise good: it reads its own (empty) inbox.
    expect(await rpc(web, 'notifications.list', {}, session)).toMatchObject({ ok: true });
  });
});
