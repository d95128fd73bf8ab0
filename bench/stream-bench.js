// Stream benchmark: ticks per second through the whole live pipeline (WebSocket receive, demo
// frame parse, multiplexer routing, per-symbol conflation, 1m bar building, a consumer taking
// on ready) beside the bare baseline of a `ws` client doing only JSON.parse per frame, on the
// same frames from the same server in the same run.
//
//   node bench/stream-bench.js [ticks]      (default 500,000; 20 demo symbols)
//
// The server runs in a child process (this file with --serve) so the client's core is its own;
// figures are ticks per wall second from the first frame to the last, and per CPU second of the
// client process (process.cpuUsage). Self-contained: bundles src/ with esbuild, no build step.
// Target (not enforced): >= 250k ticks/s on one core.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers';
import { WebSocket, WebSocketServer } from 'ws';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RUNS = 3;

if (process.argv[2] === '--serve') await serve(process.argv[3]);
else await main(Number(process.argv[2] ?? 500_000));

/** Child: serve the frames in `file` to every client that sends a message, as fast as it drains. */
async function serve(file) {
  const frames = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  server.on('connection', (socket) => {
    socket.once('message', async () => {
      for (let i = 0; i < frames.length; i++) {
        socket.send(frames[i]);
        if (socket.bufferedAmount > 4 * 1024 * 1024) {
          while (socket.bufferedAmount > 1024 * 1024) await new Promise((resolve) => setImmediate(resolve));
        }
      }
    });
  });
  process.stdout.write(`${server.address().port}\n`);
}

async function loadSource(dir) {
  const outfile = join(dir, 'stream-bundle.mjs');
  await build({
    stdin: {
      contents: [
        "export { createLiveStream } from './src/providers/stream/multiplexer.ts';",
        "export { createDemoStreamAdapter } from './src/providers/demo/ws.ts';",
        "export { DemoMarket } from './src/providers/demo/market.ts';",
        "export { DemoTickFeed } from './src/providers/demo/tick-feed.ts';",
        "export { tradeFrame } from './src/providers/demo/ws-protocol.ts';",
        "export { DEMO_INSTRUMENTS } from './src/providers/demo/instruments.ts';",
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    plugins: [
      {
        // The bundle lives in a temp folder: point `ws` at this project's copy (its ESM wrapper).
        name: 'external-ws',
        setup(b) {
          const wrapper = join(dirname(createRequire(import.meta.url).resolve('ws')), 'wrapper.mjs');
          b.onResolve({ filter: /^ws$/ }, () => ({ path: pathToFileURL(wrapper).href, external: true }));
        },
      },
    ],
  });
  return import(pathToFileURL(outfile).href);
}

/** `count` demo trade frames round-robin over the symbols that trade 24/7 and in session. */
function generateFrames(lib, count) {
  const market = new lib.DemoMarket();
  const symbols = lib.DEMO_INSTRUMENTS.map((i) => i.symbol).slice(0, 20);
  const fromMs = Date.UTC(2026, 2, 4, 15, 0);
  const perSymbol = Math.ceil(count / symbols.length);
  const streams = symbols.map((symbol) => {
    const out = [];
    const feed = new lib.DemoTickFeed(market.simulation(symbol), 10);
    feed.forEach(fromMs, fromMs + 6 * 60 * 60_000, (trade) => {
      if (out.length < perSymbol)
        out.push(lib.tradeFrame(symbol, trade.tsMs, trade.price.toString(), trade.size.toString()));
    });
    return out;
  });
  const frames = [];
  for (let i = 0; frames.length < count; i++) {
    for (const stream of streams) if (i < stream.length && frames.length < count) frames.push(stream[i]);
  }
  return { frames, symbols };
}

function measure(connectAndCount) {
  return new Promise((resolve, reject) => {
    let firstMs = 0;
    let cpuStart;
    const started = (nowMs) => {
      firstMs = nowMs;
      cpuStart = process.cpuUsage();
    };
    const finished = (nowMs, count) => {
      const cpu = process.cpuUsage(cpuStart);
      const seconds = (nowMs - firstMs) / 1000;
      resolve({ perWallSecond: count / seconds, perCpuSecond: count / ((cpu.user + cpu.system) / 1e6) });
    };
    connectAndCount(started, finished).catch(reject);
  });
}

/** Baseline: bare ws receive and JSON.parse, nothing else. */
function baseline(url, count) {
  return measure(async (started, finished) => {
    const socket = new WebSocket(url);
    let received = 0;
    let sink = 0;
    socket.on('message', (data) => {
      if (received === 0) started(performance.now());
      const frame = JSON.parse(data.toString());
      sink += frame.ts & 1;
      if (++received === count) {
        finished(performance.now(), received);
        socket.terminate();
      }
    });
    socket.on('open', () => socket.send('go'));
    globalThis.__sink = sink;
  });
}

/** The pipeline: the multiplexer with the demo adapter, 1m bars, a consumer taking on ready. */
function pipeline(lib, url, symbols, count) {
  return measure(async (started, finished) => {
    const live = lib.createLiveStream({ adapters: [lib.createDemoStreamAdapter({ url })] });
    const subscription = live.subscribe(symbols, { trades: true, bars: '1m' });
    let taken = 0;
    let first = true;
    const check = () => {
      const ticks = live.stats('demo')?.ticks ?? 0;
      if (first && ticks > 0) {
        first = false;
        started(performance.now());
      }
      if (ticks >= count) {
        finished(performance.now(), ticks);
        live.close();
        return;
      }
      subscription.onReady(() => Promise.resolve().then(drain));
    };
    const drain = () => {
      taken += subscription.take().length;
      check();
    };
    subscription.onReady(() => Promise.resolve().then(drain));
    globalThis.__taken = taken;
  });
}

async function main(count) {
  const dir = mkdtempSync(join(tmpdir(), 'stockato-stream-bench-'));
  try {
    const lib = await loadSource(dir);
    const { frames, symbols } = generateFrames(lib, count);
    const file = join(dir, 'frames.ndjson');
    writeFileSync(file, frames.join('\n'));
    const bytes = frames.reduce((sum, frame) => sum + frame.length, 0);
    console.log(
      `${frames.length.toLocaleString('en')} demo trade frames over ${symbols.length} symbols, ` +
        `${Math.round(bytes / frames.length)} bytes each; Node ${process.version}, ${cpus()[0]?.model ?? 'cpu'}`,
    );
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--serve', file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const port = await new Promise((resolve) =>
      child.stdout.once('data', (data) => resolve(Number(String(data).trim()))),
    );
    const url = `ws://127.0.0.1:${port}`;
    const results = { baseline: [], pipeline: [] };
    for (let run = 0; run < RUNS; run++) {
      results.baseline.push(await baseline(url, frames.length));
      results.pipeline.push(await pipeline(lib, url, symbols, frames.length));
    }
    child.kill();
    const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const row = (name, list) => {
      const wall = median(list.map((r) => r.perWallSecond));
      const cpu = median(list.map((r) => r.perCpuSecond));
      return { name, wall, cpu };
    };
    const base = row('bare ws + JSON.parse (baseline)', results.baseline);
    const full = row('stream pipeline (parse, route, conflate, 1m bars)', results.pipeline);
    console.log(`median of ${RUNS} interleaved runs`);
    console.log('| case | ticks/s (wall) | ticks per CPU second | vs baseline (wall) |');
    console.log('| --- | --- | --- | --- |');
    for (const r of [base, full]) {
      console.log(
        `| ${r.name} | ${Math.round(r.wall).toLocaleString('en')} | ${Math.round(r.cpu).toLocaleString('en')} | ${(r.wall / base.wall).toFixed(2)}x |`,
      );
    }
    // "On one core" is the client's CPU time: wall time also counts the sender and other load.
    const verdict = full.cpu >= 250_000 ? 'met' : 'NOT met';
    console.log(`target >= 250k ticks per CPU second of the client (one core): ${verdict}`);
    console.log(
      `load average at the end: ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
