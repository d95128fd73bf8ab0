import { direction, humanText, type HumanOptions } from './cell.js';
import type { Column, ColumnKind, Dataset } from './dataset.js';
import { type Style, visibleLength } from './style.js';

export interface TableOptions extends HumanOptions {
  readonly style: Style;
}

const NUMERIC: ReadonlySet<ColumnKind> = new Set(['decimal', 'signed', 'percent', 'quantity']);
const COLORED: ReadonlySet<ColumnKind> = new Set(['signed', 'percent']);

/**
 * A human table: a header, numbers right-aligned with their decimal points in one line, ups in
 * green and downs in red, long text cut with an ellipsis.
 */
export function renderTable<Row>(dataset: Dataset<Row>, options: TableOptions): string {
  const { style } = options;
  const cells = dataset.columns.map((column) => columnCells(column, dataset.rows, options));
  const widths = dataset.columns.map((column, i) =>
    Math.max(visibleLength(column.header), ...(cells[i] ?? []).map((cell) => visibleLength(cell))),
  );
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
