import { render } from 'ink-testing-library';
import { createElement } from 'react';
import type { Clock } from '../../src/engine/clock.js';
import { createDemoProvider } from '../../src/providers/demo/provider.js';
import { openStore, type Store } from '../../src/store/store.js';
import { App } from '../../src/tui/app.js';
import { createDashStore } from '../../src/tui/store/create-dash-store.js';
import type { DashStore } from '../../src/tui/store/dash-store.js';
import { chooseTheme } from '../../src/tui/theme.js';
import { createTempHome, type TempHome } from '../helpers/temp-home.js';

/** Wednesday 2026-03-04 16:07 UTC: equities in their regular session. */
export const T = Date.UTC(2026, 2, 4, 16, 7, 31);

// eslint-disable-next-line no-control-regex -- removing terminal escape sequences is the point
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
export const stripAnsi = (text: string) => text.replace(ANSI, '');

/** A clock a test moves by hand; the demo market prices at whatever it says. */
export function manualClock(startMs = T): Clock & { advance(ms: number): void } {
  let now = startMs;
  return { nowMs: () => now, advance: (ms) => (now += ms) };
}

export interface DashHarness {
  readonly dash: DashStore;
  readonly db: Store;
  readonly clock: ReturnType<typeof manualClock>;
  readonly quits: { count: number };
  frame(): string;
  press(...keys: string[]): Promise<void>;
  waitFor(predicate: (frame: string) => boolean, what: string): Promise<string>;
  close(): void;
}

/**
 * The real dashboard (App, DashStore, demo provider, poll feed, SQLite watchlists in a temp
 * folder) in ink-testing-library at a fixed size, without color.
 */
export function renderDashboard(size = { columns: 100, rows: 32 }): DashHarness {
  const home: TempHome = createTempHome();
  const db = openStore(home.path('stockato.db'));
  const clock = manualClock();
  const provider = createDemoProvider({ clock });
  const dash = createDashStore({
    provider,
    store: db,
    clock,
    refreshMs: 5_000,
    dailyTtlMs: 3_600_000,
    intradayTtlMs: 60_000,
  });
  dash.start();
  const quits = { count: 0 };
  const ink = render(
    createElement(App, {
      store: dash,
      theme: chooseTheme('dark', false),
      provider: provider.id,
      size,
      onQuit: () => quits.count++,
    }),
  );
  const frame = () => stripAnsi(ink.lastFrame() ?? '');
  const waitFor = async (predicate: (frame: string) => boolean, what: string) => {
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      if (predicate(frame())) return frame();
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`timed out waiting for ${what}; last frame:\n${frame()}`);
  };
  return {
    dash,
    db,
    clock,
    quits,
    frame,
    waitFor,
    async press(...keys) {
      for (const key of keys) {
        ink.stdin.write(key);
        await new Promise((r) => setTimeout(r, 15));
      }
    },
    close() {
      ink.unmount();
      dash.close();
      db.close();
      home.cleanup();
    },
  };
}
