#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { registerApprove } from './commands/approve';
import { registerBackup } from './commands/backup';
import { registerCheck } from './commands/check';
import { registerConflicts } from './commands/conflicts';
import { registerDemo } from './commands/demo';
import { registerImport } from './commands/import';
import { registerInit } from './commands/init';
import { registerRegister } from './commands/register';
import { registerReport } from './commands/report';
import { registerUser } from './commands/user';
import { registerReview } from './commands/review';
import { registerAudit } from './commands/audit';
import { t } from './language';
import { printError } from './run';

/**
 * `baobei`: the app's operations from a shell, through the same dispatcher and role checks. A new
 * command is a `register…` function in commands/ built on `run` and `asUser` (see commands/user.ts).
 */
const program = new Command('baobei')
  .description(t('cli.description'))
  .version(pkg.version, '-V, --version', t('cli.versionOption'))
  .helpOption('-h, --help', t('cli.helpOption'))
  .helpCommand('help [command]', t('cli.helpOption'))
  // Set before the commands are added, which inherit them: usage errors become JSON like every other failure.
  .exitOverride()
  .configureOutput({ outputError: () => {} });

registerInit(program);
registerUser(program);
registerCheck(program);
registerBackup(program);
registerRegister(program);
registerApprove(program);
registerConflicts(program);
registerDemo(program);
registerReport(program);
registerImport(program);
registerReview(program);
registerAudit(program);

/** Exit code for a command line that could not be understood, apart from 1 for a command that failed. */
const USAGE_ERROR = 2;
const alreadyShown = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

try {
  await program.parseAsync();
} catch (e) {
  if (!(e instanceof CommanderError)) throw e;
  if (alreadyShown.has(e.code)) {
    process.exitCode = e.exitCode;
  } else {
    printError({ code: 'VALIDATION', message: e.message.replace(/^error: /, '') });
    process.exitCode = USAGE_ERROR;
  }
}
