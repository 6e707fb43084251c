import { type Command, Option } from 'commander';
import { type Role, roles } from '../../../src-shared/contract';
import { t } from '../language';
import { type ActingUserOptions, asUser } from '../open';
import { asOption, dbOption, displayNameOption } from '../options';
import { readPassword } from '../password';
import { run } from '../run';

interface AddOptions extends ActingUserOptions {
  name: string;
  role: Role;
  displayName?: string;
}

/** `baobei user add|list`: the admin screens' user operations, under the same role checks. */
export function registerUser(program: Command): void {
  const user = program.command('user').description(t('cli.user'));

  user
    .command('add')
    .description(t('cli.user.add'))
    .addOption(dbOption())
    .addOption(asOption())
    .requiredOption('--name <username>', t('cli.user.add.name'))
    .addOption(new Option('--role <role>', t('cli.user.add.role')).choices(roles).makeOptionMandatory())
    .addOption(displayNameOption())
    .action((options: AddOptions) =>
      run(async () => {
        const password = await readPassword({
          env: 'BAOBEI_NEW_PASSWORD',
          prompt: t('cli.prompt.newPassword', { username: options.name }),
          confirm: true,
        });
        return asUser(options, (app) =>
          app.call('users.create', { username: options.name, displayName: options.displayName ?? options.name, role: options.role, password }),
        );
      }),
    );

  user
    .command('list')
    .description(t('cli.user.list'))
    .addOption(dbOption())
    .addOption(asOption())
    .action((options: ActingUserOptions) => run(() => asUser(options, (app) => app.call('users.list', { includeInactive: true }))));
}
