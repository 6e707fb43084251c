import { type Command, Option } from 'commander';
import path from 'node:path';
import { reportFiltersSchema } from '../../../src-shared/contract/report';
import { localToday, systemClock } from '../../core/clock';
import type { Database } from '../../core/db/database';
import { AppError } from '../../core/errors';
import { exportReport } from '../../core/services/report/export-report';
import { cliLanguage, t } from '../language';
import { type ActingUserOptions, asUser } from '../open';
import { asOption, dbOption } from '../options';
import { run } from '../run';

interface ReportOptions extends ActingUserOptions {
  out: string;
  from?: string;
  to?: string;
  owner?: string;
}

/** The start of "since ever", for a period given by its end alone. */
const EARLIEST = '2000-01-01';

async function ownerId(db: Database, name: string): Promise<number> {
  const row = await db.read((q) =>
    q.selectFrom('users').select('id').where((eb) => eb.or([eb('username', '=', name), eb('display_name', '=', name)])).orderBy('id').executeTakeFirst(),
  );
  if (!row) throw new AppError('NOT_FOUND', 'cli.report.unknownOwner', { name });
  return row.id;
}

/**
 * `baobei report`: the funnel report workbook for scheduled reports, the same as the screen's export.
 * The figures come through the dispatcher's `funnel.report` as the signed-in user, and the opportunity
 * list through the same role scope, so a salesperson exports only their own here too. `seconds` is
 * the export's own time, for the logs of scheduled reports.
 */
export function registerReport(program: Command): void {
  program
    .command('report')
    .description(t('cli.report'))
    .addOption(dbOption())
    .addOption(asOption())
    .addOption(new Option('--out <file>', t('cli.report.out')).makeOptionMandatory())
    .addOption(new Option('--from <date>', t('cli.report.from')))
    .addOption(new Option('--to <date>', t('cli.report.to')))
    .addOption(new Option('--owner <name>', t('cli.report.owner')))
    .action((options: ReportOptions) =>
      run(() =>
        asUser(options, async (app, me) => {
          const period = options.from || options.to ? { from: options.from ?? EARLIEST, to: options.to ?? localToday(systemClock) } : undefined;
          const filters = reportFiltersSchema.parse({
            ...(period ? { period } : {}),
            ...(options.owner ? { ownerIds: [await ownerId(app.db, options.owner)] } : {}),
          });
          const file = path.resolve(options.out);
          const started = performance.now();
          const { opportunities } = await exportReport(
            {
              db: app.db,
              clock: systemClock,
              user: me,
              filters,
              language: cliLanguage(),
              funnelReport: (f) => app.call('funnel.report', { filters: f }),
            },
            file,
          );
          return { file, opportunities, filters, seconds: Math.round((performance.now() - started) / 100) / 10 };
        }),
      ),
    );
}
