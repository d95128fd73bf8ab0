import { render } from 'ink';
import type { LiveStream } from '../providers/stream/types.js';
import { App } from './app.js';
import type { DashWiring } from './store/create-dash-store.js';
import { chooseFeed, createDashStore } from './store/create-dash-store.js';
import { createDeferredFeed } from './store/deferred-feed.js';
import { enterAlternateScreen, fullScreenStdout, keyboardUntilRawModeEnds, restoreOnCrash } from './terminal.js';
import type { Theme } from './theme.js';
import { keepHeapSmall } from './heap-size.js';

export interface DashTerminal {
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

/** Frames per second at most; the store publishes ~10 snapshots a second, so more is wasted. */
export const DASH_MAX_FPS = 12;

/**
 * Runs the dashboard full screen until the user quits. The terminal is restored on quit, on a
 * render error, on a crash and on exit from a signal (see terminal.ts). `openStream`, when given,
 * is called only after the first frame is on screen (a stream takes a while to load and connect;
 * the layout and the watchlist need none of it); without a stream it resolves to undefined and
 * quotes are polled.
 */
export async function runDashboard(
  wiring: DashWiring,
  theme: Theme,
  terminal: DashTerminal,
  openStream?: () => Promise<LiveStream | undefined>,
): Promise<void> {
  let firstFrameShown: () => void = () => undefined;
  const shown = new Promise<void>((resolve) => (firstFrameShown = resolve));
  const feed = openStream
    ? createDeferredFeed(
        wiring.provider.id,
        shown.then(openStream).then((live) => chooseFeed(live ? { ...wiring, liveStream: live } : wiring)),
      )
    : chooseFeed(wiring);
  const store = createDashStore(wiring, feed);
  keepHeapSmall();
  let drawing = true;
  const restore = enterAlternateScreen(terminal.stdout, 1, () => (drawing = false));
  const stopCrashGuard = restoreOnCrash(restore, (error) => {
    terminal.stderr.write(`error: the dashboard crashed: ${error instanceof Error ? error.stack : String(error)}\n`);
  });
  store.start();
  try {
    const ink = render(<App store={store} theme={theme} provider={wiring.provider.id} />, {
      stdin: keyboardUntilRawModeEnds(terminal.stdin),
      stdout: fullScreenStdout(terminal.stdout, () => drawing),
      stderr: terminal.stderr,
      exitOnCtrlC: false,
      patchConsole: true,
      maxFps: DASH_MAX_FPS,
      incrementalRendering: true,
    });
    // Ink wrote the first frame inside render(); the next turn is after it reached the terminal.
    setImmediate(firstFrameShown);
    await ink.waitUntilExit();
  } finally {
    store.close();
    restore();
    stopCrashGuard();
  }
}
