import type { Command } from 'commander';
import { AppError } from '../../core/errors';
import { CliFailure, errorShape } from '../failure';
import { t } from '../language';
import { withDatabase } from '../open';
import { dbOption } from '../options';
import { run } from '../run';

/**
 * `baobei check`: integrity and schema version, for scripts and monitoring. The report always goes to
 * stdout; the exit code is 0 only when the file is intact and this version of Baobei may write to it.
 */
export function registerCheck(program: Command): void {
  program
    .command('check')
    .description(t('cli.check'))
    .addOption(dbOption())
    .action((options: { db: string }) =>
      run(() =>
        withDatabase(options.db, async (db) => {
          const integrity = await db.integrityCheck();
          const report = {
            db: db.file,
            healthy: integrity === 'ok' && !db.readOnly,
            integrity,
            schemaVersion: db.schemaVersion,
            appSchemaVersion: db.appSchemaVersion,
          };
          if (db.readOnly) throw new CliFailure(errorShape(new AppError('SCHEMA_TOO_NEW')), report);
          if (integrity !== 'ok') throw new CliFailure(errorShape(new AppError('DB_UNAVAILABLE', 'error.notADatabase')), report);
          return report;
        }),
      ),
    );
}
