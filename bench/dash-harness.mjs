// Shared by the dash-*.js benchmarks (not a benchmark itself: run-all.js runs only *.js). Bundles
// the real dashboard (store, App, Ink, React) with esbuild, the way scripts/build.js does, and runs
// it against an in-memory terminal and a synthetic feed, so figures measure the dashboard itself.
import { Buffer } from 'node:buffer';
import { EventEmitter } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { tuiBundlePatches } from '../scripts/tui-bundle-patches.js';

// Ink renders only the last frame when it believes it runs in CI; measure what a user sees.
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
// As `stockato dash` does (src/commands/dash.ts): React's production build.
process.env.NODE_ENV ??= 'production';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Builds the dashboard bundle (patched as scripts/build.js does unless `patched` is false); returns its file. */
export async function buildDashboard({ patched = !process.env.DASH_BENCH_UNPATCHED, name = String(process.pid) } = {}) {
  // Inside the checkout (dist/ is build output) so that external packages resolve from
  // node_modules; split like the real build so that Ink's optional devtools stay a lazy import.
  const dir = join(ROOT, 'dist', 'bench', name); // one per process: runs may overlap
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'dash-entry.ts');
  writeFileSync(
    entry,
    [
      "export { DashStore } from '../../../src/tui/store/dash-store.ts';",
      "export { memoryWatchlists } from '../../../src/tui/store/memory-watchlists.ts';",
      "export { ALERTS_WAITING } from '../../../src/tui/store/ports.ts';",
      "export { App } from '../../../src/tui/app.tsx';",
      "export { chooseTheme } from '../../../src/tui/theme.ts';",
      "export { fullScreenStdout } from '../../../src/tui/terminal.ts';",
      "export { DASH_MAX_FPS } from '../../../src/tui/run-dash.tsx';",
      "export { keepHeapSmall } from '../../../src/tui/heap-size.ts';",
      "export { Decimal } from '../../../src/engine/decimal.ts';",
      "export { render } from 'ink';",
      "export { createElement } from 'react';",
    ].join('\n'),
  );
  await build({
    entryPoints: { dash: entry },
    outdir: dir,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    jsx: 'automatic',
    // As scripts/build.js: React's production build, minified, the same library patches.
    define: { 'process.env.NODE_ENV': '"production"' },
    minify: true,
    keepNames: true,
    plugins: patched ? [tuiBundlePatches] : [],
    external: ['better-sqlite3', '@napi-rs/keyring', 'react-devtools-core'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'silent',
  });
  return join(dir, 'dash.js');
}

/** Imports a bundle from buildDashboard, by default a new one. */
export async function loadDashboard(bundle) {
  return import(pathToFileURL(bundle ?? (await buildDashboard())).href);
}

/** A terminal that counts what is written to it. */
export class FakeTerminal extends EventEmitter {
  bytes = 0;
  writes = 0;
  isTTY = true;
  constructor(columns, rows) {
    super();
    this.columns = columns;
    this.rows = rows;
  }
  write(chunk) {
    this.bytes += Buffer.byteLength(String(chunk));
    this.writes++;
    return true;
  }
}

export class FakeKeyboard extends EventEmitter {
  isTTY = true;
  setRawMode() {}
  setEncoding() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read() {
    return null;
  }
}

/** Symbols SYM001..SYMnnn with a seeded random walk, `batchesPerSecond` batches of one tick each. */
export function syntheticFeed(Decimal, { batchesPerSecond }) {
  let listener = () => undefined;
  let symbols = [];
  let timer;
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const prices = new Map();
  const emit = () => {
    const now = Date.now();
    listener(
      symbols.map((symbol) => {
        const last = prices.get(symbol) ?? 100;
        const next = Math.max(1, last * (1 + (random() - 0.5) / 500));
        prices.set(symbol, next);
        return {
          type: 'tick',
          receivedMs: now,
          tick: {
            symbol,
            tsMs: now,
            kind: 'trade',
            price: Decimal.of(next.toFixed(2)),
            size: Decimal.of('10'),
            source: 'synthetic',
          },
        };
      }),
    );
  };
  return {
    source: 'synthetic',
    ticksSent: () => ticks,
    watch(next) {
      symbols = [...next];
      clearInterval(timer);
      if (batchesPerSecond > 0) timer = setInterval(emit, 1000 / batchesPerSecond);
      emit();
      listener([{ type: 'status', source: 'synthetic', state: 'live' }]);
    },
    onEvents(next) {
      listener = next;
    },
    close() {
      clearInterval(timer);
    },
  };
}
let ticks = 0;

export const symbolNames = (count) => Array.from({ length: count }, (_, i) => `SYM${String(i + 1).padStart(3, '0')}`);

/** Daily bars for the chart of a synthetic symbol (a year, deterministic). */
export function syntheticHistory(Decimal) {
  return async () => {
    const bars = [];
    let close = 100;
    for (let i = 0; i < 250; i++) {
      const open = close;
      close = open * (1 + Math.sin(i / 7) / 100);
      const high = Math.max(open, close) * 1.01;
      const low = Math.min(open, close) * 0.99;
      bars.push({
        tsMs: Date.UTC(2025, 0, 1) + i * 86_400_000,
        open: Decimal.of(open.toFixed(2)),
        high: Decimal.of(high.toFixed(2)),
        low: Decimal.of(low.toFixed(2)),
        close: Decimal.of(close.toFixed(2)),
        volume: Decimal.of(String(1000 + i)),
      });
    }
    return bars;
  };
}

/** Starts a dashboard on a FakeTerminal; returns it with counters and a stop function. */
export function startDashboard(lib, { symbols, batchesPerSecond, columns = 160, rows = 48 }) {
  const terminal = new FakeTerminal(columns, rows);
  const feed = syntheticFeed(lib.Decimal, { batchesPerSecond });
  const store = new lib.DashStore({
    clock: { nowMs: () => Date.now() },
    feed,
    watchlists: lib.memoryWatchlists(),
    history: syntheticHistory(lib.Decimal),
    news: undefined,
    alerts: lib.ALERTS_WAITING,
    search: async () => [],
    demo: false,
    defaultSymbols: symbolNames(symbols),
  });
  // As runDashboard does; DASH_BENCH_V8_DEFAULTS=1 leaves V8 to size the heap as it would.
  if (process.env.DASH_BENCH_V8_DEFAULTS !== '1') lib.keepHeapSmall();
  store.start();
  let renders = 0;
  let renderMs = 0;
  let publishes = 0;
  store.subscribe(() => publishes++);
  const ink = lib.render(
    lib.createElement(lib.App, {
      store,
      theme: lib.chooseTheme('dark', process.env.BENCH_MONO !== '1'),
      provider: 'synthetic',
    }),
    {
      stdout: lib.fullScreenStdout(terminal),
      stdin: new FakeKeyboard(),
      stderr: new FakeTerminal(columns, rows),
      exitOnCtrlC: false,
      patchConsole: false,
      maxFps: lib.DASH_MAX_FPS,
      incrementalRendering: true,
      onRender: ({ renderTime }) => {
        renders++;
        renderMs += renderTime;
      },
    },
  );
  return {
    terminal,
    renders: () => renders,
    renderMs: () => renderMs,
    publishes: () => publishes,
    stop() {
      ink.unmount();
      store.close();
    },
  };
}
