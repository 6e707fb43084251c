import BetterSqlite3 from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../core/testing/test-host';

const root = path.resolve(import.meta.dirname, '../..');
const entry = path.join(import.meta.dirname, 'baobei.ts');
const ADMIN = { name: 'boss', password: 'boss-pass-2026' };

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The real command in a child process, with only the BAOBEI_* variables the test gives. */
function baobei(args: string[], env: Record<string, string> = {}): Run {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('BAOBEI_')));
  const result = spawnSync(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: root,
    env: { ...inherited, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const data = (run: Run) => {
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
};
const failure = (run: Run) => {
  expect(run.status).not.toBe(0);
  return (JSON.parse(run.stderr) as { error: { code: string; message: string } }).error;
};

let dir: string;
let db: string;
beforeEach(() => {
  dir = tempDir('baobei-cli-');
  db = path.join(dir, 'office.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const init = () => baobei(['init', '--db', db, '--admin', ADMIN.name, '--display-name', '老板'], { BAOBEI_PASSWORD: ADMIN.password });
const asAdmin = { BAOBEI_PASSWORD: ADMIN.password };

describe('baobei init', () => {
  it('creates the database and its administrator; a second init is refused', () => {
    expect(data(init())).toEqual({ db, user: { id: 1, username: ADMIN.name, displayName: '老板', role: 'admin' } });
    expect(fs.existsSync(db)).toBe(true);
    expect(failure(init())).toMatchObject({ code: 'CONFLICT', message: '系统已初始化，请直接登录' });
  });

  it('refuses a short password, or none without a terminal, before creating any file', () => {
    const short = baobei(['init', '--db', db, '--admin', ADMIN.name], { BAOBEI_PASSWORD: 'short' });
    expect(failure(short)).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['password'], message: '密码至少 8 位' }] } });
    const none = baobei(['init', '--db', db, '--admin', ADMIN.name]);
    expect(failure(none)).toMatchObject({ code: 'VALIDATION' });
    expect(failure(none).message).toContain('BAOBEI_PASSWORD');
    expect(fs.existsSync(db)).toBe(false);
  });
});

describe('baobei user', () => {
  it('adds users of every role as an admin, and lists them', () => {
    data(init());
    for (const [name, role] of [['li', 'sales'], ['wang', 'reviewer'], ['zhao', 'admin']] as const) {
      const added = baobei(['user', 'add', '--db', db, '--as', ADMIN.name, '--name', name, '--role', role], { ...asAdmin, BAOBEI_NEW_PASSWORD: `${name}-pass-1` });
      expect(data(added)).toMatchObject({ username: name, displayName: name, role, active: true });
    }
    const listed = data(baobei(['user', 'list', '--db', db, '--as', ADMIN.name], asAdmin)) as { username: string; role: string }[];
    expect(listed.map((u) => [u.username, u.role])).toEqual([
      ['boss', 'admin'],
      ['li', 'sales'],
      ['wang', 'reviewer'],
      ['zhao', 'admin'],
    ]);
    // The new users sign in with the passwords they were given.
    expect(data(baobei(['user', 'list', '--db', db, '--as', 'zhao'], { BAOBEI_PASSWORD: 'zhao-pass-1' }))).toHaveLength(4);
  });

  it('passes the same role checks as the app: a salesperson may neither list nor add users', () => {
    data(init());
    data(baobei(['user', 'add', '--db', db, '--as', ADMIN.name, '--name', 'li', '--role', 'sales'], { ...asAdmin, BAOBEI_NEW_PASSWORD: 'li-pass-123' }));
    const sales = { BAOBEI_PASSWORD: 'li-pass-123' };
    expect(failure(baobei(['user', 'list', '--db', db, '--as', 'li'], sales))).toEqual({ code: 'FORBIDDEN', message: '您没有权限执行此操作' });
    const add = baobei(['user', 'add', '--db', db, '--as', 'li', '--name', 'mole', '--role', 'admin'], { ...sales, BAOBEI_NEW_PASSWORD: 'mole-pass-1' });
    expect(failure(add).code).toBe('FORBIDDEN');
    expect(add.stdout).toBe('');
  });

  it('exits non-zero with the JSON error on stderr for a wrong password, in English when BAOBEI_LANG=en', () => {
    data(init());
    const wrong = baobei(['user', 'list', '--db', db, '--as', ADMIN.name], { BAOBEI_PASSWORD: 'not-the-password' });
    expect(wrong.stdout).toBe('');
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
    expect(failure(wrong)).toEqual({ code: 'UNAUTHENTICATED', message: '用户名或密码错误' });
    const english = baobei(['user', 'list', '--db', db, '--as', ADMIN.name], { BAOBEI_PASSWORD: 'not-the-password', BAOBEI_LANG: 'en' });
    expect(failure(english)).toEqual({ code: 'UNAUTHENTICATED', message: 'Wrong username or password' });
  });

  it('rejects an unknown role and a missing option as usage errors (exit 2)', () => {
    const role = baobei(['user', 'add', '--db', db, '--as', ADMIN.name, '--name', 'x', '--role', 'boss'], asAdmin);
    expect(role.status).toBe(2);
    expect(failure(role).code).toBe('VALIDATION');
    const missing = baobei(['user', 'list', '--db', db]);
    expect(missing.status).toBe(2);
    expect(failure(missing).message).toContain('--as');
  });
});

describe('baobei check', () => {
  it('reports a healthy database and exits 0', () => {
    data(init());
    expect(data(baobei(['check', '--db', db]))).toMatchObject({ db, healthy: true, integrity: 'ok' });
  });

  it('reports a database made by a newer Baobei as unhealthy (SCHEMA_TOO_NEW)', () => {
    data(init());
    const raw = new BetterSqlite3(db);
    raw.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, ?, ?)').run('from the future', new Date().toISOString());
    raw.close();
    const run = baobei(['check', '--db', db]);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ healthy: false, integrity: 'ok', schemaVersion: 999 });
    expect(failure(run).code).toBe('SCHEMA_TOO_NEW');
  });

  it('fails on a file that is not a database, and on a missing one', () => {
    const text = path.join(dir, 'notes.sqlite');
    fs.writeFileSync(text, 'x'.repeat(4096));
    expect(failure(baobei(['check', '--db', text]))).toMatchObject({ code: 'DB_UNAVAILABLE', message: '该文件不是报备数据库或已损坏' });
    expect(failure(baobei(['check', '--db', path.join(dir, 'missing.sqlite')])).code).toBe('DB_UNAVAILABLE');
    expect(fs.existsSync(path.join(dir, 'missing.sqlite'))).toBe(false);
  });
});

describe('baobei backup', () => {
  it('writes a readable copy with the online backup, and never overwrites a file', () => {
    data(init());
    const out = path.join(dir, 'copy.sqlite');
    expect(data(baobei(['backup', '--db', db, '--out', out]))).toMatchObject({ db, file: out });
    const copy = new BetterSqlite3(out, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT username FROM users').all()).toEqual([{ username: ADMIN.name }]);
    copy.close();
    expect(data(baobei(['check', '--db', out]))).toMatchObject({ healthy: true });
    expect(failure(baobei(['backup', '--db', db, '--out', out])).code).toBe('CONFLICT');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });
});
