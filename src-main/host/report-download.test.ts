import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP } from '../../src-shared/contract/bridge';
import { makeTestHost, type TestHost } from '../core/testing/test-host';
import { exportThrough } from '../core/services/report/testing';
import { startWebServer, type WebServer } from './server';

let t: TestHost;
let web: WebServer;

beforeAll(async () => {
  t = await makeTestHost();
  const rendererDir = path.join(t.dir, 'renderer');
  fs.mkdirSync(rendererDir, { recursive: true });
  web = await startWebServer({ host: t.host, dispatch: t.dispatch, rendererDir, port: 0 });
});
afterAll(async () => {
  await web.close();
  await t.close();
});

function get(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  const { port } = web.server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: url, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('GET /report/download', () => {
  it("serves a finished export as an attachment under its Chinese name, only with the host token and the export's key", async () => {
    const { job, file } = await exportThrough(t, t.admin, { filters: {} });
    const url = job.downloadUrl!;
    const ok = await get(url, { [HTTP.tokenHeader]: web.token });
    expect(ok.status, ok.body.toString()).toBe(200);
    expect(ok.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(ok.headers['content-disposition']).toBe(
      `attachment; filename="${job.fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(job.fileName)}`,
    );
    expect(ok.headers['cache-control']).toBe('no-store');
    expect(ok.body.equals(fs.readFileSync(file))).toBe(true);

    // The host's token guard stands before it, as before every path.
    expect((await get(url, {})).status).toBe(403);
    // A key that is not an export's, or only part of one, finds nothing.
    expect((await get(`${url.slice(0, -4)}`, { [HTTP.tokenHeader]: web.token })).status).toBe(404);
    expect((await get('/report/download', { [HTTP.tokenHeader]: web.token })).status).toBe(404);
  });
});
