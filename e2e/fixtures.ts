import { test as base, expect, type Page } from '@playwright/test';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

export const ADMIN = { username: 'admin', displayName: '系统管理员', password: 'admin-pass-2026' };

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'dist/cli/baobei.js');
const webHost = path.join(root, 'dist/host/web.js');

export interface WebHost {
  url: string;
  dbFile: string;
  dir: string;
  /** Runs the real CLI against this host's database. */
  cli(args: string[], env?: Record<string, string>): string;
}

/** Starts `dist/host/web.js` on a fresh folder and waits for the URL it prints. */
async function startHost(dir: string, dbFile: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [webHost, '--db', dbFile, '--port', '0', '--config-dir', path.join(dir, 'config')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += String(d)));
  const lines = readline.createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host printed no URL; stderr: ${stderr}`)), 20_000);
    lines.on('line', (line) => {
      if (line.startsWith('http://127.0.0.1:')) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    child.on('exit', (code) => reject(new Error(`web host exited with ${code}: ${stderr}`)));
  });
  return { url, child };
}

/**
 * List the host before the page in a test (`({ host, page })`): fixtures are torn down in reverse, so
 * the page's console check then runs while the host still serves its event stream.
 */
type Fixtures = {
  /** A host on a database made by `baobei init` with ADMIN. */
  host: WebHost;
  /** A host on a database that does not exist yet: the first-run wizard. */
  freshHost: WebHost;
  /** Fails the test on any console error or uncaught page error. */
  page: Page;
};

function makeHost(init: boolean) {
  return async ({}, use: (h: WebHost) => Promise<void>) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baobei-e2e-'));
    const dbFile = path.join(dir, 'office.sqlite');
    const runCli = (args: string[], env: Record<string, string> = {}) =>
      execFileSync(process.execPath, [cli, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
    if (init) runCli(['init', '--db', dbFile, '--admin', ADMIN.username, '--display-name', ADMIN.displayName], { BAOBEI_PASSWORD: ADMIN.password });
    const { url, child } = await startHost(dir, dbFile);
    await use({ url, dbFile, dir, cli: runCli });
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

export const test = base.extend<Fixtures>({
  host: makeHost(true),
  freshHost: makeHost(false),
  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    await use(page);
    expect(problems, 'the page logged errors').toEqual([]);
  },
});

export { expect };

export async function signIn(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('signin-username').fill(username);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-password').press('Enter');
}
