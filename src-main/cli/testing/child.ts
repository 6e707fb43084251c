import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';
import { localDate } from '../../core/clock';
import { form, makeOffice } from '../../core/testing/office';

const root = path.resolve(import.meta.dirname, '../../..');
const entry = path.resolve(import.meta.dirname, '../baobei.ts');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The real command in a child process, with only the BAOBEI_* variables the test gives. */
export function baobei(args: string[], env: Record<string, string> = {}): CliRun {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('BAOBEI_')));
  const result = spawnSync(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: root,
    env: { ...inherited, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const data = (run: CliRun) => {
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as unknown;
};

export const failure = (run: CliRun) => {
  expect(run.status).not.toBe(0);
  return (JSON.parse(run.stderr) as { error: { code: string; message: string; details?: { issues?: { path: unknown[]; key: string }[]; params?: Record<string, unknown> } } }).error;
};

/** The password each person of makeOffice signs in with. */
export const passwordOf = (username: string) => ({ BAOBEI_PASSWORD: username === 'admin' ? 'admin-password' : `${username}-password` });

/** A date this many days from today, on this PC's calendar: the child process runs on the real clock. */
export const inDays = (days: number) => localDate(new Date(Date.now() + days * 86_400_000));

/**
 * makeOffice (admin, 李雷 li and 王芳 wang selling, 赵敏 zhao reviewing) on the real clock, with three
 * submissions by li: one that passes every automatic check, one with a vague need, and a third clean one.
 * The host is closed before the commands open the file; `dir` is for the test to remove.
 */
export async function officeWithSubmissions() {
  const o = await makeOffice(new Date().toISOString());
  const submit = async (fields: Parameters<typeof form>[0]) =>
    (await o.call(o.li, 'registrations.submit', { fields: form({ expectedCloseDate: inDays(90), ...fields }) })).registration.id;
  const clean = await submit({});
  const vague = await submit({ customerName: '杭州云帆网络有限公司', phones: ['13700002222'], email: 'buy@yunfan.cn', needDescription: '需求待定，先了解一下产品价格再说' });
  const other = await submit({ customerName: '上海明远贸易有限公司', phones: ['13655556666'], email: 'li@mingyuan.com.cn', needDescription: '采购五十套财务软件授权及一年运维服务' });
  await o.host.close();
  return { dir: o.dir, dbFile: o.dbFile, ids: { clean, vague, other } };
}
