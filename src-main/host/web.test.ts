import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HTTP } from '../../src-shared/contract/bridge';
import { tempDir } from '../core/testing/test-host';

const entry = path.join(import.meta.dirname, 'web.ts');

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('web.ts', () => {
  it('creates the database, prints exactly its URL on stdout with --port 0, serves it, and stops cleanly on SIGTERM', async () => {
    dir = tempDir('baobei-web-');
    const dbFile = path.join(dir, 'office.sqlite');
    const child = spawn(process.execPath, ['--import', 'tsx', entry, '--db', dbFile, '--port', '0', '--config-dir', path.join(dir, 'config')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    await expect.poll(() => stdout, { timeout: 30_000 }).toContain('\n');
    const match = /^http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+)\n$/.exec(stdout);
    expect(match, `stdout: ${stdout}\nstderr: ${stderr}`).not.toBeNull();
    const [, port, token] = match ?? [];
    expect(Number(port)).toBeGreaterThan(0);
    expect(fs.existsSync(dbFile)).toBe(true);

    const reply = await fetch(`http://127.0.0.1:${port}${HTTP.rpcPath}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [HTTP.tokenHeader]: token ?? '' },
      body: JSON.stringify({ op: 'setup.status', input: {} }),
    });
    expect(await reply.json()).toMatchObject({ ok: true, data: { state: 'needsAdmin', canChooseDatabase: false, dbPath: dbFile } });

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout.split('\n')).toHaveLength(2);
  });

  it('fails with a JSON error on stderr when the database cannot be opened', async () => {
    dir = tempDir('baobei-web-');
    const notADb = path.join(dir, 'notes.txt');
    fs.writeFileSync(notADb, 'this is not a database, just some text that is long enough to have a header');
    const child = spawn(process.execPath, ['--import', 'tsx', entry, '--db', notADb, '--port', '0', '--config-dir', path.join(dir, 'config')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(JSON.parse(stderr)).toMatchObject({ error: { code: 'DB_UNAVAILABLE' } });
  });
});
