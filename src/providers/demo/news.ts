import type { Instrument } from '../../engine/instrument.js';
import type { NewsItem } from '../provider.js';
import { combine, hashText, seedKey } from './random.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** How many days back the demo news reaches. */
export const DEMO_NEWS_DAYS = 7;
export const DEMO_PUBLISHER = 'Demo Wire (fictional)';

/** Clearly made up, so a demo headline can never pass for real news. */
const TEMPLATES: readonly ((name: string) => string)[] = [
  (name) => `[Demo] ${name} shares move in simulated trading`,
  (name) => `[Demo] Fictional analysts revisit their view on ${name}`,
  (name) => `[Demo] ${name} announces an imaginary product line`,
  (name) => `[Demo] Simulated volume picks up in ${name}`,
  (name) => `[Demo] ${name} holds a pretend investor day`,
];
const MARKET_TEMPLATES: readonly string[] = [
  '[Demo] The simulated market opens mixed',
  '[Demo] Fictional central bank leaves imaginary rates unchanged',
  '[Demo] Demo indices close the session in pretend territory',
];

/**
 * Deterministic, fictional headlines: one or two a day for the last DEMO_NEWS_DAYS days, for
 * one instrument or (without one) for the whole demo market. The same seed and clock give the
 * same items everywhere; nothing is published after `nowMs`. Links use the reserved `.invalid`
 * domain, so none can lead anywhere real. Newest first.
 */
export function demoNews(seed: number, instrument: Instrument | undefined, nowMs: number): NewsItem[] {
  const key = combine(seedKey(seed), hashText(instrument?.symbol ?? '*market*'));
  const today = Math.floor(nowMs / DAY_MS);
  const items: NewsItem[] = [];
  for (let day = today; day > today - DEMO_NEWS_DAYS; day--) {
    const word = combine(key, day);
    const count = 1 + (word & 1);
    for (let n = 0; n < count; n++) {
      const pick = combine(word, n);
      const publishedMs = day * DAY_MS + (8 + (pick % 10)) * HOUR_MS + ((pick >>> 8) % 60) * 60_000;
      if (publishedMs > nowMs) continue;
      items.push(newsItem(instrument, pick, publishedMs));
    }
  }
  return items.sort((a, b) => b.publishedMs - a.publishedMs);
}

function newsItem(instrument: Instrument | undefined, pick: number, publishedMs: number): NewsItem {
  const title = instrument
    ? (TEMPLATES[pick % TEMPLATES.length] as (name: string) => string)(instrument.name)
    : (MARKET_TEMPLATES[pick % MARKET_TEMPLATES.length] as string);
  const slug = `${instrument?.symbol ?? 'market'}-${new Date(publishedMs).toISOString().slice(0, 16)}`;
  const id = `demo-${slug}`;
  return {
    id,
    title,
    publisher: DEMO_PUBLISHER,
    url: `https://news.demo.invalid/${encodeURIComponent(slug)}`,
    publishedMs,
    symbols: instrument ? [instrument.symbol] : [],
  };
}
