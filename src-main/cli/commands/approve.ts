import { type Command, InvalidArgumentError } from 'commander';
import { itemError, resultsOrFailure } from '../item-results';
import { t } from '../language';
import { type ActingUserOptions, asUser } from '../open';
import { asOption, dbOption } from '../options';
import { run } from '../run';

function collectId(value: string, previous: number[] = []): number[] {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id < 1) throw new InvalidArgumentError(value);
  return [...previous, id];
}

/**
 * `baobei approve`: approves submitted registrations into protection, each in its own transaction,
 * through the same operation as the review screen's one-step approval. An id whose customer is
 * protected already fails with CONFLICT in its slot, and the command exits non-zero.
 */
export function registerApprove(program: Command): void {
  program
    .command('approve')
    .description(t('cli.approve'))
    .addOption(dbOption())
    .addOption(asOption())
    .argument('<ids...>', t('cli.approve.ids'), collectId)
    .action((ids: number[], options: ActingUserOptions) =>
      run(async () => {
        const slots = await asUser(options, async (app) => {
          const results = [];
          for (const id of ids) {
            try {
              const r = await app.call('registrations.approve', { id });
              results.push({ id, customerName: r.customerName, status: r.status, protectedUntil: r.protectedUntil });
            } catch (e) {
              results.push({ id, ...itemError(e) });
            }
          }
          return results;
        });
        return resultsOrFailure(slots);
      }),
    );
}
