import { render } from 'ink';
import { App } from './app.js';
import type { DashWiring } from './store/create-dash-store.js';
import { createDashStore } from './store/create-dash-store.js';
import { enterAlternateScreen, fullScreenStdout, restoreOnCrash } from './terminal.js';
import type { Theme } from './theme.js';

export interface DashTerminal {
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

/** Frames per second at most; the store publishes ~10 snapshots a second, so more is wasted. */
export const DASH_MAX_FPS = 12;

/**
 * Runs the dashboard full screen until the user quits. The terminal is restored on quit, on a
 * render error, on a crash and on exit from a signal (see terminal.ts).
 */
export async function runDashboard(wiring: DashWiring, theme: Theme, terminal: DashTerminal): Promise<void> {
  const store = createDashStore(wiring);
  const restore = enterAlternateScreen(terminal.stdout);
  const stopCrashGuard = restoreOnCrash(restore, (error) => {
    terminal.stderr.write(`error: the dashboard crashed: ${error instanceof Error ? error.stack : String(error)}\n`);
  });
  store.start();
  try {
    const ink = render(<App store={store} theme={theme} provider={wiring.provider.id} />, {
      stdin: terminal.stdin,
      stdout: fullScreenStdout(terminal.stdout),
      stderr: terminal.stderr,
      exitOnCtrlC: false,
      patchConsole: true,
      maxFps: DASH_MAX_FPS,
      incrementalRendering: true,
    });
    await ink.waitUntilExit();
  } finally {
    store.close();
    restore();
    stopCrashGuard();
  }
}
