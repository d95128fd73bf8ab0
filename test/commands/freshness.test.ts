import { describe, expect, it } from 'vitest';
import { quoteDataset } from '../../src/commands/quote.js';
import { render, type OutputFormat } from '../../src/output/render.js';
import { createStyle } from '../../src/output/style.js';
import { ProviderError } from '../../src/errors.js';
import type { ServedQuote } from '../../src/services/quotes.js';
import { quote, T0 } from '../providers/router/fakes.js';

const reason = new ProviderError('router', 'all-providers-failed', 'no provider could answer', true);
const rows: ServedQuote[] = [
  { quote: quote('AAPL', 'yahoo'), freshness: { stale: true, ageMs: 2 * 3_600_000, reason } },
  { quote: quote('MSFT', 'yahoo'), freshness: { stale: false, ageMs: 4_000 } },
];

function show(format: OutputFormat, isTTY = true): string {
  return render(quoteDataset(rows, format), format, {
    isTTY,
    style: createStyle(false),
    timezone: 'UTC',
    nowMs: T0,
  });
}

describe('stale quotes in every format', () => {
  it('a human table marks the stale row with its age, and only that row', () => {
    const [header, aapl, msft] = show('table').split('\n');
    expect(header).toMatch(/^SYMBOL/);
    expect(aapl).toMatch(/^AAPL .* stale 2h$/);
    expect(msft).not.toMatch(/stale/);
  });

  it('JSON and NDJSON carry stale and ageSeconds on every record', () => {
    expect(JSON.parse(show('json'))).toMatchObject([
      { symbol: 'AAPL', stale: true, ageSeconds: 7200 },
      { symbol: 'MSFT', stale: false, ageSeconds: 4 },
    ]);
    expect(show('ndjson').split('\n')[0]).toMatch(/"stale":true,"ageSeconds":7200\}$/);
  });

  it('CSV has stale and ageSeconds columns', () => {
    const [header, aapl, msft] = show('csv').split('\r\n');
    expect(header).toMatch(/,source,stale,ageSeconds$/);
    expect(aapl).toMatch(/,yahoo,true,7200$/);
    expect(msft).toMatch(/,yahoo,false,4$/);
  });
});
