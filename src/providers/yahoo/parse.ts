/**
 * Pure parsers from Yahoo Finance payloads (wire.ts) to engine types, tested on the recordings in
 * ../shared/fixtures/yahoo. One module per endpoint; this file is the one place callers import.
 */
export { chartErrorOf, parseChart } from './parse-chart.js';
export { extendedOf, marketStateOf, parseQuote, parseQuotes } from './parse-quote.js';
export { parseSearch, type SearchResults } from './parse-search.js';
export { assetClassOf, UNKNOWN_CURRENCY } from './values.js';
