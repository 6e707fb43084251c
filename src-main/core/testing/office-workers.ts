import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppErrorShape, InputOf, OperationName, OutputOf } from '../../../src-shared/contract';
import type { RegistrationFieldsInput } from '../../../src-shared/contract/registrations';
import { MemorySettingsStore } from '../../cli/memory-settings';
import type { LeaseOptions } from '../db/lease';
import { createDispatcher } from '../dispatch';
import { handlers } from '../handlers';
import { AppHost, type AppHostOptions } from '../host/app-host';
import { makeCaller } from './test-host';
import { type DbWorker, type SpawnOptions, spawnWorkerScript } from './worker-process';

/** What an office-worker.ts child does; see the comment at the top of that file. */
export type OfficeTask =
  | {
      task: 'register';
      db: string;
      username: string;
      password: string;
      count: number;
      /** Makes this worker's customer names unique (0 ≤ seed < 2500). */
      seed: number;
      /** Every n-th registration claims a shared customer instead (0 or absent: never). */
      sharedEvery?: number;
      sharedCount?: number;
      /** Pause between registrations: a person, not a bulk job. */
      pauseMs?: number;
      lease?: Partial<LeaseOptions>;
      startOnGo?: boolean;
    }
  | {
      task: 'approve';
      db: string;
      username: string;
      password: string;
      /** Only registrations whose customer name contains this. */
      search?: string;
      /** Passes over the submitted registrations; absent: until a `stop` line, then one more. */
      passes?: number;
      /** Pause before each approval: a person, not a bulk job. */
      pauseMs?: number;
      lease?: Partial<LeaseOptions>;
      startOnGo?: boolean;
    };

const here = path.dirname(fileURLToPath(import.meta.url));

type Result = { ok: true; data: unknown } | { ok: false; error: AppErrorShape };

/** Starts office-worker.ts in its own Node process: another PC running the app on the same file. */
export function spawnOfficeWorker(task: OfficeTask, options: SpawnOptions = {}): DbWorker {
  return spawnWorkerScript(path.join(here, 'office-worker.ts'), task, options);
}

export interface AckedRegistration {
  id: number;
  customerName: string;
  /** How long the submit took as the caller saw it, lease waits included. */
  ms: number;
}

/** The registrations an office worker acknowledged (`ack …` and `ack-shared …` lines). */
export function ackedRegistrations(w: DbWorker, seed: number): AckedRegistration[] {
  return w.lines
    .filter((l) => l.startsWith('ack ') || l.startsWith('ack-shared '))
    .map((l) => {
      const [kind, label, id, ms] = l.split(' ');
      const k = Number(label!.split('-')[0]);
      return { id: Number(id), customerName: kind === 'ack' ? customerName(seed, k) : sharedCustomerName(k), ms: Number(ms) };
    });
}
export const approvedIds = (w: DbWorker): number[] => w.lines.filter((l) => l.startsWith('approved ')).map((l) => Number(l.split(' ')[1]));
export const refusals = (w: DbWorker): string[] => w.lines.filter((l) => l.startsWith('refused ')).map((l) => l.split(' ').slice(2).join(' '));

// Fifty characters that are neither region names nor generic words (科技, 贸易, 集团…), so names built
// from them are distinctive cores: different names never block each other in the conflict engine.
const CHARS = [...'琴棋书画诗酒茶梅兰竹菊松柏桃李杏枫柳桂樟荷莲菱藕蓉芙蕙芷萱苓岚峰岩溪泉潭瀑涧泓澜沁涵淳澄凌霁霖雯霏翎'];
if (CHARS.length !== 50) throw new Error(`CHARS has ${CHARS.length}`);
const SHARED = ['鸿雁', '鹏程', '骏驰', '鹤鸣', '麒麟', '凤翔', '鲲鹏', '鸾翔', '雄鹰', '白鹭', '海鸥', '燕归'];

const pair = (n: number) => `${CHARS[Math.floor(n / 50) % 50]}${CHARS[n % 50]}`;
/** Seed and index interleaved, so two names of one worker rarely share a bigram and look alike. */
export const customerName = (seed: number, i: number): string => {
  const [s, n] = [pair(seed), pair(i % 2500)];
  // Past 2,500 a fifth character keeps names apart (a bulk job making thousands).
  const more = i >= 2500 ? CHARS[Math.floor(i / 2500) % 50] : '';
  return `${n[0]}${s[0]}${n[1]}${s[1]}${more}科技有限公司`;
};
export const sharedCustomerName = (k: number): string => `${SHARED[k % SHARED.length]}贸易有限公司`;
export const SHARED_SEARCH = '贸易';

const inAYear = () => new Date(Date.now() + 365 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
const digits = (n: number, width: number) => String(n).padStart(width, '0');

/** A valid form for a customer no one else registers. */
export function customerFields(seed: number, i: number): RegistrationFieldsInput {
  return {
    customerName: customerName(seed, i),
    contactPerson: '陈经理',
    phones: [`139${digits(seed, 4)}${digits(i, 4)}`],
    region: '广东省深圳市',
    needDescription: `采购第 ${i} 批办公电脑及三年上门维保服务`,
    budget: 100_000 + i,
    expectedCloseDate: inAYear(),
    stage: 'needs_confirmed',
    sourceChannel: '老客户介绍',
    productLine: '办公设备',
  };
}

/** A form for shared customer `k`, claimed by several salespeople; `who` keeps needs and phones apart. */
export function sharedCustomerFields(k: number, seed: number, i: number): RegistrationFieldsInput {
  return {
    ...customerFields(seed, i),
    customerName: sharedCustomerName(k),
    phones: [`136${digits(seed, 4)}${digits(i, 4)}`],
    needDescription: `共享客户 ${k} 采购网络设备及布线工程 ${seed}-${i}`,
  };
}

export interface OfficeUser {
  username: string;
  password: string;
  role: 'sales' | 'reviewer' | 'admin';
}

export interface OfficeApp {
  host: AppHost;
  /** Calls as the named caller (each its own session) and returns the data, or throws with `.error`. */
  call<K extends OperationName>(op: K, input: InputOf<K>, as?: string): Promise<OutputOf<K>>;
  /** The dispatcher's result as the UI gets it: data, or the typed error with its translated message. */
  result(op: OperationName, input: unknown, as?: string): Promise<Result>;
  close(): Promise<void>;
}

/** The app core on a database file in this process, with one signed-in caller per user. */
export async function openOfficeApp(
  file: string,
  options: Partial<AppHostOptions> & {
    mode?: 'open' | 'openOrCreate';
    /** Keep the app running without a database when the file does not open, as the desktop app starts. */
    keepFailedOpen?: boolean;
  } = {},
): Promise<OfficeApp> {
  const { mode = 'open', keepFailedOpen = false, ...hostOptions } = options;
  const host = new AppHost({
    settings: new MemorySettingsStore('en'),
    defaultLocalPath: null,
    canChooseDatabase: false,
    backupPolicy: () => null,
    changeFeedMs: 60_000,
    maintenanceMs: 0,
    ...hostOptions,
  });
  try {
    await host.useDatabase(file, mode);
  } catch (e) {
    if (!keepFailedOpen) throw e;
  }
  const dispatch = createDispatcher(host, handlers, { logError: (e) => console.error(e) });
  const callers = new Map<string, ReturnType<typeof makeCaller>>();
  const callerOf = (name: string) => {
    if (!callers.has(name)) callers.set(name, makeCaller());
    return callers.get(name)!;
  };
  const call: OfficeApp['call'] = async (op, input, as = 'admin') => {
    const result = await dispatch(callerOf(as), op, input);
    if (!result.ok) throw Object.assign(new Error(`${op}: ${result.error.code} ${result.error.key}`), { error: result.error });
    return result.data as never;
  };
  const result: OfficeApp['result'] = (op, input, as = 'admin') => dispatch(callerOf(as), op, input) as Promise<Result>;
  return { host, call, result, close: () => host.close() };
}

export interface OfficeSetup {
  admin: OfficeUser;
  sales: OfficeUser[];
  reviewers: OfficeUser[];
  /** The first registration of each shared customer, submitted during setup. */
  sharedFirstIds: number[];
}

/**
 * Creates the database file with an admin, salespeople and reviewers, lifts the per-owner cap on
 * protections (the tests approve many), and submits the first claim of each shared customer.
 */
export async function setupOffice(file: string, counts: { sales: number; reviewers: number; shared: number }): Promise<OfficeSetup> {
  const app = await openOfficeApp(file, { mode: 'openOrCreate' });
  try {
    const admin: OfficeUser = { username: 'admin', password: 'admin-password', role: 'admin' };
    await app.call('setup.createAdmin', { username: admin.username, displayName: '管理员', password: admin.password });
    const { version } = await app.call('office.settings', {});
    await app.call('office.updateSettings', { settings: { maxActiveProtections: 100_000 }, version });
    const make = async (role: 'sales' | 'reviewer', n: number) => {
      const users: OfficeUser[] = [];
      for (let i = 0; i < n; i++) {
        const user: OfficeUser = { username: `${role}${i}`, password: `${role}${i}-password`, role };
        await app.call('users.create', { username: user.username, displayName: `${role} ${i}`, role, password: user.password });
        await app.call('auth.signIn', { username: user.username, password: user.password }, user.username);
        users.push(user);
      }
      return users;
    };
    const sales = await make('sales', counts.sales);
    const reviewers = await make('reviewer', counts.reviewers);
    const sharedFirstIds: number[] = [];
    for (let k = 0; k < counts.shared; k++) {
      const owner = sales[k % sales.length]!;
      const { registration } = await app.call('registrations.submit', { fields: sharedCustomerFields(k, 2499, k) }, owner.username);
      sharedFirstIds.push(registration.id);
    }
    return { admin, sales, reviewers, sharedFirstIds };
  } finally {
    await app.close();
  }
}


export interface AppWorker {
  worker: DbWorker;
  /** How opening the database at start went. */
  opened: Promise<{ opened: boolean; error?: { code: string; key: string; message: string } }>;
  /** One operation in the child, answered with the dispatcher's result; `open` retries opening. */
  call(op: OperationName | 'open', input?: unknown, as?: string): Promise<Result>;
  /** Ends the child gently (stdin closed: it closes the database and exits 0). */
  end(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts app-worker.ts: the app core in a child process, driven one operation at a time. */
export function spawnAppWorker(task: { db: string; lease?: Partial<LeaseOptions> }, options: SpawnOptions = {}): AppWorker {
  const worker = spawnWorkerScript(path.join(here, 'app-worker.ts'), task, options);
  // The child answers in order, one line per request after its first ("opened") line.
  const lineNumber = (n: number) => worker.waitForLine(() => worker.lines.length >= n).then(() => JSON.parse(worker.lines[n - 1]!) as never);
  let requests = 0;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    worker,
    opened: lineNumber(1),
    call: (op, input = {}, as = 'default') => {
      const result = queue.then(() => {
        requests += 1;
        worker.send(JSON.stringify({ op, input, as }));
        return lineNumber(requests + 1) as Promise<Result>;
      });
      queue = result.catch(() => undefined);
      return result;
    },
    end: () => {
      worker.child.stdin!.end();
      return worker.exited;
    },
  };
}
