import type { Command } from 'commander';
import { Option } from 'commander';
import type { CommandContext } from '../context.js';
import { parseDuration } from '../duration.js';
import { UsageError } from '../errors.js';
import { shouldUseColor } from '../output/style.js';
import type { MarketDataProvider } from '../providers/provider.js';
import type { LiveSession } from '../services/live-stream.js';

export interface DashOptions {
  readonly theme: 'dark' | 'light';
}

const EXAMPLES = `
Examples:
  $ stockato dash --demo
  $ stockato dash --provider yahoo --theme light

Keys: ? shows every key; q quits. Watchlists are kept in the database.
Without a terminal (a pipe, cron) use: stockato quote SYMBOLS --json`;

export function define(command: Command, context: () => CommandContext): void {
  command
    .addOption(new Option('--theme <theme>', 'colors: dark or light (default: config dash.theme)'))
    .addHelpText('after', EXAMPLES)
    .action(async (raw: { theme?: string }) => {
      const ctx = context();
      requireTerminal(ctx.deps.stdin.isTTY === true, ctx.deps.stdout.isTTY === true);
      const config = await ctx.config();
      const options = parseDashOptions(raw, config.getString('dash.theme'));
      await runDash(options, ctx);
    });
}

/** The dashboard needs a keyboard and a screen; in a pipe it points at the scriptable command. */
export function requireTerminal(stdinIsTTY: boolean, stdoutIsTTY: boolean): void {
  if (stdinIsTTY && stdoutIsTTY) return;
  throw new UsageError(`stockato dash needs a terminal (${stdoutIsTTY ? 'stdin' : 'stdout'} is not one)`, {
    hint: 'for scripts and pipes use `stockato quote SYMBOLS --json` (or --ndjson, --csv)',
  });
}

export function parseDashOptions(raw: { theme?: string }, configured: string): DashOptions {
  const theme = raw.theme ?? configured;
  if (theme !== 'dark' && theme !== 'light') {
    throw new UsageError(`--theme must be dark or light (received "${theme}")`);
  }
  return { theme };
}

/** Wires the dashboard to this context's provider, store and config, and runs it until quit. */
export async function runDash(options: DashOptions, ctx: CommandContext): Promise<void> {
  const config = await ctx.config();
  const provider = await ctx.provider();
  const store = await ctx.cacheStore();
  const colorEnabled = shouldUseColor({
    isTTY: true,
    env: ctx.deps.env,
    colorFlag: ctx.globals.color !== false,
    setting: config.getString('color') as 'auto' | 'always' | 'never',
  });
  // React and Ink load here, never for other commands. The build (scripts/build.js) defines
  // NODE_ENV as production, so only React's production build is in the bundle.
  const [{ runDashboard }, { chooseTheme }] = await Promise.all([
    import('../tui/run-dash.js'),
    import('../tui/theme.js'),
  ]);
  // Live prices from the provider's stream (the demo market's runs on a WebSocket exchange
  // started in-process), opened once the first frame is drawn; a provider without one is polled.
  let session: LiveSession | undefined;
  let quit = false;
  const open = async () => {
    if (quit) return undefined;
    session = await openStream(ctx, provider, config.getNumber('demo.seed'));
    if (quit) await session?.close(); // the user quit while it was connecting
    return quit ? undefined : session?.live;
  };
  try {
    await runDashboard(
      {
        provider,
        store,
        clock: ctx.clock,
        refreshMs: parseDuration(config.getString('dash.refresh'), 'dash.refresh'),
        dailyTtlMs: parseDuration(config.getString('cache.daily-ttl'), 'cache.daily-ttl'),
        intradayTtlMs: parseDuration(config.getString('cache.intraday-ttl'), 'cache.intraday-ttl'),
      },
      chooseTheme(options.theme, colorEnabled),
      { stdin: ctx.deps.stdin, stdout: process.stdout, stderr: process.stderr },
      open,
    );
  } finally {
    quit = true;
    await session?.close();
  }
}

/** The provider's live stream, or undefined (polling) when it has none or it cannot start. */
async function openStream(
  ctx: CommandContext,
  provider: MarketDataProvider,
  demoSeed: number,
): Promise<LiveSession | undefined> {
  const { hasStreamAdapter } = await import('../providers/stream/adapter-registry.js');
  if (!provider.capabilities.streaming || !hasStreamAdapter(provider.id)) return undefined;
  const { openLiveSession } = await import('../services/live-stream.js');
  try {
    return await openLiveSession({ sourceId: provider.id, provider, clock: ctx.clock, demoSeed });
  } catch (error) {
    ctx.warn(`no live stream from ${provider.id} (${(error as Error).message}); polling quotes instead`);
    return undefined;
  }
}
