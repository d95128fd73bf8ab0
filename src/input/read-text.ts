import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';

/** What `readTextInput` reads standard input from (process.stdin, or a test's stream). */
export type TextSource = AsyncIterable<string | Uint8Array>;

/**
 * The whole text of `--input PATH`, or of standard input for `-`. A file that cannot be read is a
 * usage error naming it (exit 2).
 */
export async function readTextInput(path: string, stdin: TextSource, option = '--input'): Promise<string> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? 'unreadable');
    throw new UsageError(`${option} ${path}: cannot read it (${reason})`, {
      hint: 'give a CSV file with a date,open,high,low,close,volume header, or - for standard input',
      cause: error,
    });
  }
}
