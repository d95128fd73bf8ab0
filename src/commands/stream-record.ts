import type { StreamEvent } from '../engine/tick.js';
import { isoTime } from '../output/dataset.js';

/**
 * One NDJSON line of `stockato stream`. These field sets are the stable contract (README
 * "Streaming"): every key is always present, null when the source does not give it; decimals are
 * strings, times ISO 8601 UTC.
 */
export function streamRecord(event: StreamEvent): Record<string, unknown> {
  switch (event.type) {
    case 'tick': {
      const { tick } = event;
      return {
        type: 'tick',
        symbol: tick.symbol,
        time: isoTime(tick.tsMs),
        kind: tick.kind,
        price: tick.price.toString(),
        size: tick.size?.toString() ?? null,
        bid: tick.bid?.toString() ?? null,
        ask: tick.ask?.toString() ?? null,
        source: tick.source,
      };
    }
    case 'bar': {
      const { bar } = event;
      return {
        type: 'bar',
        symbol: event.symbol,
        interval: event.interval,
        time: isoTime(bar.tsMs),
        open: bar.open.toString(),
        high: bar.high.toString(),
        low: bar.low.toString(),
        close: bar.close.toString(),
        volume: bar.volume.toString(),
        closed: event.closed,
        source: event.source,
      };
    }
    case 'status':
      return {
        type: 'status',
        status: event.status,
        source: event.source,
        message: event.message ?? null,
        code: event.code ?? null,
      };
    default:
      return { type: event.type, reason: event.reason, source: event.source };
  }
}
