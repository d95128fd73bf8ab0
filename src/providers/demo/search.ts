import type { Instrument } from '../../engine/instrument.js';

/**
 * Instruments matching `text` (trimmed, any case) on symbol or name, best first: exact symbol,
 * then symbol prefix, then name prefix, then a substring of either; list order within a rank.
 * Empty text matches everything, in list order.
 */
export function searchInstruments<T extends Instrument>(instruments: readonly T[], text: string): T[] {
  const needle = text.trim().toUpperCase();
  if (needle === '') return [...instruments];
  const ranked: { instrument: T; rank: number; index: number }[] = [];
  instruments.forEach((instrument, index) => {
    const rank = rankOf(instrument, needle);
    if (rank !== undefined) ranked.push({ instrument, rank, index });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return ranked.map((entry) => entry.instrument);
}

function rankOf(instrument: Instrument, needle: string): number | undefined {
  const symbol = instrument.symbol.toUpperCase();
  const name = instrument.name.toUpperCase();
  if (symbol === needle) return 0;
  if (symbol.startsWith(needle)) return 1;
  if (name.startsWith(needle)) return 2;
  if (symbol.includes(needle) || name.includes(needle)) return 3;
  return undefined;
}
