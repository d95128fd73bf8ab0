import { describe, expect, it } from 'vitest';
import { loadStreamAdapter, STREAM_ADAPTER_IDS } from '../../../src/providers/stream/adapter-registry.js';

describe('loadStreamAdapter', () => {
  it.each([
    ['demo', {}],
    ['binance', {}],
    ['coinbase', {}],
    ['finnhub', { apiKey: 'key' }],
    ['alpaca', { apiKey: 'KEY:SECRET' }],
    ['polygon', { apiKey: 'key' }],
  ])('loads the %s adapter, whose events name it as their source', async (id, options) => {
    const adapter = await loadStreamAdapter(id, { url: 'ws://127.0.0.1:9', ...options });
    expect(adapter?.id).toBe(id);
    expect(adapter?.url()).toContain('ws://127.0.0.1:9');
    expect(adapter?.limits.symbolsPerMessage).toBeGreaterThan(0);
    expect(adapter?.heartbeat.timeoutMs).toBeGreaterThan(0);
  });

  it('lists every registered source and has nothing for the rest', async () => {
    expect([...STREAM_ADAPTER_IDS].sort()).toEqual(['alpaca', 'binance', 'coinbase', 'demo', 'finnhub', 'polygon']);
    expect(await loadStreamAdapter('yahoo')).toBeUndefined();
    expect(await loadStreamAdapter('toString')).toBeUndefined();
  });
});
