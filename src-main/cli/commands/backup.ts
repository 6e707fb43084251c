import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/errors';
import { t } from '../language';
import { withDatabase } from '../open';
import { dbOption } from '../options';
import { run } from '../run';

/** `baobei backup`: SQLite's online backup, taken under the lease so no PC writes halfway through it. */
export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description(t('cli.backup'))
    .addOption(dbOption())
    .requiredOption('--out <file>', t('cli.backup.out'))
    .action((options: { db: string; out: string }) =>
      run(async () => {
        const out = path.resolve(options.out);
        if (fs.existsSync(out)) throw new AppError('CONFLICT', 'cli.outExists', { file: out });
        return withDatabase(options.db, async (db) => {
          // Written under a temporary name, so a failure never leaves a truncated file that looks like a backup.
          const partial = `${out}.partial`;
          try {
            await db.backupTo(partial);
            fs.renameSync(partial, out);
          } finally {
            fs.rmSync(partial, { force: true });
          }
          return { db: db.file, file: out, at: db.clock.now().toISOString() };
        });
      }),
    );
}
