import { Decimal } from '../../engine/decimal.js';
import type { StreamEvent } from '../../engine/tick.js';

const SOURCE = 'demo';
const DECIMAL = /^(0|[1-9]\d*)(\.\d+)?$/;
/** Canonical decimal text (no trailing zeros), as the exchange writes it: no re-validation needed. */
const CANONICAL = /^(0|[1-9]\d*)(\.\d*[1-9])?$/;

/** One demo exchange frame (see ws-protocol.ts) as stream events. Never throws. */
export function parseDemoFrame(text: string): StreamEvent[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [malformed('not JSON')];
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [malformed('not a JSON object')];
  const frame = body as Record<string, unknown>;
  switch (frame['type']) {
    case 'trade':
      return [trade(frame)];
    case 'welcome':
      return [{ type: 'status', status: 'connected', source: SOURCE, message: 'welcome' }];
    case 'auth':
      return frame['ok'] === true
        ? [{ type: 'status', status: 'authenticated', source: SOURCE }]
        : [{ type: 'status', status: 'auth-failed', source: SOURCE, message: text_(frame['message'], 'refused') }];
    case 'subscribed':
      return [{ type: 'status', status: 'subscribed', source: SOURCE }];
    case 'error':
      return [
        {
          type: 'status',
          status: 'error',
          source: SOURCE,
          message: text_(frame['message'], 'error'),
          code: text_(frame['code'], 'error'),
        },
      ];
    default:
      return [{ type: 'unknown', reason: `frame type ${JSON.stringify(frame['type'])}`, source: SOURCE }];
  }
}

function trade(frame: Record<string, unknown>): StreamEvent {
  const { symbol, ts, price, size } = frame;
  if (typeof symbol !== 'string' || symbol === '') return malformed('trade without a symbol');
  if (typeof ts !== 'number' || !Number.isSafeInteger(ts)) return malformed(`trade ${symbol}: ts is not whole ms`);
  const priceValue = decimal(price);
  if (!priceValue) return malformed(`trade ${symbol}: price is not decimal text`);
  const sizeValue = decimal(size);
  if (!sizeValue) return malformed(`trade ${symbol}: size is not decimal text`);
  return {
    type: 'tick',
    tick: { symbol, tsMs: ts, kind: 'trade', price: priceValue, size: sizeValue, source: SOURCE },
  };
}

/** Unsigned decimal text as a Decimal, or undefined; the canonical form (the exchange's own) skips a re-parse. */
function decimal(text: unknown): Decimal | undefined {
  if (typeof text !== 'string') return undefined;
  if (CANONICAL.test(text)) return Decimal.fromCanonical(text);
  return DECIMAL.test(text) ? Decimal.of(text) : undefined;
}

function text_(value: unknown, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
}

function malformed(reason: string): StreamEvent {
  return { type: 'malformed', reason, source: SOURCE };
}
