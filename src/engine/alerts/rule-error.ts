import type { RuleError } from './ast.js';

/**
 * The error as text: the message, the rule on its own line and a caret line under the columns
 * at fault, then the hint. Tabs and line breaks in the rule show as spaces so the caret lines up.
 *
 *   rsi(14 < 30: expected "," or ")" ...
 *     rsi(14 < 30
 *            ^
 */
export function formatRuleError(rule: string, error: RuleError): string {
  const shown = rule.replace(/[\t\r\n\v\f]/g, ' ');
  const start = Math.max(0, Math.min(error.column - 1, shown.length));
  const width = Math.max(1, Math.min(error.length, shown.length - start));
  const lines = [
    `${error.message} (column ${error.column})`,
    `  ${shown}`,
    `  ${' '.repeat(start)}${'^'.repeat(width)}`,
  ];
  if (error.hint !== undefined) lines.push(`hint: ${error.hint}`);
  return lines.join('\n');
}
