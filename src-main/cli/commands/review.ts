import { type Command, InvalidArgumentError } from 'commander';
import type { Decision } from '../../../src-shared/contract';
import { t } from '../language';
import { type ActingUserOptions, type CliApp, asUser } from '../open';
import { asOption, dbOption } from '../options';
import { run } from '../run';

interface ApproveOptions extends ActingUserOptions {
  comment?: string;
  overrideComment?: string;
}

interface ReasonOptions extends ActingUserOptions {
  reason: string;
}

const registrationId = (value: string): number => {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw new InvalidArgumentError(t('cli.review.id'));
  return id;
};

/**
 * Approval from the command line confirms all five criteria. Where the automatic check failed, that is
 * an override and needs `--override-comment`; without it the server answers VALIDATION, naming the item.
 */
async function approve(app: CliApp, id: number, options: ApproveOptions) {
  const { registration, checks } = await app.call('review.detail', { id });
  const checklist = checks.map((c) => ({ criterion: c.criterion, passed: true, ...(!c.passed && options.overrideComment ? { comment: options.overrideComment } : {}) }));
  return app.call('review.decide', { id, version: registration.version, decision: 'approve', checklist, ...(options.comment ? { reason: options.comment } : {}) });
}

/** A return or rejection takes the automatic checklist as it is, with the reason the owner is sent. */
async function turnDown(app: CliApp, id: number, decision: Exclude<Decision, 'approve'>, reason: string) {
  const { registration } = await app.call('review.detail', { id });
  return app.call('review.decide', { id, version: registration.version, decision, reason, checklist: [] });
}

/** `baobei review list|approve|return|reject`: the review screen's operations, under the same role checks. */
export function registerReview(program: Command): void {
  const review = program.command('review').description(t('cli.review'));

  review
    .command('list')
    .description(t('cli.review.list'))
    .addOption(dbOption())
    .addOption(asOption())
    .action((options: ActingUserOptions) => run(() => asUser(options, async (app) => (await app.call('review.queue', {})).items)));

  review
    .command('approve')
    .description(t('cli.review.approve'))
    .argument('<id>', t('cli.review.id'), registrationId)
    .addOption(dbOption())
    .addOption(asOption())
    .option('--comment <text>', t('cli.review.comment'))
    .option('--override-comment <text>', t('cli.review.overrideComment'))
    .action((id: number, options: ApproveOptions) => run(() => asUser(options, (app) => approve(app, id, options))));

  for (const decision of ['return', 'reject'] as const) {
    review
      .command(decision)
      .description(t(`cli.review.${decision}`))
      .argument('<id>', t('cli.review.id'), registrationId)
      .addOption(dbOption())
      .addOption(asOption())
      .requiredOption('--reason <text>', t('cli.review.reason'))
      .action((id: number, options: ReasonOptions) => run(() => asUser(options, (app) => turnDown(app, id, decision, options.reason))));
  }
}
