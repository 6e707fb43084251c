import type { Command } from 'commander';
import type { InputOf } from '../../../src-shared/contract';
import type { ConflictMatch, Status } from '../../../src-shared/contract/registrations';
import { type ItemError, itemError, resultsOrFailure } from '../item-results';
import { parseJsonOption } from '../json-input';
import { t } from '../language';
import { type ActingUserOptions, asUser, type CliApp } from '../open';
import { asOption, dbOption } from '../options';
import { run } from '../run';

interface RegisterOptions extends ActingUserOptions {
  json: string;
}

interface Registered {
  id: number;
  customerName: string;
  status: Status;
  conflicts: ConflictMatch[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The form's fields sit under `fields` in the operation; an item's error paths are said relative to the item. */
const itemPath = (path: (string | number)[]) => (path[0] === 'fields' ? path.slice(1) : path);

async function submitOne(app: CliApp, item: unknown): Promise<Registered | (ItemError & { customerName?: string })> {
  const { conflictJustification, ...fields } = isRecord(item) ? item : {};
  // The dispatcher validates the input: an item that is no form at all fails there, in its own slot.
  const input = { fields: isRecord(item) ? fields : item, ...(conflictJustification === undefined ? {} : { conflictJustification }) };
  try {
    const { registration, conflicts } = await app.call('registrations.submit', input as InputOf<'registrations.submit'>);
    return { id: registration.id, customerName: registration.customerName, status: registration.status, conflicts: conflicts.matches };
  } catch (e) {
    return { ...(isRecord(item) && typeof item.customerName === 'string' ? { customerName: item.customerName } : {}), ...itemError(e, itemPath) };
  }
}

/**
 * `baobei register`: submits one registration form or an array of them, each in its own transaction
 * like one click of "submit", in order. Every item is attempted; the output has one slot per item.
 */
export function registerRegister(program: Command): void {
  program
    .command('register')
    .description(t('cli.register'))
    .addOption(dbOption())
    .addOption(asOption())
    .requiredOption('--json <json>', t('cli.register.json'))
    .action((options: RegisterOptions) =>
      run(async () => {
        const parsed = parseJsonOption(options.json);
        const items = Array.isArray(parsed) ? parsed : [parsed];
        const slots = await asUser(options, async (app) => {
          const results = [];
          for (const item of items) results.push(await submitOne(app, item));
          return results;
        });
        return resultsOrFailure(slots);
      }),
    );
}
