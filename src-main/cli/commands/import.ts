import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ImportFile } from '../../../src-shared/contract/import';
import { AppError } from '../../core/errors';
import { t } from '../language';
import { type ActingUserOptions, asUser } from '../open';
import { asOption, dbOption } from '../options';
import { run } from '../run';

interface ImportOptions extends ActingUserOptions {
  dryRun?: boolean;
  map?: string;
  report?: string;
}

/** Above this a file travels compressed, as the window sends it: the contract takes about 6 MB of base64. */
const COMPRESS_FROM_BYTES = 4 * 1024 * 1024;

function readUpload(file: string): ImportFile {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new AppError('VALIDATION', 'cli.import.unreadable', { file });
  }
  const name = path.basename(file);
  return bytes.length > COMPRESS_FROM_BYTES ? { name, compression: 'gzip', data: gzipSync(bytes).toString('base64') } : { name, data: bytes.toString('base64') };
}

function readMap(file: string): Record<string, unknown> {
  try {
    const map: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (typeof map === 'object' && map !== null && !Array.isArray(map)) return map as Record<string, unknown>;
  } catch {
    // Reported below, the same way as JSON that is no object.
  }
  throw new AppError('VALIDATION', 'cli.import.badMap', { file });
}

/**
 * `baobei import`: the import screen's operations from a shell. Without `--map` the file is mapped as
 * the screen would propose (or as remembered for its headers); a map file's keys replace the
 * proposal's (its `columns` name every column that is imported). Rows are printed in file order.
 */
export function registerImport(program: Command): void {
  program
    .command('import')
    .description(t('cli.import'))
    .argument('<file>', t('cli.import.file'))
    .addOption(dbOption())
    .addOption(asOption())
    .option('--dry-run', t('cli.import.dryRun'))
    .option('--map <file.json>', t('cli.import.map'))
    .option('--report <file.xlsx>', t('cli.import.report'))
    .action((file: string, options: ImportOptions) =>
      run(async () => {
        const upload = readUpload(path.resolve(file));
        const map = options.map === undefined ? {} : readMap(path.resolve(options.map));
        const reportFile = options.report === undefined ? undefined : path.resolve(options.report);
        if (reportFile && fs.existsSync(reportFile)) throw new AppError('CONFLICT', 'cli.outExists', { file: reportFile });
        return asUser(options, async (app) => {
          const preview = await app.call('import.preview', { file: upload, sampleRows: 1 });
          const mapping = { ...preview.mapping, ...map };
          const report = await app.call(options.dryRun ? 'import.dryRun' : 'import.run', { file: upload, mapping });
          if (reportFile) {
            const workbook = await app.call('import.errorReport', { file: upload, rows: report.rows });
            fs.writeFileSync(reportFile, Buffer.from(workbook.data, 'base64'));
          }
          return { rows: report.rows, summary: report.summary, createdUsers: report.createdUsers };
        });
      }),
    );
}
