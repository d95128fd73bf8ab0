/** The two tick channels a source is subscribed to; bars are built from trades. */
export type TickChannel = 'trades' | 'quotes';

/** Symbols whose count crossed 0 <-> 1 on one channel, to subscribe or unsubscribe at the source. */
export interface Transition {
  readonly channel: TickChannel;
  readonly subscribe: readonly string[];
  readonly unsubscribe: readonly string[];
}

/**
 * How many consumers want each symbol on each channel of one source. Changes are collected and
 * handed out by `flush`, net of each other: a symbol added and removed before a flush (or removed
 * and re-added) needs no frame at all.
 */
export class SubscriptionCounts {
  readonly #counts: Record<TickChannel, Map<string, number>> = { trades: new Map(), quotes: new Map() };
  /** Per channel, symbol -> its state at the last flush (true = subscribed at the source). */
  readonly #dirty: Record<TickChannel, Map<string, boolean>> = { trades: new Map(), quotes: new Map() };

  add(channel: TickChannel, symbol: string): void {
    const counts = this.#counts[channel];
    const count = counts.get(symbol) ?? 0;
    counts.set(symbol, count + 1);
    if (count === 0) this.#mark(channel, symbol, false);
  }

  remove(channel: TickChannel, symbol: string): void {
    const counts = this.#counts[channel];
    const count = counts.get(symbol) ?? 0;
    if (count <= 0) return;
    if (count === 1) {
      counts.delete(symbol);
      this.#mark(channel, symbol, true);
    } else {
      counts.set(symbol, count - 1);
    }
  }

  count(channel: TickChannel, symbol: string): number {
    return this.#counts[channel].get(symbol) ?? 0;
  }

  /** Every symbol wanted on `channel` now (what a fresh connection subscribes to). */
  wanted(channel: TickChannel): string[] {
    return [...this.#counts[channel].keys()];
  }

  get empty(): boolean {
    return this.#counts.trades.size === 0 && this.#counts.quotes.size === 0;
  }

  /** The net 0 <-> 1 transitions since the last flush, per channel with any. */
  flush(): Transition[] {
    const out: Transition[] = [];
    for (const channel of ['trades', 'quotes'] as const) {
      const subscribe: string[] = [];
      const unsubscribe: string[] = [];
      for (const [symbol, wasSubscribed] of this.#dirty[channel]) {
        const wanted = this.#counts[channel].has(symbol);
        if (wanted && !wasSubscribed) subscribe.push(symbol);
        if (!wanted && wasSubscribed) unsubscribe.push(symbol);
      }
      this.#dirty[channel].clear();
      if (subscribe.length > 0 || unsubscribe.length > 0) out.push({ channel, subscribe, unsubscribe });
    }
    return out;
  }

  /** Forgets pending changes: after a reconnect everything wanted is subscribed afresh. */
  reset(): void {
    this.#dirty.trades.clear();
    this.#dirty.quotes.clear();
  }

  #mark(channel: TickChannel, symbol: string, subscribedBefore: boolean): void {
    const dirty = this.#dirty[channel];
    if (!dirty.has(symbol)) dirty.set(symbol, subscribedBefore);
  }
}

/** `items` in chunks of at most `size` (at least 1). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const step = Math.max(1, Math.floor(size));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += step) out.push(items.slice(i, i + step));
  return out;
}
