import fs from 'node:fs';
import path from 'node:path';

/** Writes what went wrong where support can read it; the UI only ever gets a translated message. */
export type Logger = (context: string, error?: unknown) => void;

const MAX_BYTES = 1024 * 1024;

/** Appends to a log file; when it outgrows MAX_BYTES the previous one is kept as `<file>.1`. */
export function fileLogger(file: string): Logger {
  return (context, error) => {
    const detail = error === undefined ? '' : ` ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    const line = `${new Date().toISOString()} ${context}${detail}\n`;
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      if (fs.existsSync(file) && fs.statSync(file).size > MAX_BYTES) fs.renameSync(file, `${file}.1`);
      fs.appendFileSync(file, line);
    } catch {
      // The log folder itself is unwritable: stderr is all that is left.
      process.stderr.write(line);
    }
  };
}
