import { direction, humanText, type HumanOptions } from './cell.js';
import type { Column, ColumnKind, Dataset } from './dataset.js';
import { type Style, visibleLength } from './style.js';

export interface TableOptions extends HumanOptions {
  readonly style: Style;
  /** Terminal width in characters; undefined means no limit. */
  readonly width?: number;
}

const NUMERIC: ReadonlySet<ColumnKind> = new Set(['decimal', 'signed', 'percent', 'quantity']);
const COLORED: ReadonlySet<ColumnKind> = new Set(['signed', 'percent']);

/**
 * A human table: a header, numbers right-aligned with their decimal points in one line, ups in
 * green and downs in red, long text cut with an ellipsis.
 */
export function renderTable<Row>(full: Dataset<Row>, options: TableOptions): string {
  const { style } = options;
  const allCells = full.columns.map((column) => columnCells(column, full.rows, options));
  const allWidths = full.columns.map((column, i) =>
    Math.max(visibleLength(column.header), ...(allCells[i] ?? []).map((cell) => visibleLength(cell))),
  );
  const keep = columnsThatFit(full.columns, allWidths, options.width);
  const dataset = { ...full, columns: full.columns.filter((_, i) => keep[i]) };
  const cells = allCells.filter((_, i) => keep[i]);
  const widths = allWidths.filter((_, i) => keep[i]);
  const pad = (text: string, i: number) => {
    const column = dataset.columns[i] as Column<Row>;
    const gap = ' '.repeat(Math.max(0, (widths[i] ?? 0) - visibleLength(text)));
    return NUMERIC.has(column.kind) ? gap + text : text + gap;
  };
  const header = dataset.columns.map((column, i) => style.bold(pad(column.header, i)));
  const lines = [trimEnd(header.join('  '))];
  dataset.rows.forEach((row, r) => {
    const line = dataset.columns.map((column, i) => {
      const text = pad(cells[i]?.[r] ?? '', i);
      if (!COLORED.has(column.kind)) return text;
      const dir = direction(column.value(row));
      return dir > 0 ? style.green(text) : dir < 0 ? style.red(text) : text;
    });
    lines.push(trimEnd(line.join('  ')));
  });
  return lines.join('\n') + '\n';
}

/** Which columns to show: all, or without the lowest-priority ones until the table fits. */
function columnsThatFit<Row>(columns: readonly Column<Row>[], widths: readonly number[], width?: number): boolean[] {
  const keep = columns.map(() => true);
  const total = () => widths.reduce((sum, w, i) => sum + (keep[i] ? w + 2 : 0), -2);
  const droppable = columns
    .map((column, i) => ({ i, priority: column.priority }))
    .filter((c): c is { i: number; priority: number } => c.priority !== undefined)
    .sort((a, b) => a.priority - b.priority);
  for (const { i } of droppable) {
    if (width === undefined || total() <= width) break;
    keep[i] = false;
  }
  return keep;
}

function columnCells<Row>(column: Column<Row>, rows: readonly Row[], options: HumanOptions): string[] {
  const texts = rows.map((row) => truncate(humanText(column.value(row), column.kind, options), column.maxWidth));
  return column.kind === 'decimal' || column.kind === 'signed' ? alignDecimals(texts) : texts;
}

/** Pads fractions with spaces so that every decimal point sits in the same column. */
function alignDecimals(texts: string[]): string[] {
  const fractionWidth = (text: string) => (text.includes('.') ? text.length - text.indexOf('.') : 0);
  const widest = Math.max(0, ...texts.map(fractionWidth));
  return texts.map((text) => (text === '' ? text : text + ' '.repeat(widest - fractionWidth(text))));
}

function truncate(text: string, maxWidth: number | undefined): string {
  return maxWidth !== undefined && text.length > maxWidth ? `${text.slice(0, maxWidth - 1)}…` : text;
}

function trimEnd(line: string): string {
  return line.replace(/ +$/, '');
}
