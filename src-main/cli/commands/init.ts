import type { Command } from 'commander';
import { contract } from '../../../src-shared/contract';
import { t } from '../language';
import { withApp } from '../open';
import { dbOption, displayNameOption } from '../options';
import { readPassword } from '../password';
import { run } from '../run';

interface InitOptions {
  db: string;
  admin: string;
  displayName?: string;
}

/** `baobei init`: a new database and its first administrator, as the app's first-run wizard makes them. */
export function registerInit(program: Command): void {
  program
    .command('init')
    .description(t('cli.init'))
    .addOption(dbOption())
    .requiredOption('--admin <username>', t('cli.init.admin'))
    .addOption(displayNameOption())
    .action((options: InitOptions) =>
      run(async () => {
        const password = await readPassword({
          env: 'BAOBEI_PASSWORD',
          prompt: t('cli.prompt.newPassword', { username: options.admin }),
          confirm: true,
        });
        const input = { username: options.admin, displayName: options.displayName ?? options.admin, password };
        // Validate before the file is created, so a mistyped name or short password leaves nothing behind.
        contract['setup.createAdmin'].input.parse(input);
        return withApp(options.db, 'openOrCreate', async (app) => {
          const { user } = await app.call('setup.createAdmin', input);
          return { db: app.dbFile, user };
        });
      }),
    );
}
