/** A half-open time range [fromMs, toMs) in UTC epoch milliseconds. */
export interface TimeRange {
  readonly fromMs: number;
  readonly toMs: number;
}

/** A covered range and when its bars were fetched. */
export interface CoveragePiece extends TimeRange {
  readonly fetchedAtMs: number;
}

/**
 * Adds a fetched range to a set of disjoint pieces of ONE (symbol, interval, source) and returns
 * the new disjoint set, oldest time first.
 *
 * Every millisecond keeps the NEWEST fetch that covered it: a refetch of part of an old piece makes
 * that part fresh and leaves the rest as old as it was, so freshness is never overstated and a
 * small incremental fetch never makes years of older bars look stale (which merging with the
 * oldest time would). Touching pieces fetched at the same moment coalesce into one.
 * `existing` must be disjoint; an empty `added` range (fromMs >= toMs) changes nothing.
 */
export function addPiece(existing: readonly CoveragePiece[], added: CoveragePiece): CoveragePiece[] {
  const pieces = added.fromMs < added.toMs ? [...existing, added] : [...existing];
  const bounds = [...new Set(pieces.flatMap((p) => [p.fromMs, p.toMs]))].sort((a, b) => a - b);
  const out: CoveragePiece[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const fromMs = bounds[i] as number;
    const toMs = bounds[i + 1] as number;
    const fetchedAtMs = newestCovering(pieces, fromMs, toMs);
    if (fetchedAtMs === undefined) continue;
    const last = out[out.length - 1];
    if (last && last.toMs === fromMs && last.fetchedAtMs === fetchedAtMs) {
      out[out.length - 1] = { fromMs: last.fromMs, toMs, fetchedAtMs };
    } else {
      out.push({ fromMs, toMs, fetchedAtMs });
    }
  }
  return out;
}

function newestCovering(pieces: readonly CoveragePiece[], fromMs: number, toMs: number): number | undefined {
  let newest: number | undefined;
  for (const p of pieces) {
    if (p.fromMs <= fromMs && p.toMs >= toMs && (newest === undefined || p.fetchedAtMs > newest)) {
      newest = p.fetchedAtMs;
    }
  }
  return newest;
}

/**
 * The parts of [fromMs, toMs) that no range in `covered` reaches, oldest first. `covered` may
 * overlap and come in any order (pieces of several sources). An empty query range has no gaps.
 */
export function gaps(covered: readonly TimeRange[], fromMs: number, toMs: number): TimeRange[] {
  const sorted = [...covered].sort((a, b) => a.fromMs - b.fromMs);
  const out: TimeRange[] = [];
  let cursor = fromMs;
  for (const range of sorted) {
    if (cursor >= toMs || range.fromMs >= toMs) break;
    if (range.toMs <= cursor) continue;
    if (range.fromMs > cursor) out.push({ fromMs: cursor, toMs: range.fromMs });
    cursor = range.toMs;
  }
  if (cursor < toMs) out.push({ fromMs: cursor, toMs });
  return out;
}
