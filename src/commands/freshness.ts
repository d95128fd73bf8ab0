import type { CommandContext } from '../context.js';
import type { Column } from '../output/dataset.js';
import type { OutputFormat } from '../output/render.js';
import { ageSeconds, formatAge, staleWarning, type CachePolicy, type Freshness } from '../services/freshness.js';
import { parseDuration } from '../duration.js';

/**
 * How commands show freshness. JSON and NDJSON always carry `stale` (boolean) and `ageSeconds`
 * (whole seconds since the data was fetched); CSV has the same two columns; a human table gets
 * a `stale 2h` marker on each stale row; and every stale value is also named on stderr.
 */
export function freshnessRecord(freshness: Freshness): { stale: boolean; ageSeconds: number } {
  return { stale: freshness.stale, ageSeconds: ageSeconds(freshness) };
}

export function freshnessColumns<Row>(format: OutputFormat, of: (row: Row) => Freshness): Column<Row>[] {
  if (format === 'csv') {
    return [
      { key: 'stale', header: 'STALE', kind: 'text', value: (row) => of(row).stale },
      { key: 'ageSeconds', header: 'AGE', kind: 'text', value: (row) => ageSeconds(of(row)) },
    ];
  }
  return [
    {
      key: 'stale',
      header: '',
      kind: 'text',
      humanOnly: true,
      value: (row) => (of(row).stale ? `stale ${formatAge(of(row).ageMs)}` : undefined),
    },
  ];
}

/** The stderr warning for a stale value (also with --quiet: an old number is never silent). */
export function reportStale(ctx: CommandContext, subject: string, freshness: Freshness): void {
  if (freshness.stale) ctx.deps.stderr.write(`warning: ${staleWarning(subject, freshness)}\n`);
}

/** The cache policy of one kind: its TTL setting, tightened by --max-age. */
export async function cachePolicy(ctx: CommandContext, ttlKey: string): Promise<CachePolicy> {
  const ttlMs = parseDuration((await ctx.config()).getString(ttlKey), ttlKey);
  const maxAgeMs = ctx.maxAgeMs();
  return maxAgeMs === undefined ? { ttlMs } : { ttlMs, maxAgeMs };
}
