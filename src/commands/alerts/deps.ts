import type { CommandContext } from '../../context.js';
import { parseDuration } from '../../duration.js';
import { isIntraday, type Interval } from '../../engine/interval.js';
import { splitTargets } from '../../notify/targets.js';
import type { MarketDataDeps } from '../../services/alerts/market-data.js';

/** Provider, cache and TTLs for gathering alert data, from the context and config. */
export async function marketDataDeps(ctx: CommandContext): Promise<MarketDataDeps> {
  const config = await ctx.config();
  const daily = parseDuration(config.getString('cache.daily-ttl'), 'cache.daily-ttl');
  const intraday = parseDuration(config.getString('cache.intraday-ttl'), 'cache.intraday-ttl');
  return {
    provider: await ctx.provider(),
    store: await ctx.store(),
    clock: ctx.clock,
    ttlMs: (interval: Interval) => (isIntraday(interval) ? intraday : daily),
  };
}

export async function defaultNotify(ctx: CommandContext): Promise<string[]> {
  return splitTargets((await ctx.config()).getString('alerts.notify'));
}
