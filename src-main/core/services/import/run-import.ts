import type { SessionUser } from '../../../../src-shared/contract';
import type { ImportMapping, ImportReport, ImportRowResult, RowIssue } from '../../../../src-shared/contract/import';
import type { Language } from '../../../../src-shared/contract/system';
import { translate } from '../../../../src-shared/i18n';
import { type Clock, isoNow, localToday } from '../../clock';
import type { Database } from '../../db/database';
import { isAppError } from '../../errors';
import { recordAudit } from '../audit/record';
import { readOfficeSettings } from '../office/settings';
import type { Table } from './file/table';
import { rememberMapping } from './mappings-store';
import { Pacer } from './progress';
import { type Classified, classifyRow } from './rows/classify';
import { planColumns } from './rows/columns';
import { createOwners, type OwnerResolution, resolveOwners } from './rows/owners';
import { type IssueDraft, type ParsedRow, parseRow } from './rows/parse-row';
import type { WriteContext } from './rows/write-context';
import { mayProtect, type WrittenRow, writeRow } from './rows/write-row';

export interface ImportRun {
  db: Database;
  table: Table;
  fileName: string;
  mapping: ImportMapping;
  importer: SessionUser;
  clock: Clock;
  language: Language;
  dryRun: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** Thrown at the end of a dry run so the transaction rolls back; carries what the run found. */
class DryRunRollback extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run');
  }
}

/** What an import changes, for the change feed: registrations, the review queue, the pool, users, the audit log, the remembered mappings. */
const importAreas = ['registrations', 'reviews', 'pool', 'users', 'audit', 'settings'] as const;

/**
 * Imports a table row by row in file order, in one write transaction: a real run commits every valid
 * row or, when anything unexpected fails, nothing; a dry run does exactly the same work and rolls it
 * back, so it reports the same results, conflicts between rows of the same file included. Rows are
 * read and checked before the transaction starts, so the lease is held only for the writing.
 */
export async function runImport(run: ImportRun): Promise<ImportReport> {
  const plan = planColumns(run.table.headers, run.mapping);
  const today = localToday(run.clock);
  const thisYear = run.clock.now().getFullYear();
  const parsed = run.table.rows.map((row) => parseRow(row, plan, run.mapping, thisYear));
  const classified = parsed.map((row) => classifyRow(row, run.mapping, today));
  const ownerValues = new Set(parsed.map((row) => row.owner).filter(Boolean));
  try {
    return await run.db.write([...importAreas], async (q, tx) => {
      const nowIso = isoNow(run.clock);
      const { settings } = await readOfficeSettings(q);
      const resolutions = await resolveOwners(q, ownerValues, run.mapping, run.importer);
      const ownerIds = await createOwners(q, resolutions, run.importer, nowIso);
      const ctx: WriteContext = { q, importer: run.importer, nowIso, settings, language: run.language };
      const createdRows = new Map<number, number>();
      const pacer = new Pacer(tx, parsed.length, run.onProgress ?? (() => {}));
      const rows: ImportRowResult[] = [];
      for (const [i, row] of parsed.entries()) {
        const owner = ownerOf(row, resolutions, ownerIds, run.importer);
        const written = await importRow(ctx, classified[i]!, owner, (step) => tx.savepoint(step));
        if ('registrationId' in written && written.registrationId !== undefined) createdRows.set(written.registrationId, row.number);
        rows.push(toResult(row.number, written, { language: run.language, dryRun: run.dryRun, createdRows }));
        await pacer.step(i + 1);
      }
      pacer.finish();
      const report = summarize(rows, resolutions, run.dryRun);
      if (run.dryRun) throw new DryRunRollback(report);
      await rememberMapping(q, run.table.headers, run.mapping, run.importer.id, nowIso);
      await recordAudit(q, { at: nowIso, userId: run.importer.id, operation: 'import.run', entity: 'import', entityId: null, after: { file: run.fileName, ...report.summary } });
      return report;
    });
  } catch (e) {
    if (e instanceof DryRunRollback) return e.report;
    throw e;
  }
}

/** The row's owner id, the importer's for an empty owner cell, or the issue of an owner value that is nobody. */
function ownerOf(row: ParsedRow, resolutions: Map<string, OwnerResolution>, ids: Map<string, number>, importer: SessionUser): number | IssueDraft {
  if (!row.owner) return importer.id;
  const id = ids.get(row.owner);
  if (id !== undefined) return id;
  const resolution = resolutions.get(row.owner);
  return { field: 'owner', key: 'import.v.ownerUnknown', params: { value: resolution && 'unknown' in resolution ? resolution.unknown : row.owner } };
}

/**
 * One row in a savepoint of its own: a conflict found only by the database (the one-active-protection
 * index) undoes just this row. Any other failure is fatal and ends the whole run.
 */
async function importRow(
  ctx: WriteContext,
  c: Classified,
  owner: number | IssueDraft,
  savepoint: <T>(step: () => Promise<T>) => Promise<T>,
): Promise<WrittenRow | { outcome: 'invalid'; errors: IssueDraft[] }> {
  const ownerIssue = typeof owner === 'number' ? [] : [owner];
  if (!c.valid) return { outcome: 'invalid', errors: [...c.issues, ...ownerIssue] };
  if (typeof owner !== 'number') return { outcome: 'invalid', errors: ownerIssue };
  // Only a row that may be protected can meet the protection index; history rows need no savepoint.
  if (!mayProtect(c, ctx)) return writeRow(ctx, c, owner);
  try {
    return await savepoint(() => writeRow(ctx, c, owner));
  } catch (e) {
    if (isAppError(e) && e.code === 'CONFLICT') return { outcome: 'conflict', errors: [{ key: e.key, ...(e.params ? { params: e.params } : {}) }] };
    throw e;
  }
}

interface ResultContext {
  language: Language;
  dryRun: boolean;
  /** Registrations created by this run → their row, so a conflict between two rows names the row. */
  createdRows: Map<number, number>;
}

function toResult(row: number, w: WrittenRow | { outcome: 'invalid'; errors: IssueDraft[] }, rc: ResultContext): ImportRowResult {
  const issue = (d: IssueDraft): RowIssue => ({ ...(d.field ? { field: d.field } : {}), key: d.key, message: translate(rc.language, d.key, d.params) });
  const result: ImportRowResult = { row, status: w.outcome === 'invalid' ? 'invalid' : w.outcome };
  if ('registrationId' in w && w.registrationId !== undefined && !rc.dryRun) result.registrationId = w.registrationId;
  if ('registrationStatus' in w && w.registrationStatus) result.registrationStatus = w.registrationStatus;
  if (w.errors?.length) result.errors = w.errors.map(issue);
  if ('notes' in w && w.notes?.length) result.notes = w.notes.map(issue);
  if ('matches' in w && w.matches?.length) {
    result.conflicts = w.matches.map((m) => {
      const fromRow = rc.createdRows.get(m.registrationId);
      // A dry run's own registrations are rolled back: their ids would name nothing.
      const id = rc.dryRun && fromRow !== undefined ? {} : { registrationId: m.registrationId };
      return { ...id, ...(fromRow !== undefined ? { row: fromRow } : {}), level: m.level, signals: m.signals };
    });
  }
  return result;
}

function summarize(rows: ImportRowResult[], resolutions: Map<string, OwnerResolution>, dryRun: boolean): ImportReport {
  const count = (status: ImportRowResult['status']) => rows.filter((r) => r.status === status).length;
  const byStatus: Record<string, number> = {};
  for (const r of rows) if (r.registrationStatus) byStatus[r.registrationStatus] = (byStatus[r.registrationStatus] ?? 0) + 1;
  const createdUsers = [...resolutions.values()].flatMap((r) => ('create' in r ? [r.create] : []));
  return {
    dryRun,
    rows,
    summary: { total: rows.length, created: count('created'), invalid: count('invalid'), conflict: count('conflict'), byStatus },
    createdUsers,
  };
}
