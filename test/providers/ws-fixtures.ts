import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { StreamEvent } from '../../src/engine/tick.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Reads one provider's recorded WebSocket frames from ../shared/fixtures and remembers which
 * files a test used, so that a guard test can name any fixture left untested.
 */
export function wsFixtureReader(provider: string): {
  dir: string;
  used: Set<string>;
  frames(name: string): string[];
} {
  const dir = path.resolve(ROOT, '../shared/fixtures', provider);
  const used = new Set<string>();
  return {
    dir,
    used,
    /** Every frame of a fixture: a .json file is one frame, an .ndjson file one frame a line. */
    frames(name) {
      used.add(name);
      const text = readFileSync(path.join(dir, name), 'utf8');
      return name.endsWith('.ndjson') ? text.split('\n').filter((line) => line.trim() !== '') : [text];
    },
  };
}

/** One line per event, with decimals as their exact text, so a table row reads like the wire. */
export function describeEvent(event: StreamEvent): string {
  switch (event.type) {
    case 'tick': {
      const { kind, symbol, tsMs, price, size, bid, ask, bidSize, askSize } = event.tick;
      const text = (value: { toString(): string } | undefined) => value?.toString() ?? '-';
      const book = bid || ask ? ` bid ${text(bid)}x${text(bidSize)} ask ${text(ask)}x${text(askSize)}` : '';
      return `${kind} ${symbol} ${tsMs} ${price.toString()} size ${text(size)}${book}`;
    }
    case 'bar': {
      const { tsMs, open, high, low, close, volume } = event.bar;
      const ohlcv = [open, high, low, close, volume].map(String).join(' ');
      return `bar ${event.symbol} ${event.interval} ${tsMs} ${ohlcv} ${event.closed ? 'closed' : 'open'}`;
    }
    case 'status':
      return `status ${event.status}${event.code ? ` ${event.code}` : ''}`;
    default:
      return event.type;
  }
}

/** Any text at all (random strings, JSON documents, JSON values): a frame parser must never throw. */
export const anyFrameText = fc.oneof(
  fc.string(),
  fc.json(),
  fc.jsonValue().map((value) => JSON.stringify(value)),
);
