import { Option, type Command } from 'commander';
import type { CommandContext, OutputStream } from '../context.js';
import { isInterval, type Interval } from '../engine/interval.js';
import type { StreamEvent } from '../engine/tick.js';
import { ProviderError, UsageError } from '../errors.js';
import { parseDuration } from '../duration.js';
import type { StreamChannels, StreamSubscription } from '../providers/stream/types.js';
import { parseSymbols } from './parse.js';
import { streamRecord } from './stream-record.js';

export interface StreamOptions {
  readonly symbols: readonly string[];
  /** Build bars of this interval from the trades (and store the closed ones). */
  readonly bars?: Interval;
  /** Stop after this many tick and bar lines. */
  readonly count?: number;
  /** Stop after this long, ms. */
  readonly durationMs?: number;
  /** Demo exchange trades per second per symbol. */
  readonly rate?: number;
}

/** stdout as the stream command needs it: backpressure and a reader that left (main.ts gives both). */
export interface StreamOutput extends OutputStream {
  /** True once the reader closed the pipe. */
  readonly closed?: boolean;
  once?(event: 'drain', listener: () => void): unknown;
}

export interface StreamResult {
  readonly lines: number;
  readonly reason: 'count' | 'duration' | 'reader-left';
}

const EXAMPLES = `
Examples:
  $ stockato stream ZORK-USD --demo --count 5
  $ stockato stream ACME GLOBX --demo --bars 1m --duration 5m > acme.ndjson
  $ stockato stream ZORK-USD --demo | jq -r 'select(.type=="tick") | .price'

One JSON object a line: {"type":"tick"|"bar"|"status", ...}; see README "Streaming".`;

/** How often a write blocked on a full pipe checks whether the reader left. */
const READER_POLL_MS = 200;

export function define(command: Command, context: () => CommandContext): void {
  command
    .argument('<symbols...>', 'one or more symbols, e.g. ZORK-USD ACME')
    .addOption(new Option('--bars <interval>', 'also build bars of this interval from the trades (1m 5m 15m 30m 1h)'))
    .addOption(new Option('--count <n>', 'stop after n tick and bar lines'))
    .addOption(new Option('--duration <time>', 'stop after this long (30s, 5m, 1h)'))
    .addOption(new Option('--rate <n>', 'demo exchange trades per second per symbol (1 to 1000)'))
    .addHelpText('after', EXAMPLES)
    .action(async (args: string[], flags: Record<string, string | undefined>) => {
      const ctx = context();
      ctx.format(['table', 'ndjson']); // NDJSON either way: a stream has no table
      const options = parseStreamOptions(args, flags);
      const provider = await ctx.provider();
      const config = await ctx.config();
      const store = options.bars ? await ctx.cacheStore() : undefined;
      const { openLiveSession } = await import('../services/live-stream.js');
      const { demo, provider: named } = ctx.globals;
      const sourceId = demo === true ? 'demo' : (named ?? config.getString('provider'));
      const session = await openLiveSession({
        sourceId,
        provider,
        clock: ctx.clock,
        demoSeed: config.getNumber('demo.seed'),
        symbols: options.symbols,
        ...(options.rate ? { demoRate: options.rate } : {}),
        ...(store
          ? { onBarClosed: (e) => e.type === 'bar' && store.bars.upsertBars(e.symbol, e.interval, [e.bar]) }
          : {}),
      });
      ctx.debug(session.exchangeUrl ? `demo exchange: ${session.exchangeUrl}` : `streaming from ${sourceId}`);
      try {
        await runStream(options, {
          stdout: ctx.deps.stdout as StreamOutput,
          subscribe: (s, c) => session.live.subscribe(s, c),
        });
      } finally {
        const stats = session.live.stats(sourceId);
        if (stats) ctx.debug(`stream: ${JSON.stringify(stats)}`);
        await session.close();
      }
    });
}

export function parseStreamOptions(args: readonly string[], flags: Record<string, string | undefined>): StreamOptions {
  const symbols = parseSymbols(args);
  const bars = flags['bars'];
  if (bars !== undefined && (!isInterval(bars) || bars === '1d' || bars === '1wk' || bars === '1mo')) {
    throw new UsageError(`--bars must be one of 1m, 5m, 15m, 30m, 1h (received "${bars}")`);
  }
  const count = wholeNumber(flags['count'], '--count', 1, Number.MAX_SAFE_INTEGER);
  const rate = wholeNumber(flags['rate'], '--rate', 1, 1000);
  const duration = flags['duration'];
  const durationMs = duration === undefined ? undefined : parseDuration(duration, '--duration');
  if (durationMs !== undefined && durationMs <= 0)
    throw new UsageError(`--duration must be longer than 0 (received "${duration}")`);
  return {
    symbols,
    ...(bars ? { bars: bars as Interval } : {}),
    ...(count !== undefined ? { count } : {}),
    ...(durationMs !== undefined ? { durationMs } : {}),
    ...(rate !== undefined ? { rate } : {}),
  };
}

function wholeNumber(text: string | undefined, option: string, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new UsageError(`${option} must be a whole number from ${min} to ${max} (received "${text}")`);
  }
  return value;
}

export interface StreamDeps {
  readonly stdout: StreamOutput;
  readonly subscribe: (symbols: readonly string[], channels: StreamChannels) => StreamSubscription;
}

/**
 * Writes the subscription's events as NDJSON until --count lines, --duration, or the reader
 * leaves. It takes events only when stdout has room: while a slow pipe drains, the subscription
 * conflates (latest tick and bar per symbol), so memory stays bounded. An auth failure is an
 * error (exit 1), after the status line is written.
 */
export async function runStream(options: StreamOptions, deps: StreamDeps): Promise<StreamResult> {
  const channels: StreamChannels = { trades: true, ...(options.bars ? { bars: options.bars } : {}) };
  const subscription = deps.subscribe(options.symbols, channels);
  const { stdout } = deps;
  let lines = 0;
  try {
    return await new Promise<StreamResult>((resolve, reject) => {
      let done = false;
      let blocked = false;
      const finish = (result: StreamResult | Error) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        clearInterval(poll);
        if (result instanceof Error) reject(result);
        else resolve(result);
      };
      const timer =
        options.durationMs === undefined
          ? undefined
          : setTimeout(() => finish({ lines, reason: 'duration' }), options.durationMs);
      const poll = setInterval(() => {
        if (stdout.closed) finish({ lines, reason: 'reader-left' });
      }, READER_POLL_MS);
      const pump = () => {
        if (done || blocked) return;
        const events = subscription.take();
        let text = '';
        let failure: Error | undefined;
        for (const event of events) {
          if (event.type === 'tick' || event.type === 'bar') {
            if (options.count !== undefined && lines >= options.count) break;
            lines++;
          } else if (event.type === 'status' && event.status === 'auth-failed') {
            failure = authError(event);
          }
          text += JSON.stringify(streamRecord(event)) + '\n';
        }
        if (text !== '' && !stdout.write(text) && stdout.once) {
          blocked = true;
          stdout.once('drain', () => {
            blocked = false;
            queueMicrotask(pump);
          });
        }
        if (stdout.closed) return finish({ lines, reason: 'reader-left' });
        if (failure) return finish(failure);
        if (options.count !== undefined && lines >= options.count) return finish({ lines, reason: 'count' });
        subscription.onReady(() => queueMicrotask(pump));
      };
      subscription.onReady(() => queueMicrotask(pump));
    });
  } finally {
    subscription.close();
  }
}

function authError(event: Extract<StreamEvent, { type: 'status' }>): ProviderError {
  return new ProviderError(
    event.source,
    'auth-failed',
    `${event.source} refused the connection: ${event.message ?? 'authentication failed'}`,
    false,
    {
      hint: `check the key: stockato keys set ${event.source}`,
    },
  );
}
