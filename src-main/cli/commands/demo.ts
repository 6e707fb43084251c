import { type Command, InvalidArgumentError } from 'commander';
import path from 'node:path';
import { passwordSchema } from '../../../src-shared/contract/users';
import { Database } from '../../core/db/database';
import { generateDemo, maxDemoOpportunities } from '../../core/demo/generate';
import { seedOf } from '../../core/demo/random';
import { t } from '../language';
import { dbOption } from '../options';
import { run } from '../run';

interface DemoOptions {
  db: string;
  opportunities: number;
  seed: string;
}

const DEFAULT_PASSWORD = 'demo-pass-2026';

function opportunityCount(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1 || n > maxDemoOpportunities) throw new InvalidArgumentError(`1 – ${maxDemoOpportunities}`);
  return n;
}

/**
 * `baobei demo`: a realistic office in an empty database (created if missing), for trying the app and
 * for benchmarks. Every demo user (admin if the database had none, sales001…, reviewer01…) signs in
 * with BAOBEI_NEW_PASSWORD, or demo-pass-2026, which the output repeats when it is the default.
 */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(t('cli.demo'))
    .addOption(dbOption())
    .requiredOption('--opportunities <n>', t('cli.demo.opportunities'), opportunityCount)
    .option('--seed <seed>', t('cli.demo.seed'), '1')
    .action((options: DemoOptions) =>
      run(async () => {
        const fromEnv = process.env.BAOBEI_NEW_PASSWORD;
        const password = passwordSchema.parse(fromEnv ?? DEFAULT_PASSWORD);
        const started = performance.now();
        const db = await Database.open({ file: path.resolve(options.db), mode: 'openOrCreate' });
        try {
          const summary = await generateDemo(db, { opportunities: options.opportunities, seed: seedOf(options.seed), password });
          // Hundreds of usernames say no more than their range.
          const range = (names: string[]) => `${names[0]}…${names.at(-1)}`;
          const { admin, salespeople, reviewers } = summary.users;
          return {
            db: db.file,
            ...summary,
            users: { admin, salespeople: range(salespeople), reviewers: range(reviewers) },
            password: fromEnv ? '(BAOBEI_NEW_PASSWORD)' : DEFAULT_PASSWORD,
            seconds: Math.round((performance.now() - started) / 100) / 10,
          };
        } finally {
          await db.close();
        }
      }),
    );
}
