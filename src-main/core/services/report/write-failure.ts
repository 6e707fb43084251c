import type ExcelJS from 'exceljs';

/**
 * exceljs tells of an error writing the workbook's file (a full disk) only on the file's own stream,
 * and its zip then waits for ever. This watches that stream: an error aborts `signal`, so the sheets
 * stop as they would on a cancel, and rejects `failed`; `error()` is that error, or null.
 */
export function watchWrites(wb: ExcelJS.stream.xlsx.WorkbookWriter, cancel?: AbortSignal) {
  const stop = new AbortController();
  let error: unknown = null;
  const failed = new Promise<never>((_, reject) => {
    (wb as unknown as { stream?: NodeJS.EventEmitter }).stream?.once('error', (e: unknown) => {
      error = e;
      stop.abort(e);
      reject(e);
    });
  });
  // Only awaited while writing; an error after that has nobody left to tell.
  failed.catch(() => {});
  return { signal: cancel ? AbortSignal.any([cancel, stop.signal]) : stop.signal, failed, error: () => error };
}
