import type { RuleError, RuleNode, Span, SyntaxNode, ValueType } from './ast.js';
import { resolveName } from './names.js';

type Typed = { readonly node: RuleNode; readonly type: ValueType | 'boolean' };

class Failure {
  constructor(readonly error: RuleError) {}
}

const typeError = (message: string, span: Span, hint?: string) =>
  new Failure({
    code: 'type',
    message,
    column: span.column,
    length: span.length,
    ...(hint === undefined ? {} : { hint }),
  });

const WORD: Record<ValueType | 'boolean', string> = {
  number: 'a number',
  percent: 'a percent',
  boolean: 'a condition',
};

/**
 * Resolves names and checks types: comparisons and crosses need two numbers or two percents,
 * `and`/`or`/`not` need conditions, the whole rule must be a condition. Multiplying by a percent
 * takes that share of a number (`sma(50) * 105%`); a percent divided by a number stays a percent.
 */
export function checkSyntax(
  tree: SyntaxNode,
  text: string,
): { ok: true; root: RuleNode } | { ok: false; error: RuleError } {
  try {
    const typed = check(tree, text);
    if (typed.type !== 'boolean') {
      throw typeError(
        `the rule is ${WORD[typed.type]}, not a condition`,
        tree.span,
        'compare it, e.g. price > 200 or rsi(14) < 30',
      );
    }
    return { ok: true, root: typed.node };
  } catch (error) {
    if (error instanceof Failure) return { ok: false, error: error.error };
    throw error;
  }
}

function check(node: SyntaxNode, text: string): Typed {
  switch (node.kind) {
    case 'number':
      return { node: { kind: 'constant', type: 'number', value: node.value, span: node.span }, type: 'number' };
    case 'percent':
      return { node: { kind: 'constant', type: 'percent', value: node.value, span: node.span }, type: 'percent' };
    case 'text':
      throw typeError('a quoted text can only follow "contains", as in news contains "earnings"', node.span);
    case 'name': {
      const resolved = resolveName(node.name, node.args, node.span);
      if (!resolved.ok) throw new Failure(resolved.error);
      const label = text.slice(node.span.column - 1, node.span.column - 1 + node.span.length);
      return {
        node: { kind: 'operand', type: resolved.type, operand: resolved.operand, label, span: node.span },
        type: resolved.type,
      };
    }
    case 'negate': {
      const operand = value(node.operand, text, 'after "-"');
      return {
        node: { kind: 'negate', type: operand.type, operand: operand.node, span: node.span },
        type: operand.type,
      };
    }
    case 'arithmetic':
      return arithmetic(node, text);
    case 'compare':
    case 'cross': {
      const left = value(node.left, text, `on the left of ${node.kind === 'cross' ? 'crosses' : node.op}`);
      const right = value(node.right, text, `on the right of ${node.kind === 'cross' ? 'crosses' : node.op}`);
      if (left.type !== right.type) {
        throw typeError(
          `cannot compare ${WORD[left.type]} with ${WORD[right.type]}`,
          node.span,
          left.type === 'percent' || right.type === 'percent'
            ? 'change(...) is a percent: compare it with a percent such as -5%'
            : undefined,
        );
      }
      const built: RuleNode =
        node.kind === 'cross'
          ? { kind: 'cross', direction: node.direction, left: left.node, right: right.node }
          : { kind: 'compare', op: node.op, left: left.node, right: right.node };
      return { node: built, type: 'boolean' };
    }
    case 'contains':
      if (node.left.kind !== 'name' || node.left.name !== 'news' || node.left.args !== undefined) {
        throw typeError('only news can be searched: write news contains "text"', node.left.span);
      }
      return { node: { kind: 'news', text: node.text }, type: 'boolean' };
    case 'not': {
      const operand = condition(node.operand, text, 'after "not"');
      return { node: { kind: 'not', operand }, type: 'boolean' };
    }
    case 'logic': {
      const left = condition(node.left, text, `on the left of "${node.op}"`);
      const right = condition(node.right, text, `on the right of "${node.op}"`);
      return { node: { kind: 'logic', op: node.op, left, right }, type: 'boolean' };
    }
  }
}

function value(node: SyntaxNode, text: string, where: string): { node: RuleNode; type: ValueType } {
  const typed = check(node, text);
  if (typed.type === 'boolean') throw typeError(`expected a number ${where}, found a condition`, node.span);
  return { node: typed.node, type: typed.type };
}

function condition(node: SyntaxNode, text: string, where: string): RuleNode {
  const typed = check(node, text);
  if (typed.type !== 'boolean') {
    throw typeError(
      `expected a condition ${where}, found ${WORD[typed.type]}`,
      node.span,
      'a condition compares two values, e.g. price > 200',
    );
  }
  return typed.node;
}

function arithmetic(node: Extract<SyntaxNode, { kind: 'arithmetic' }>, text: string): Typed {
  const left = value(node.left, text, `on the left of "${node.op}"`);
  const right = value(node.right, text, `on the right of "${node.op}"`);
  const type = resultType(node.op, left.type, right.type);
  if (type === undefined) {
    throw typeError(
      `cannot apply "${node.op}" to ${WORD[left.type]} and ${WORD[right.type]}`,
      node.span,
      'add or subtract values of one kind; multiply a number by a percent (sma(50) * 105%); divide a percent by a number',
    );
  }
  return { node: { kind: 'arithmetic', type, op: node.op, left: left.node, right: right.node, span: node.span }, type };
}

function resultType(op: string, left: ValueType, right: ValueType): ValueType | undefined {
  if (op === '+' || op === '-') return left === right ? left : undefined;
  if (op === '*') return left === 'percent' && right === 'percent' ? undefined : 'number';
  // division
  if (right === 'percent') return undefined;
  return left;
}
