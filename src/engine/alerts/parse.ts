import type { Argument, CompareOp, RuleError, Span, SyntaxNode } from './ast.js';
import { tokenize, type Token } from './tokenize.js';

export type SyntaxResult =
  { readonly ok: true; readonly node: SyntaxNode } | { readonly ok: false; readonly error: RuleError };

/** Deeper nesting than this is refused rather than risking the stack. */
const MAX_DEPTH = 64;
const COMPARE_OPS: readonly string[] = ['>', '>=', '<', '<=', '==', '!='];

/** A parse failure carried up through the recursive descent; never leaves this module. */
class Failure {
  constructor(readonly error: RuleError) {}
}

/**
 * Parses rule text into a syntax tree (recursive descent, see the grammar in the README):
 *
 *   rule       = or END
 *   or         = and { "or" and }
 *   and        = not { "and" not }
 *   not        = "not" not | comparison
 *   comparison = sum [ compare-op sum | "crosses" ("above" | "below") sum | "contains" TEXT ]
 *   sum        = product { ("+" | "-") product }
 *   product    = unary { ("*" | "/") unary }
 *   unary      = "-" unary | primary
 *   primary    = NUMBER | PERCENT | TEXT | "(" or ")" | NAME [ "(" [ arg { "," arg } ] ")" ]
 *   arg        = NUMBER | DURATION
 *
 * Returns an error value with the column, never throws.
 */
export function parseSyntax(text: string): SyntaxResult {
  const tokenized = tokenize(text);
  if (!tokenized.ok) return tokenized;
  const parser = new Parser(tokenized.tokens);
  try {
    const node = parser.or();
    parser.expectEnd();
    return { ok: true, node };
  } catch (error) {
    if (error instanceof Failure) return { ok: false, error: error.error };
    throw error;
  }
}

class Parser {
  #index = 0;
  #depth = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  or(): SyntaxNode {
    return this.#nested(() => {
      let left = this.and();
      while (this.#isKeyword('or')) {
        this.#next();
        const right = this.and();
        left = { kind: 'logic', op: 'or', left, right, span: join(left.span, right.span) };
      }
      return left;
    });
  }

  and(): SyntaxNode {
    let left = this.not();
    while (this.#isKeyword('and')) {
      this.#next();
      const right = this.not();
      left = { kind: 'logic', op: 'and', left, right, span: join(left.span, right.span) };
    }
    return left;
  }

  not(): SyntaxNode {
    if (!this.#isKeyword('not')) return this.comparison();
    const keyword = this.#next();
    return this.#nested(() => {
      const operand = this.not();
      return { kind: 'not', operand, span: join(keyword.span, operand.span) };
    });
  }

  comparison(): SyntaxNode {
    const left = this.sum();
    const token = this.#peek();
    if (token.kind === 'operator' && COMPARE_OPS.includes(token.text)) {
      this.#next();
      const right = this.sum();
      return { kind: 'compare', op: token.text as CompareOp, left, right, span: join(left.span, right.span) };
    }
    if (this.#isKeyword('crosses')) {
      this.#next();
      const direction = this.#peek();
      if (!(direction.kind === 'keyword' && (direction.text === 'above' || direction.text === 'below'))) {
        throw this.#fail(direction, `expected "above" or "below" after "crosses", found ${describe(direction)}`);
      }
      this.#next();
      const right = this.sum();
      return { kind: 'cross', direction: direction.text, left, right, span: join(left.span, right.span) };
    }
    if (this.#isKeyword('contains')) {
      this.#next();
      const text = this.#peek();
      if (text.kind !== 'text') {
        throw this.#fail(text, `expected a quoted text after "contains" (e.g. "earnings"), found ${describe(text)}`);
      }
      this.#next();
      return { kind: 'contains', left, text: text.text, span: join(left.span, text.span) };
    }
    return left;
  }

  sum(): SyntaxNode {
    let left = this.product();
    for (let token = this.#peek(); this.#isOperator(token, '+', '-'); token = this.#peek()) {
      this.#next();
      const right = this.product();
      left = { kind: 'arithmetic', op: token.text as '+' | '-', left, right, span: join(left.span, right.span) };
    }
    return left;
  }

  product(): SyntaxNode {
    let left = this.unary();
    for (let token = this.#peek(); this.#isOperator(token, '*', '/'); token = this.#peek()) {
      this.#next();
      const right = this.unary();
      left = { kind: 'arithmetic', op: token.text as '*' | '/', left, right, span: join(left.span, right.span) };
    }
    return left;
  }

  unary(): SyntaxNode {
    const token = this.#peek();
    if (!this.#isOperator(token, '-')) return this.primary();
    this.#next();
    return this.#nested(() => {
      const operand = this.unary();
      return { kind: 'negate', operand, span: join(token.span, operand.span) };
    });
  }

  primary(): SyntaxNode {
    const token = this.#next();
    switch (token.kind) {
      case 'number':
        return { kind: 'number', value: token.value, span: token.span };
      case 'percent':
        return { kind: 'percent', value: token.value, span: token.span };
      case 'text':
        return { kind: 'text', value: token.text, span: token.span };
      case 'open': {
        const inner = this.or();
        const close = this.#peek();
        if (close.kind !== 'close')
          throw this.#fail(
            close,
            `expected ")" to close the "(" at column ${token.span.column}, found ${describe(close)}`,
          );
        this.#next();
        return withSpan(inner, join(token.span, close.span));
      }
      case 'name':
        return this.#call(token);
      case 'duration':
        throw this.#fail(
          token,
          `a duration such as ${token.text} is only allowed as an argument, e.g. change(${token.text})`,
        );
      default:
        throw this.#fail(
          token,
          `expected a value (a number, a name such as price or rsi(14), or "("), found ${describe(token)}`,
        );
    }
  }

  expectEnd(): void {
    const token = this.#peek();
    if (token.kind !== 'end') {
      throw this.#fail(token, `expected "and", "or" or the end of the rule, found ${describe(token)}`);
    }
  }

  #call(name: Token): SyntaxNode {
    if (this.#peek().kind !== 'open') return { kind: 'name', name: name.text, args: undefined, span: name.span };
    const open = this.#next();
    const args: Argument[] = [];
    if (this.#peek().kind !== 'close') {
      for (;;) {
        args.push(this.#argument(name));
        const token = this.#peek();
        if (token.kind === 'comma') {
          this.#next();
          continue;
        }
        if (token.kind === 'close') break;
        throw this.#fail(
          token,
          `expected "," or ")" in the arguments of ${name.text}( at column ${open.span.column}, found ${describe(token)}`,
        );
      }
    }
    const close = this.#next();
    return { kind: 'name', name: name.text, args, span: join(name.span, close.span) };
  }

  #argument(name: Token): Argument {
    const token = this.#next();
    if (token.kind === 'number') return { kind: 'number', value: token.value, span: token.span };
    if (token.kind === 'duration') return { kind: 'duration', ms: token.value, text: token.text, span: token.span };
    throw this.#fail(
      token,
      `arguments of ${name.text}(...) are plain numbers or durations (14, 2.5, 1d), found ${describe(token)}`,
    );
  }

  #nested<T>(fn: () => T): T {
    if (++this.#depth > MAX_DEPTH) {
      throw this.#fail(this.#peek(), `the rule nests deeper than ${MAX_DEPTH} levels`);
    }
    try {
      return fn();
    } finally {
      this.#depth--;
    }
  }

  #peek(): Token {
    return this.tokens[this.#index] as Token;
  }

  #next(): Token {
    const token = this.#peek();
    if (token.kind !== 'end') this.#index++;
    return token;
  }

  #isKeyword(word: string): boolean {
    const token = this.#peek();
    return token.kind === 'keyword' && token.text === word;
  }

  #isOperator(token: Token, ...ops: string[]): boolean {
    return token.kind === 'operator' && ops.includes(token.text);
  }

  #fail(token: Token, message: string): Failure {
    return new Failure({ code: 'syntax', message, column: token.span.column, length: token.span.length });
  }
}

function describe(token: Token): string {
  if (token.kind === 'end') return 'the end of the rule';
  if (token.kind === 'text') return `the text "${token.text}"`;
  return `"${token.text}"`;
}

function join(first: Span, last: Span): Span {
  return { column: first.column, length: last.column + last.length - first.column };
}

function withSpan(node: SyntaxNode, span: Span): SyntaxNode {
  return { ...node, span } as SyntaxNode;
}
