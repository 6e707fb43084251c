import { CliFailure, errorShape } from './failure';

/**
 * Runs one command: what it returns goes to stdout as JSON; a failure goes to stderr as one line
 * `{"error":{"code","message"[,"details"]}}` and the exit code becomes 1.
 */
export async function run(body: () => Promise<unknown>): Promise<void> {
  try {
    printData(await body());
  } catch (e) {
    if (e instanceof CliFailure && e.report !== undefined) printData(e.report);
    printError(errorShape(e));
    process.exitCode = 1;
  }
}

function printData(data: unknown): void {
  process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
}

export function printError(error: { code: string; message: string; details?: unknown }): void {
  const { code, message, details } = error;
  process.stderr.write(`${JSON.stringify({ error: details === undefined ? { code, message } : { code, message, details } })}\n`);
}
