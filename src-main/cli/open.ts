import path from 'node:path';
import type { InputOf, OperationName, OutputOf, SessionUser } from '../../src-shared/contract';
import { Database } from '../core/db/database';
import { createDispatcher } from '../core/dispatch';
import type { Caller } from '../core/handler';
import { handlers } from '../core/handlers';
import { AppHost } from '../core/host/app-host';
import { CliFailure, withCause } from './failure';
import { cliLanguage, t } from './language';
import { MemorySettingsStore } from './memory-settings';
import { readPassword } from './password';

/** One command's view of the app: the same dispatcher, role checks and typed errors as a window. */
export interface CliApp {
  dbFile: string;
  /** The open database, for commands that stream what no operation pages through (the report's list). */
  db: Database;
  /** Calls an operation and returns its data; a typed error is thrown as a CliFailure. */
  call<K extends OperationName>(op: K, input: InputOf<K>): Promise<OutputOf<K>>;
}

/** Opens an AppHost on the database for the length of the body, with one session like one window. */
export async function withApp<T>(dbFile: string, mode: 'open' | 'openOrCreate', body: (app: CliApp) => Promise<T>): Promise<T> {
  const host = new AppHost({
    settings: new MemorySettingsStore(cliLanguage()),
    defaultLocalPath: null,
    canChooseDatabase: false,
    backupPolicy: () => null,
  });
  try {
    const db = await host.useDatabase(path.resolve(dbFile), mode);
    let sessionToken: string | undefined;
    const caller: Caller = {
      sessionToken: () => sessionToken,
      setSessionToken: (token) => {
        sessionToken = token;
      },
    };
    let unexpected: unknown;
    const dispatch = createDispatcher(host, handlers, {
      logError: (e) => {
        unexpected = e;
      },
    });
    return await body({
      dbFile: db.file,
      db,
      call: async (op, input) => {
        const result = await dispatch(caller, op, input);
        if (!result.ok) throw new CliFailure(result.error.code === 'INTERNAL' ? withCause(result.error, unexpected) : result.error);
        return result.data as never;
      },
    });
  } finally {
    await host.close();
  }
}

export interface ActingUserOptions {
  db: string;
  as: string;
}

/**
 * Signs in as `--as` with BAOBEI_PASSWORD (or a typed password) and runs the body as that user. The
 * password is read before the database is opened: nothing is held while waiting for a person.
 */
export async function asUser<T>(options: ActingUserOptions, body: (app: CliApp, me: SessionUser) => Promise<T>): Promise<T> {
  const password = await readPassword({ env: 'BAOBEI_PASSWORD', prompt: t('cli.prompt.password', { username: options.as }), confirm: false });
  return withApp(options.db, 'open', async (app) => {
    const { user } = await app.call('auth.signIn', { username: options.as, password });
    return body(app, user);
  });
}

/** The database file itself, for maintenance that acts on the file rather than as a user (check, backup). */
export async function withDatabase<T>(dbFile: string, body: (db: Database) => Promise<T>): Promise<T> {
  const db = await Database.open({ file: path.resolve(dbFile), mode: 'open' });
  try {
    return await body(db);
  } finally {
    await db.close();
  }
}
