import { redactError } from './http/redact.js';
import type { MarketDataProvider } from './provider.js';

/**
 * A keyed provider whose every error, thrown or reported per symbol, has the key scrubbed out,
 * wherever the text came from: an HTTP body, a value quoted by a parser, a cause's stack. The
 * transport scrubs its own errors too; this also covers what parsing adds afterwards.
 */
export function redactingProvider(provider: MarketDataProvider, secrets: () => readonly string[]): MarketDataProvider {
  const guard = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw redactError(error, secrets());
    }
  };
  const { getNews } = provider;
  return {
    id: provider.id,
    displayName: provider.displayName,
    capabilities: provider.capabilities,
    getQuotes: async (symbols, options) => {
      const batch = await guard(() => provider.getQuotes(symbols, options));
      for (const failure of batch.failures) redactError(failure.error, secrets());
      return batch;
    },
    getHistory: (request, options) => guard(() => provider.getHistory(request, options)),
    search: (text, options) => guard(() => provider.search(text, options)),
    ...(getNews ? { getNews: (symbol, options) => guard(() => getNews(symbol, options)) } : {}),
  };
}
