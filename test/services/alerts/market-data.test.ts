import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluateRule, parseRule, type Rule } from '../../../src/engine/alerts/index.js';
import { fixedClock } from '../../../src/engine/clock.js';
import { mergeNeeds, type GroupNeeds } from '../../../src/services/alerts/lookback.js';
import { gatherMarketData, groupKey, type MarketDataDeps } from '../../../src/services/alerts/market-data.js';
import { openStore, type Store } from '../../../src/store/store.js';
import { createTempHome, type TempHome } from '../../helpers/temp-home.js';
import { demoAt, T } from '../../providers/demo/helpers.js';

let home: TempHome;
let store: Store;
beforeEach(() => {
  home = createTempHome();
  store = openStore(home.path('stockato.db'));
});
afterEach(() => {
  store.close();
  home.cleanup();
});

const rule = (text: string): Rule => {
  const result = parseRule(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.rule;
};

const deps = (): MarketDataDeps => ({ provider: demoAt(), store, clock: fixedClock(T), ttlMs: () => 6 * 3_600_000 });

async function gather(rules: readonly Rule[]) {
  let needs: GroupNeeds | undefined;
  for (const r of rules) needs = mergeNeeds(needs, r.needs);
  const gathered = await gatherMarketData([{ symbol: 'ACME', interval: '1d', needs: needs as GroupNeeds }], deps());
  const data = gathered.data.get(groupKey('ACME', '1d'));
  if (data === undefined) throw new Error('no data');
  return { data, needs: needs as GroupNeeds, requests: gathered.requests };
}

describe('gatherMarketData from the cache', () => {
  it.each([
    [['rsi(14) < 30', 'close > bb_upper(20, 2)', 'volume > 2 * avg_volume(20)', 'atr(14) > 1', 'price > 1']],
    [['macd crosses above macd_signal', 'ema(12) > ema(26)', 'not high - low < 2']],
    [['sma(10) crosses above sma(20)', 'change(30d) > 1%']],
  ])('serves only the bars the rules read, evaluated as over the whole range (%j)', async (texts) => {
    const rules = texts.map(rule);
    const fetched = await gather(rules);
    expect(fetched.requests.history).toBe(1);
    const cached = await gather(rules);
    expect(cached.requests.history).toBe(0);
    const whole = fetched.data.bars;
    const { bars } = cached.data;
    const expectedLength =
      fetched.needs.changeMs > 0 ? whole.length : Math.min(whole.length, fetched.needs.lookbackBars);
    expect(whole.length).toBeGreaterThan(fetched.needs.lookbackBars);
    expect(bars.length).toBe(expectedLength);
    expect(bars.map((b) => [b.tsMs, String(b.close), String(b.volume), String(b.high), String(b.low)])).toEqual(
      whole
        .slice(-expectedLength)
        .map((b) => [b.tsMs, String(b.close), String(b.volume), String(b.high), String(b.low)]),
    );
    for (const r of rules) {
      const onWhole = evaluateRule(r, { ...fetched.data, cache: new Map() });
      expect(evaluateRule(r, { ...cached.data, cache: new Map() })).toEqual(onWhole);
      expect(onWhole.values.some((v) => v.value !== null)).toBe(true);
    }
  });
});
