import { Command, InvalidArgumentError } from 'commander';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultBackupPolicy } from '../core/db/backups';
import { createDispatcher, toErrorShape } from '../core/dispatch';
import { handlers } from '../core/handlers';
import { AppHost } from '../core/host/app-host';
import { LocalSettingsStore } from '../core/local-settings';
import { startWebServer } from './server';

/**
 * `npm run web -- --db FILE [--port N]`: the app in a browser, for machines where Electron cannot
 * run and for the end-to-end tests. Prints exactly one line on stdout, the URL to open.
 */
interface WebOptions {
  db: string;
  port: number;
  configDir: string;
  backupDir?: string;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a port is 0–65535 (0 picks a free one)');
  return port;
}

async function serve(options: WebOptions): Promise<void> {
  const settings = new LocalSettingsStore(path.join(path.resolve(options.configDir), 'settings.json'));
  const backupDir = options.backupDir === undefined ? null : path.resolve(options.backupDir);
  const host = new AppHost({
    settings,
    // The database is given on the command line; the page may not switch to another file.
    defaultLocalPath: null,
    canChooseDatabase: false,
    backupPolicy: () => (backupDir ? defaultBackupPolicy(backupDir) : null),
  });
  try {
    // A missing file is created and migrated; the page then shows the create-admin step.
    await host.useDatabase(path.resolve(options.db), 'openOrCreate');
    const dispatch = createDispatcher(host, handlers, { logError: (e, op) => console.error(`[${op}]`, e) });
    const web = await startWebServer({
      host,
      dispatch,
      // Beside the bundle: dist/host/web.js serves dist/renderer/.
      rendererDir: fileURLToPath(new URL('../renderer/', import.meta.url)),
      port: options.port,
    });
    process.stdout.write(`${web.url}\n`);
    const shutdown = async () => {
      await web.close();
      await host.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown());
    process.once('SIGTERM', () => void shutdown());
  } catch (e) {
    const error = toErrorShape(e, host.language(), () => {});
    const shown = error.code === 'INTERNAL' && e instanceof Error ? { ...error, message: e.message } : error;
    process.stderr.write(`${JSON.stringify({ error: { code: shown.code, message: shown.message } })}\n`);
    await host.close();
    process.exitCode = 1;
  }
}

await new Command('baobei-web')
  .description('Serves Baobei to a browser on 127.0.0.1, guarded by a token for this run')
  .requiredOption('--db <file>', 'database file; created with an empty schema when missing')
  .option('--port <n>', 'port on 127.0.0.1; 0 picks a free one', parsePort, 0)
  .option('--config-dir <dir>', "this PC's settings (language, last user)", path.join(os.homedir(), '.config', 'baobei-web'))
  .option('--backup-dir <dir>', 'folder for automatic rotating backups (off when not given)')
  .action(serve)
  .parseAsync();
