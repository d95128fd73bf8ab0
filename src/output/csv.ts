import { cellText } from './cell.js';
import type { Dataset } from './dataset.js';

/** RFC 4180: CRLF line ends, a header row, fields quoted when they hold a comma, quote or newline. */
export function renderCsv<Row>(dataset: Dataset<Row>): string {
  const columns = dataset.columns.filter((column) => !column.humanOnly);
  const lines = [columns.map((column) => escapeField(column.key))];
  for (const row of dataset.rows) {
    lines.push(columns.map((column) => escapeField(cellText(column.value(row), column.kind))));
  }
  return lines.map((fields) => fields.join(',')).join('\r\n') + '\r\n';
}

/** Tab-separated values without a header, for pipes (as the GitHub CLI does). */
export function renderTsv<Row>(dataset: Dataset<Row>): string {
  const columns = dataset.columns.filter((column) => !column.humanOnly);
  return dataset.rows
    .map((row) => columns.map((c) => cellText(c.value(row), c.kind).replace(/[\t\r\n]+/g, ' ')).join('\t') + '\n')
    .join('');
}

function escapeField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
