import { UsageError } from '../errors.js';
import { renderCsv, renderTsv } from './csv.js';
import type { Dataset } from './dataset.js';
import { renderTable, type TableOptions } from './table.js';

export const OUTPUT_FORMATS = ['table', 'json', 'ndjson', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface FormatFlags {
  readonly json?: boolean;
  readonly ndjson?: boolean;
  readonly csv?: boolean;
}

/** Picks the one format the flags ask for; two at once is a usage error. */
export function chooseFormat(flags: FormatFlags): OutputFormat {
  const chosen = (['json', 'ndjson', 'csv'] as const).filter((name) => flags[name] === true);
  if (chosen.length > 1) {
    throw new UsageError(
      `choose one output format: ${chosen.map((name) => `--${name}`).join(' and ')} were both given`,
    );
  }
  return chosen[0] ?? 'table';
}

export interface RenderOptions extends TableOptions {
  /** A terminal gets a human table; a pipe gets tab-separated values. */
  readonly isTTY: boolean;
}

/** Turns a dataset into the text for stdout in the chosen format. */
export function render<Row>(dataset: Dataset<Row>, format: OutputFormat, options: RenderOptions): string {
  switch (format) {
    case 'json':
      return JSON.stringify(dataset.document ? dataset.document() : dataset.rows.map(dataset.record), null, 2) + '\n';
    case 'ndjson':
      return dataset.rows.map((row) => JSON.stringify(dataset.record(row)) + '\n').join('');
    case 'csv':
      return renderCsv(dataset);
    case 'table':
      return options.isTTY ? renderTable(dataset, options) : renderTsv(dataset);
  }
}
