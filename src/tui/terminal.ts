import { writeSync } from 'node:fs';

const ENTER = '\x1b[?1049h\x1b[?25l\x1b[H\x1b[2J';
const LEAVE = '\x1b[?25h\x1b[?1049l';

export interface ScreenStream {
  readonly fd?: number;
  write(text: string): boolean;
}

/**
 * Switches to the alternate screen (hidden cursor) and returns a restore function that is safe
 * to call any number of times. Restoring also happens on process exit (a SIGTERM, a crash, an
 * exit from anywhere), written synchronously because nothing asynchronous runs at exit.
 * `onLeave` runs just before the screen is left, so that a renderer can stop drawing: Ink's own
 * exit hook runs after ours and would otherwise paint its last frame over the user's shell.
 */
export function enterAlternateScreen(stream: ScreenStream, fd = 1, onLeave: () => void = () => undefined): () => void {
  let active = true;
  stream.write(ENTER);
  const restoreAtExit = () => {
    if (!active) return;
    active = false;
    onLeave();
    try {
      writeSync(fd, LEAVE);
    } catch {
      // stdout is gone (the terminal closed): nothing left to restore.
    }
  };
  process.on('exit', restoreAtExit);
  return () => {
    process.off('exit', restoreAtExit);
    if (!active) return;
    active = false;
    onLeave();
    stream.write(LEAVE);
  };
}

/**
 * Until the returned function is called, a crash anywhere (an uncaught exception or rejection)
 * first restores the terminal, then reports, then exits 1; without this the shell would be left
 * on the alternate screen with no cursor.
 */
export function restoreOnCrash(restore: () => void, report: (error: unknown) => void): () => void {
  const onCrash = (error: unknown) => {
    restore();
    report(error);
    process.exit(1);
  };
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  return () => {
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  };
}

/**
 * The stdin Ink reads keys from, with one change: when Ink turns raw mode off, stdin is closed
 * at once. Ink does that only when its last input hook goes, which for the dashboard (one input
 * hook, always active) means it is unmounting. Without this, the line a user types between
 * quitting and the process ending (the terminal is cooked again and echoes it) would be read and
 * dropped by this process instead of reaching their shell; pausing the stream does not stop
 * Node reading the terminal, closing it does.
 */
export function keyboardUntilRawModeEnds(stdin: NodeJS.ReadStream): NodeJS.ReadStream {
  const setRawMode = (mode: boolean): NodeJS.ReadStream => {
    stdin.setRawMode(mode);
    if (!mode) stdin.destroy();
    return proxy;
  };
  const proxy: NodeJS.ReadStream = new Proxy(stdin, {
    get(target, property) {
      if (property === 'setRawMode') return setRawMode;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return proxy;
}

// An optional synchronized-update start, then a relative move up at the very start of a write.
// eslint-disable-next-line no-control-regex -- matching terminal escape sequences is the point
const LEADING_CURSOR_UP = /^((?:\x1b\[\?2026h)?)\x1b\[\d*A/;

/**
 * The stdout Ink writes to, with one correction for full-screen use. Ink 6.8's incremental
 * renderer returns to the top of the previous frame with a relative cursor-up that is one line
 * short when the frame ended in a newline (as every frame shorter than the screen does), so each
 * frame would land a line lower than the last. The dashboard always draws from the top-left of
 * the alternate screen, so a leading cursor-up becomes cursor-home. Once `drawing()` turns false
 * (the alternate screen was left) writes are dropped. Everything else (size,
 * resize events, isTTY) is the real stream's.
 */
export function fullScreenStdout(stdout: NodeJS.WriteStream, drawing: () => boolean = () => true): NodeJS.WriteStream {
  const write = (chunk: unknown, ...rest: unknown[]): boolean => {
    if (!drawing()) return true; // the screen was given back: nothing more is painted on it
    const text = typeof chunk === 'string' ? chunk.replace(LEADING_CURSOR_UP, '$1\x1b[H') : chunk;
    return (stdout.write as (...args: unknown[]) => boolean)(text, ...rest);
  };
  return new Proxy(stdout, {
    get(target, property) {
      if (property === 'write') return write;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
