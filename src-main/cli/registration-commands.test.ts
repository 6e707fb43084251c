import BetterSqlite3 from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statuses } from '../../src-shared/contract/registrations';
import { openOfficeApp } from '../core/testing/office-workers';
import { form } from '../core/testing/office';
import { tempDir } from '../core/testing/test-host';

const root = path.resolve(import.meta.dirname, '../..');
const entry = path.join(import.meta.dirname, 'baobei.ts');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The real command in a child process, with only the BAOBEI_* variables the test gives. */
function baobei(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('BAOBEI_')));
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { cwd: root, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += String(chunk)));
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

const errorOf = (run: Run) => (JSON.parse(run.stderr) as { error: { code: string; message: string; details?: { issues?: { path: unknown[] }[] } } }).error;
const data = (run: Run) => {
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
};

const PASSWORDS = { li: 'li-password', wang: 'wang-password', zhao: 'zhao-password' } as const;
type Person = keyof typeof PASSWORDS;

let dir: string;
let db: string;
const as = (who: Person) => ['--db', db, '--as', who];
const env = (who: Person) => ({ BAOBEI_PASSWORD: PASSWORDS[who] });

/** A salesperson's register call; the forms' close date is kept in the future whatever today is. */
const register = (who: Person, json: unknown) => baobei(['register', ...as(who), '--json', JSON.stringify(json)], env(who));
const inAYear = new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString().slice(0, 10);
const aForm = (overrides: Parameters<typeof form>[0] = {}) => form({ expectedCloseDate: inAYear, ...overrides });

beforeAll(async () => {
  dir = tempDir('baobei-cli-reg-');
  db = path.join(dir, 'office.sqlite');
  // The office is set up in-process; only the commands under test run as child processes.
  const app = await openOfficeApp(db, { mode: 'openOrCreate' });
  await app.call('setup.createAdmin', { username: 'admin', displayName: '管理员', password: 'admin-password' });
  await app.call('users.create', { username: 'li', displayName: '李雷', role: 'sales', password: PASSWORDS.li });
  await app.call('users.create', { username: 'wang', displayName: '王芳', role: 'sales', password: PASSWORDS.wang });
  await app.call('users.create', { username: 'zhao', displayName: '赵敏', role: 'reviewer', password: PASSWORDS.zhao });
  await app.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('baobei register, approve and conflicts', () => {
  let first: number;

  it('register submits each item on its own: the valid ones are saved, an invalid one fails in its slot and the exit code', async () => {
    const run = await register('li', [aForm(), { ...aForm({ customerName: '杭州云帆网络有限公司' }), phones: ['12345'], needDescription: '太短' }, aForm({ customerName: '成都蜀锦电子有限公司', phones: ['13900002222'], email: 'buy@shujin.cn' })]);
    expect(run.status).toBe(1);
    const slots = JSON.parse(run.stdout);
    expect(slots).toHaveLength(3);
    expect(slots[0]).toMatchObject({ customerName: '深圳市星辰科技有限公司', status: 'submitted', conflicts: [] });
    expect(slots[1]).toMatchObject({ customerName: '杭州云帆网络有限公司', error: { code: 'VALIDATION' } });
    // Paths name the item's own fields, as the form has them.
    expect(slots[1].error.details.issues.map((i: { path: unknown[] }) => i.path)).toEqual([['phones', 0], ['needDescription']]);
    expect(slots[2]).toMatchObject({ customerName: '成都蜀锦电子有限公司', status: 'submitted' });
    expect(errorOf(run).code).toBe('VALIDATION');
    first = slots[0].id;
    const raw = new BetterSqlite3(db, { readonly: true });
    expect(raw.prepare('SELECT customer_name FROM registrations ORDER BY id').all()).toEqual([{ customer_name: '深圳市星辰科技有限公司' }, { customer_name: '成都蜀锦电子有限公司' }]);
    raw.close();
  });

  it('register needs a justification against a colleague\'s claim, and then reports the match without the other deal', async () => {
    const colleague = aForm({ customerName: '星辰科技（深圳）有限公司', phones: ['13700001111'], email: 'li@xingchen-tech.cn', contactPerson: '李经理' });
    const refused = await register('wang', colleague);
    expect(refused.status).toBe(1);
    expect(JSON.parse(refused.stdout)[0]).toMatchObject({ error: { code: 'CONFLICT' } });
    expect(errorOf(refused).code).toBe('CONFLICT');
    const justified = data(await register('wang', { ...colleague, conflictJustification: '客户采购部主动联系我，独立预算' }));
    expect(justified[0]).toMatchObject({ status: 'submitted', conflicts: [{ registrationId: first, level: 'block', state: 'pending', protectedUntil: null }] });
    expect(justified[0].conflicts[0].other).toBeUndefined();
  });

  it('approve protects the first claim and refuses the colleague\'s with CONFLICT and a non-zero exit', async () => {
    const approved = data(await baobei(['approve', ...as('zhao'), String(first)], env('zhao')));
    expect(approved).toEqual([{ id: first, customerName: '深圳市星辰科技有限公司', status: 'approved', protectedUntil: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }]);
    const raw = new BetterSqlite3(db, { readonly: true });
    const { id: later } = raw.prepare("SELECT id FROM registrations WHERE customer_name = '星辰科技（深圳）有限公司'").get() as { id: number };
    raw.close();
    const run = await baobei(['approve', ...as('zhao'), String(later)], env('zhao'));
    expect(run.status).toBe(1);
    expect(errorOf(run)).toMatchObject({ code: 'CONFLICT', message: '该客户已被同事报备保护' });
    expect(JSON.parse(run.stdout)).toEqual([{ id: later, error: { code: 'CONFLICT', message: '该客户已被同事报备保护' } }]);
    // A salesperson may not approve at all; an id that is no number is a usage error.
    expect(errorOf(await baobei(['approve', ...as('li'), String(later)], env('li'))).code).toBe('FORBIDDEN');
    const usage = await baobei(['approve', ...as('zhao'), 'abc'], env('zhao'));
    expect(usage.status).toBe(2);
    expect(errorOf(usage).code).toBe('VALIDATION');
  });

  it('conflicts shows a salesperson only that the customer is protected and until when; a reviewer sees both sides', async () => {
    const probe = JSON.stringify({ customerName: '深圳星辰科技有限公司', phones: ['0755-86001234'] });
    const sales = data(await baobei(['conflicts', ...as('wang'), '--json', probe], env('wang')));
    expect(sales.matches[0]).toEqual({ registrationId: first, level: 'block', signals: ['name'], state: 'protected', protectedUntil: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(sales.matches.every((m: object) => !('other' in m))).toBe(true);
    expect(JSON.stringify(sales)).not.toContain('李雷');
    const reviewer = data(await baobei(['conflicts', ...as('zhao'), '--json', probe], env('zhao')));
    expect(reviewer.matches[0].other).toMatchObject({ ownerName: '李雷', contactPerson: '陈经理', status: 'approved' });
  });

  it('conflicts answers VALIDATION for malformed JSON and for input that is no probe', async () => {
    const malformed = await baobei(['conflicts', ...as('wang'), '--json', '{"customerName": 星辰'], env('wang'));
    expect(malformed.status).toBe(1);
    expect(malformed.stdout).toBe('');
    expect(errorOf(malformed)).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('JSON') });
    const wrong = await baobei(['conflicts', ...as('wang'), '--json', '{"customerName": "星辰", "phones": "13812345678", "colour": "red"}'], env('wang'));
    expect(wrong.status).toBe(1);
    expect(errorOf(wrong).code).toBe('VALIDATION');
    expect(errorOf(wrong).details?.issues?.map((i) => i.path)).toEqual(expect.arrayContaining([['phones']]));
  });
});

describe('baobei demo', () => {
  it('creates the database with N opportunities in every status, whose users sign in with the demo password; refuses a second run', async () => {
    const file = path.join(dir, 'demo.sqlite');
    const summary = data(await baobei(['demo', '--db', file, '--opportunities', '300', '--seed', 'office']));
    expect(summary).toMatchObject({ opportunities: 300, password: 'demo-pass-2026', users: { admin: 'admin', salespeople: 'sales001…sales006', reviewers: 'reviewer01…reviewer02' } });
    const raw = new BetterSqlite3(file, { readonly: true });
    expect(raw.prepare('SELECT COUNT(*) AS n FROM registrations').get()).toEqual({ n: 300 });
    const present = (raw.prepare('SELECT DISTINCT status FROM registrations').all() as { status: string }[]).map((r) => r.status);
    raw.close();
    expect(present.sort()).toEqual([...statuses].sort());
    const signedIn = await baobei(['conflicts', '--db', file, '--as', 'sales001', '--json', '{"customerName":"演示客户"}'], { BAOBEI_PASSWORD: 'demo-pass-2026' });
    expect(data(signedIn)).toMatchObject({ matches: [] });
    const again = await baobei(['demo', '--db', file, '--opportunities', '10']);
    expect(errorOf(again)).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已有报备') });
    expect(errorOf(await baobei(['demo', '--db', file, '--opportunities', '0'])).code).toBe('VALIDATION');
  });
});
