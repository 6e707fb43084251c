import type { Command } from 'commander';
import type { InputOf } from '../../../src-shared/contract';
import { parseJsonOption } from '../json-input';
import { t } from '../language';
import { type ActingUserOptions, asUser } from '../open';
import { asOption, dbOption } from '../options';
import { run } from '../run';

interface ConflictsOptions extends ActingUserOptions {
  json: string;
}

/**
 * `baobei conflicts`: the live conflict check of the registration form. What the caller sees depends
 * on the role, as in the app: a salesperson learns only that a customer is taken and until when.
 */
export function registerConflicts(program: Command): void {
  program
    .command('conflicts')
    .description(t('cli.conflicts'))
    .addOption(dbOption())
    .addOption(asOption())
    .requiredOption('--json <json>', t('cli.conflicts.json'))
    .action((options: ConflictsOptions) =>
      run(async () => {
        const probe = parseJsonOption(options.json);
        // The dispatcher validates it, as it does for the renderer.
        return asUser(options, (app) => app.call('conflicts.check', probe as InputOf<'conflicts.check'>));
      }),
    );
}
