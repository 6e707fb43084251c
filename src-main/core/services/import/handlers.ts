import type { importContract } from '../../../../src-shared/contract/import';
import { translate } from '../../../../src-shared/i18n';
import { type HandlerContext, type HandlersFor, requireDb, requireUser } from '../../handler';
import { errorReportWorkbook } from './error-report';
import { readImportFile } from './file/read-file';
import { previewTable } from './preview';
import { runImport } from './run-import';

type ImportHandlers = HandlersFor<typeof importContract>;
type RunInput = Parameters<ImportHandlers['import.run']>[0];

/** A dry run and a real run are one code path; only the ending differs (rollback or commit). */
const run = (dryRun: boolean) => async (input: RunInput, ctx: HandlerContext) => {
  const { importId } = input;
  return runImport({
    db: requireDb(ctx),
    table: await readImportFile(input.file),
    fileName: input.file.name,
    mapping: input.mapping,
    importer: requireUser(ctx),
    clock: ctx.clock,
    language: ctx.language,
    dryRun,
    // Progress goes to every window as an event; the one that chose the id shows it.
    onProgress: importId === undefined ? undefined : (done, total) => ctx.host.emit('import.progress', { importId, done, total }),
  });
};

export const importHandlers = {
  'import.preview': async (input, ctx) => {
    const me = requireUser(ctx);
    const table = await readImportFile(input.file);
    return requireDb(ctx).read((q) => previewTable(q, table, input.sampleRows, me));
  },
  'import.dryRun': run(true),
  'import.run': run(false),
  'import.errorReport': async (input, ctx) => {
    const table = await readImportFile(input.file);
    const workbook = await errorReportWorkbook(table, input.rows, ctx.language);
    const name = input.file.name.replace(/\.[^.]+$/, '');
    return { fileName: translate(ctx.language, 'import.report.fileName', { name }), data: workbook.toString('base64') };
  },
} satisfies ImportHandlers;
