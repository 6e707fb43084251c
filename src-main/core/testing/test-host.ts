import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InputOf, OperationName, OutputOf } from '../../../src-shared/contract';
import type { Clock } from '../clock';
import { createDispatcher } from '../dispatch';
import type { Caller } from '../handler';
import { handlers } from '../handlers';
import { AppHost, type AppHostOptions } from '../host/app-host';
import { LocalSettingsStore } from '../local-settings';

/** A temporary folder that tests remove when done. */
export function tempDir(prefix = 'baobei-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A caller holding its own session, as one window or tab would. */
export function makeCaller(): Caller & { token: string | undefined } {
  const caller = {
    token: undefined as string | undefined,
    sessionToken: () => caller.token,
    setSessionToken: (t: string | undefined) => {
      caller.token = t;
    },
  };
  return caller;
}

export interface TestHost {
  dir: string;
  dbFile: string;
  host: AppHost;
  dispatch: ReturnType<typeof createDispatcher>;
  /** Calls an operation and returns its data, or throws with the typed error. */
  call<K extends OperationName>(caller: Caller, op: K, input: InputOf<K>): Promise<OutputOf<K>>;
  /** Signs a new caller in as the given user. */
  signIn(username: string, password: string): Promise<Caller & { token: string | undefined }>;
  /** Signed in as ADMIN, unless the host was made empty. */
  admin: Caller;
  close(): Promise<void>;
}

export const ADMIN = { username: 'admin', displayName: '管理员', password: 'admin-password' };

/**
 * A real database file built by the real migrations, with an admin already created (unless `empty`),
 * behind the real dispatcher.
 */
export async function makeTestHost(options: { empty?: boolean; clock?: Clock; dir?: string; host?: Partial<AppHostOptions> } = {}): Promise<TestHost> {
  const dir = options.dir ?? tempDir();
  const dbFile = path.join(dir, 'baobei.sqlite');
  const host = new AppHost({
    settings: new LocalSettingsStore(path.join(dir, 'settings.json')),
    defaultLocalPath: dbFile,
    canChooseDatabase: false,
    backupPolicy: () => null,
    changeFeedMs: 60_000,
    maintenanceMs: 0,
    ...(options.clock ? { clock: options.clock } : {}),
    ...options.host,
  });
  await host.useDatabase(dbFile, 'openOrCreate');
  const dispatch = createDispatcher(host, handlers, { logError: (e) => console.error(e) });
  const call: TestHost['call'] = async (caller, op, input) => {
    const result = await dispatch(caller, op, input);
    if (!result.ok) throw Object.assign(new Error(`${result.error.code}: ${result.error.message}`), { error: result.error });
    return result.data as never;
  };
  const signIn: TestHost['signIn'] = async (username, password) => {
    const caller = makeCaller();
    await call(caller, 'auth.signIn', { username, password });
    return caller;
  };
  const admin = makeCaller();
  if (!options.empty) await call(admin, 'setup.createAdmin', ADMIN);
  return {
    dir,
    dbFile,
    host,
    dispatch,
    call,
    signIn,
    admin,
    close: async () => {
      await host.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
