import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../core/db/database';
import { AppError } from '../../core/errors';
import { verifyAuditChain } from '../../core/services/audit/verify';
import { auditWorkbook } from '../audit-workbook';
import { CliFailure, errorShape } from '../failure';
import { t } from '../language';
import { type ActingUserOptions, type CliApp, asUser, withDatabase } from '../open';
import { asOption, dbOption } from '../options';
import { run } from '../run';

/** audit.list's largest page. */
const PAGE = 500;

/**
 * The whole log, newest first, page by page. Entries committed meanwhile push older ones down a page;
 * skipping every id already written keeps each entry exactly once.
 */
async function exportLog(app: CliApp, file: string): Promise<number> {
  const sheet = auditWorkbook(file);
  try {
    let lowestWritten = Number.POSITIVE_INFINITY;
    for (let offset = 0; ; offset += PAGE) {
      const { items } = await app.call('audit.list', { limit: PAGE, offset });
      for (const entry of items.filter((e) => e.id < lowestWritten)) {
        sheet.add(entry);
        lowestWritten = entry.id;
      }
      if (items.length < PAGE) break;
    }
    return await sheet.finish();
  } catch (e) {
    await sheet.abort();
    throw e;
  }
}

/** The stored row of the first broken entry, as a database tool would show it, for whoever investigates. */
const storedEntry = (db: Database, id: number) => db.read((q) => q.selectFrom('audit_log').selectAll().where('id', '=', id).executeTakeFirst());

/** `baobei audit verify|export`: the audit chain checked on the file itself, and the log as a workbook. */
export function registerAudit(program: Command): void {
  const audit = program.command('audit').description(t('cli.audit'));

  audit
    .command('verify')
    .description(t('cli.audit.verify'))
    .addOption(dbOption())
    .action((options: { db: string }) =>
      run(() =>
        // No --as: whoever holds the file can check it, as with `check`, and no account in it is trusted.
        withDatabase(options.db, async (db) => {
          const result = await verifyAuditChain(db);
          if (!result.firstBroken) return result;
          const { id, problem } = result.firstBroken;
          const report = { ...result, entry: (await storedEntry(db, id)) ?? null };
          throw new CliFailure(errorShape(new AppError('CONFLICT', 'cli.audit.broken', { id, problem })), report);
        }),
      ),
    );

  audit
    .command('export')
    .description(t('cli.audit.export'))
    .addOption(dbOption())
    .addOption(asOption())
    .requiredOption('--out <file>', t('cli.audit.out'))
    .action((options: ActingUserOptions & { out: string }) =>
      run(async () => {
        const out = path.resolve(options.out);
        if (fs.existsSync(out)) throw new AppError('CONFLICT', 'cli.outExists', { file: out });
        // Written under a temporary name, so a failure never leaves a truncated workbook behind.
        const partial = `${out}.partial`;
        try {
          const entries = await asUser(options, (app) => exportLog(app, partial));
          fs.renameSync(partial, out);
          return { file: out, entries };
        } finally {
          fs.rmSync(partial, { force: true });
        }
      }),
    );
}
