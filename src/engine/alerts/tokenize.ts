import type { RuleError, Span } from './ast.js';

export type TokenKind =
  'number' | 'percent' | 'duration' | 'text' | 'name' | 'keyword' | 'operator' | 'open' | 'close' | 'comma' | 'end';

export interface Token {
  readonly kind: TokenKind;
  /** The token as written; for `text` the unescaped contents, for names and keywords lower case. */
  readonly text: string;
  /** Numeric value: the number, the percent (5 for `5%`), or the duration in ms. */
  readonly value: number;
  readonly span: Span;
}

export const KEYWORDS = ['and', 'or', 'not', 'crosses', 'above', 'below', 'contains'] as const;

const DURATION_MS: Readonly<Record<string, number>> = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

const NUMBER = /^(\d+(?:\.\d+)?|\.\d+)/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const OPERATORS = ['>=', '<=', '==', '!=', '>', '<', '=', '+', '-', '*', '/'] as const;

export type TokenizeResult =
  { readonly ok: true; readonly tokens: readonly Token[] } | { readonly ok: false; readonly error: RuleError };

const syntaxError = (message: string, column: number, length = 1, hint?: string): TokenizeResult => ({
  ok: false,
  error: { code: 'syntax', message, column, length, ...(hint === undefined ? {} : { hint }) },
});

/**
 * Splits a rule into tokens. Numbers directly followed by `%` are percents (`-5%` is a minus and
 * the percent 5), by m/h/d/w durations (`1d`). Strings are double-quoted with `\"` and `\\`
 * escapes. Names and keywords are case-insensitive. Returns an error value, never throws.
 */
export function tokenize(text: string): TokenizeResult {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const rest = text.slice(index);
    const column = index + 1;
    const space = /^\s+/.exec(rest);
    if (space) {
      index += space[0].length;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      const token = numberToken(rest, number[0], column);
      if (!token.ok) return token.result;
      tokens.push(token.token);
      index += token.token.span.length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      const lower = name[0].toLowerCase();
      const kind = (KEYWORDS as readonly string[]).includes(lower) ? 'keyword' : 'name';
      tokens.push({ kind, text: lower, value: 0, span: { column, length: name[0].length } });
      index += name[0].length;
      continue;
    }
    if (rest[0] === '"') {
      const string = readString(rest, column);
      if (!string.ok) return string.result;
      tokens.push(string.token);
      index += string.token.span.length;
      continue;
    }
    const single = { '(': 'open', ')': 'close', ',': 'comma' } as const;
    const punct = single[rest[0] as keyof typeof single] as TokenKind | undefined;
    if (punct !== undefined) {
      tokens.push({ kind: punct, text: rest[0] as string, value: 0, span: { column, length: 1 } });
      index += 1;
      continue;
    }
    const operator = OPERATORS.find((op) => rest.startsWith(op));
    if (operator !== undefined) {
      const normalized = operator === '=' ? '==' : operator;
      tokens.push({ kind: 'operator', text: normalized, value: 0, span: { column, length: operator.length } });
      index += operator.length;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(index) as number);
    return syntaxError(
      `unexpected character "${char}"`,
      column,
      1,
      'rules use names, numbers, "text", ( ) and + - * / > >= < <= == !=',
    );
  }
  tokens.push({ kind: 'end', text: '', value: 0, span: { column: text.length + 1, length: 1 } });
  return { ok: true, tokens };
}

type Read = { ok: true; token: Token } | { ok: false; result: TokenizeResult };

function numberToken(rest: string, digits: string, column: number): Read {
  const after = rest.slice(digits.length);
  const value = Number(digits);
  if (after.startsWith('%')) {
    return {
      ok: true,
      token: { kind: 'percent', text: `${digits}%`, value, span: { column, length: digits.length + 1 } },
    };
  }
  const unit = /^[A-Za-z_][A-Za-z0-9_]*/.exec(after)?.[0];
  if (unit === undefined) {
    return { ok: true, token: { kind: 'number', text: digits, value, span: { column, length: digits.length } } };
  }
  const ms = DURATION_MS[unit];
  const length = digits.length + unit.length;
  if (ms === undefined || value <= 0) {
    return {
      ok: false,
      result: syntaxError(
        `"${digits}${unit}" is not a number or a duration`,
        column,
        length,
        'durations are a positive number and one of m, h, d, w (e.g. 15m, 4h, 1d, 2w)',
      ),
    };
  }
  return {
    ok: true,
    token: { kind: 'duration', text: `${digits}${unit}`, value: value * ms, span: { column, length } },
  };
}

function readString(rest: string, column: number): Read {
  let value = '';
  for (let i = 1; i < rest.length; i++) {
    const char = rest[i] as string;
    if (char === '"') {
      return { ok: true, token: { kind: 'text', text: value, value: 0, span: { column, length: i + 1 } } };
    }
    if (char === '\\' && (rest[i + 1] === '"' || rest[i + 1] === '\\')) {
      value += rest[i + 1];
      i++;
    } else {
      value += char;
    }
  }
  return { ok: false, result: syntaxError('this text is never closed: add a " at its end', column) };
}
