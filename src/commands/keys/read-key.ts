import { InterruptedError, UsageError } from '../../errors.js';

/** What `keys set` reads a key from: the process's stdin (a terminal or a pipe). */
export interface KeyInput {
  readonly isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
  setEncoding(encoding: BufferEncoding): unknown;
  on(event: 'data', listener: (chunk: string) => void): unknown;
  on(event: 'end' | 'error', listener: (error?: Error) => void): unknown;
  removeAllListeners(event?: string): unknown;
  resume(): unknown;
  pause(): unknown;
}

const MAX_INPUT = 64 * 1024;

/** Everything piped in, up to 64 kB (a key is far shorter; more means the wrong input). */
export function readAll(input: KeyInput): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    input.setEncoding('utf8');
    input.on('data', (chunk) => {
      text += chunk;
      if (text.length > MAX_INPUT) {
        input.removeAllListeners();
        input.pause();
        reject(new UsageError('standard input holds more than 64 kB, which is not a key'));
      }
    });
    input.on('end', () => resolve(text));
    input.on('error', (error) => reject(error ?? new Error('standard input failed')));
    input.resume();
  });
}

/**
 * Reads a line from a terminal without echoing it: raw mode, so nothing the user types is shown;
 * Backspace edits, Enter ends, Ctrl-C interrupts (exit 130), Ctrl-D ends early.
 */
export function promptHidden(
  input: KeyInput,
  output: { write(text: string): unknown },
  label: string,
): Promise<string> {
  if (input.isTTY !== true || input.setRawMode === undefined) {
    return Promise.reject(
      new UsageError('standard input is not a terminal, so the key cannot be typed at a hidden prompt', {
        hint: 'pipe the key in with --stdin, e.g. pass show stockato/polygon | stockato keys set polygon --stdin',
      }),
    );
  }
  const setRaw = input.setRawMode.bind(input);
  output.write(`${label}: `);
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: Error) => {
      setRaw(false);
      input.removeAllListeners('data');
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    setRaw(true);
    input.setEncoding('utf8');
    input.on('data', (chunk) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish();
        if (char === '\u0003') return finish(new InterruptedError());
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    });
    input.resume();
  });
}
