import { AppError } from '../core/errors';
import { t } from './language';

export interface PasswordSource {
  /** The environment variable that carries it in scripts. */
  env: 'BAOBEI_PASSWORD' | 'BAOBEI_NEW_PASSWORD';
  prompt: string;
  /** Ask twice when setting a password, so a typo does not lock the user out. */
  confirm: boolean;
}

/** From the environment, else typed on the terminal without echo; without a terminal it is an error, never a hang. */
export async function readPassword(source: PasswordSource): Promise<string> {
  const given = process.env[source.env];
  if (given) return given;
  if (!process.stdin.isTTY) throw new AppError('VALIDATION', 'cli.passwordNeeded', { env: source.env });
  const first = await promptHidden(source.prompt);
  if (source.confirm && (await promptHidden(t('cli.prompt.repeat'))) !== first) throw new AppError('VALIDATION', 'cli.passwordMismatch');
  return first;
}

/** Reads one line in raw mode, echoing nothing; the prompt goes to stderr because stdout carries the JSON result. */
function promptHidden(prompt: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      // Arrow and function keys arrive as one escape sequence per chunk: not part of a password.
      if (chunk.startsWith('\u001b')) return;
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          finish();
          resolve(typed);
          return;
        }
        if (ch === '\u0003') {
          finish();
          reject(new AppError('VALIDATION', 'cli.cancelled'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else if (ch >= ' ') typed += ch;
      }
    };
    input.on('data', onData);
  });
}
