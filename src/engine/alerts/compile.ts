import type { Operand, Rule, RuleNeeds, RuleNode, RuleResult } from './ast.js';
import { checkSyntax } from './check.js';
import { parseSyntax } from './parse.js';

/** Longest rule accepted, in characters. */
export const MAX_RULE_LENGTH = 2000;

/**
 * Parses and checks an alert rule such as `rsi(14) < 30 and price > sma(200)`. Returns the rule
 * with what it needs from the market data, or an error value with its 1-based column. Never throws.
 */
export function parseRule(text: string): RuleResult {
  if (text.trim() === '') {
    return {
      ok: false,
      error: { code: 'syntax', message: 'the rule is empty', column: 1, length: 1, hint: 'e.g. price > 200' },
    };
  }
  if (text.length > MAX_RULE_LENGTH) {
    return {
      ok: false,
      error: {
        code: 'syntax',
        message: `the rule is longer than ${MAX_RULE_LENGTH} characters`,
        column: MAX_RULE_LENGTH + 1,
        length: 1,
      },
    };
  }
  const syntax = parseSyntax(text);
  if (!syntax.ok) return syntax;
  const checked = checkSyntax(syntax.node, text);
  if (!checked.ok) return checked;
  return { ok: true, rule: { text, root: checked.root, needs: needsOf(checked.root) } };
}

/** Every operand the rule reads, each once per label, in rule order. */
export function operandsOf(node: RuleNode): Array<Extract<RuleNode, { kind: 'operand' }>> {
  switch (node.kind) {
    case 'operand':
      return [node];
    case 'constant':
    case 'news':
      return [];
    case 'negate':
    case 'not':
      return operandsOf(node.operand);
    case 'arithmetic':
    case 'compare':
    case 'cross':
    case 'logic':
      return [...operandsOf(node.left), ...operandsOf(node.right)];
  }
}

function needsOf(root: RuleNode): RuleNeeds {
  const operands = operandsOf(root).map((node) => node.operand);
  return {
    quote: operands.some(readsQuote),
    news: hasNews(root),
    lookbackBars: Math.max(2, ...operands.map(barsFor)),
    changeMs: Math.max(0, ...operands.map((o) => (o.kind === 'change' ? o.durationMs : 0))),
  };
}

function readsQuote(operand: Operand): boolean {
  return (operand.kind === 'field' && operand.field === 'price') || operand.kind === 'change';
}

function barsFor(operand: Operand): number {
  if (operand.kind === 'indicator') return operand.lookbackBars;
  if (operand.kind === 'avg-volume') return operand.period + 1;
  return 2;
}

function hasNews(node: RuleNode): boolean {
  if (node.kind === 'news') return true;
  if (node.kind === 'not') return hasNews(node.operand);
  if (node.kind === 'logic') return hasNews(node.left) || hasNews(node.right);
  return false;
}

export type { Rule };
