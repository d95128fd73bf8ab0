import type { StreamEvent, Tick } from '../../engine/tick.js';
import { ProviderError } from '../../errors.js';
import { Wire } from '../wire-guards.js';
import { FINNHUB, fromFinnhubSymbol } from './symbols.js';
import type { FinnhubWsError, FinnhubWsTradeItem, FinnhubWsTrades } from './ws-wire.js';

/** One Finnhub WebSocket text frame as stream events: a trade batch gives one tick per trade. Never throws. */
export function parseFrame(text: string): StreamEvent[] {
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    return [{ type: 'malformed', reason: 'not JSON', source: FINNHUB }];
  }
  try {
    return parseMessage(Wire.root(FINNHUB, body, 'frame'));
  } catch (error) {
    if (error instanceof ProviderError) return [{ type: 'malformed', reason: error.message, source: FINNHUB }];
    throw error;
  }
}

function parseMessage(frame: Wire): StreamEvent[] {
  const type = frame.record().type;
  switch (type) {
    case 'trade':
      return (frame as Wire<FinnhubWsTrades>)
        .get('data')
        .items()
        .map((item) => ({ type: 'tick', tick: parseTrade(item) }));
    case 'ping':
      return [{ type: 'status', status: 'heartbeat', source: FINNHUB }];
    case 'error':
      return [
        {
          type: 'status',
          status: 'error',
          source: FINNHUB,
          message: (frame as Wire<FinnhubWsError>).get('msg').string(),
        },
      ];
    default:
      // `news` and `press_release` exist on paid plans; nothing here reads them yet.
      return [{ type: 'unknown', reason: `message type ${JSON.stringify(type)}`, source: FINNHUB }];
  }
}

function parseTrade(item: Wire<FinnhubWsTradeItem>): Tick {
  return {
    symbol: fromFinnhubSymbol(item.get('s').nonEmptyString()),
    tsMs: item.get('t').epochMs(),
    kind: 'trade',
    price: item.get('p').price(),
    size: item.get('v').quantity(),
    source: FINNHUB,
  };
}
