/** Where a node or token sits in the rule text: 1-based column of its first character and its length. */
export interface Span {
  readonly column: number;
  readonly length: number;
}

export type CompareOp = '>' | '>=' | '<' | '<=' | '==' | '!=';
export type ArithmeticOp = '+' | '-' | '*' | '/';

/** A literal argument of a call: `14`, `2.5` or a duration such as `1d` (in ms). */
export type Argument =
  | { readonly kind: 'number'; readonly value: number; readonly span: Span }
  | { readonly kind: 'duration'; readonly ms: number; readonly text: string; readonly span: Span };

/** The tree the parser builds, before names are resolved and types checked. */
export type SyntaxNode =
  | { readonly kind: 'number'; readonly value: number; readonly span: Span }
  | { readonly kind: 'percent'; readonly value: number; readonly span: Span }
  | { readonly kind: 'text'; readonly value: string; readonly span: Span }
  | {
      readonly kind: 'name';
      readonly name: string;
      /** Undefined for a bare name (`price`), the arguments for a call (`rsi(14)`). */
      readonly args: readonly Argument[] | undefined;
      readonly span: Span;
    }
  | { readonly kind: 'negate'; readonly operand: SyntaxNode; readonly span: Span }
  | { readonly kind: 'not'; readonly operand: SyntaxNode; readonly span: Span }
  | {
      readonly kind: 'arithmetic';
      readonly op: ArithmeticOp;
      readonly left: SyntaxNode;
      readonly right: SyntaxNode;
      readonly span: Span;
    }
  | {
      readonly kind: 'compare';
      readonly op: CompareOp;
      readonly left: SyntaxNode;
      readonly right: SyntaxNode;
      readonly span: Span;
    }
  | {
      readonly kind: 'cross';
      readonly direction: 'above' | 'below';
      readonly left: SyntaxNode;
      readonly right: SyntaxNode;
      readonly span: Span;
    }
  | { readonly kind: 'contains'; readonly left: SyntaxNode; readonly text: string; readonly span: Span }
  | {
      readonly kind: 'logic';
      readonly op: 'and' | 'or';
      readonly left: SyntaxNode;
      readonly right: SyntaxNode;
      readonly span: Span;
    };

/** Bar and quote fields a rule may name. */
export const FIELDS = ['price', 'open', 'high', 'low', 'close', 'volume'] as const;
export type FieldName = (typeof FIELDS)[number];

/** A resolved number-valued operand: what to read from the market data. */
export type Operand =
  | { readonly kind: 'field'; readonly field: FieldName }
  | { readonly kind: 'change'; readonly durationMs: number }
  | { readonly kind: 'avg-volume'; readonly period: number }
  | {
      readonly kind: 'indicator';
      /** Registry name (`bb`) and its parameters by key. */
      readonly name: string;
      readonly params: Readonly<Record<string, number>>;
      /** Output field of a multi-output indicator (`upper` of `bb_upper`). */
      readonly field: string | undefined;
      /** Bars the indicator needs to have a settled value. */
      readonly lookbackBars: number;
    };

export type ValueType = 'number' | 'percent';

/** The checked rule: names resolved, every node typed. */
export type RuleNode =
  | { readonly kind: 'constant'; readonly type: ValueType; readonly value: number; readonly span: Span }
  | {
      readonly kind: 'operand';
      readonly type: ValueType;
      readonly operand: Operand;
      /** The operand as written, e.g. `rsi(14)`, to show its value. */
      readonly label: string;
      readonly span: Span;
    }
  | { readonly kind: 'negate'; readonly type: ValueType; readonly operand: RuleNode; readonly span: Span }
  | {
      readonly kind: 'arithmetic';
      readonly type: ValueType;
      readonly op: ArithmeticOp;
      readonly left: RuleNode;
      readonly right: RuleNode;
      readonly span: Span;
    }
  | { readonly kind: 'compare'; readonly op: CompareOp; readonly left: RuleNode; readonly right: RuleNode }
  | {
      readonly kind: 'cross';
      readonly direction: 'above' | 'below';
      readonly left: RuleNode;
      readonly right: RuleNode;
    }
  | { readonly kind: 'news'; readonly text: string }
  | { readonly kind: 'not'; readonly operand: RuleNode }
  | { readonly kind: 'logic'; readonly op: 'and' | 'or'; readonly left: RuleNode; readonly right: RuleNode };

/** What a checked rule needs from the market data. */
export interface RuleNeeds {
  /** True when `price` or `change(...)` reads the latest quote. */
  readonly quote: boolean;
  /** True when the rule reads news headlines. */
  readonly news: boolean;
  /** Bars of the alert's interval the rule needs (at least 2: the current and the previous). */
  readonly lookbackBars: number;
  /** Longest `change(...)` duration, ms (0 when none). */
  readonly changeMs: number;
}

/** A parsed and checked rule. */
export interface Rule {
  /** The rule text as given. */
  readonly text: string;
  readonly root: RuleNode;
  readonly needs: RuleNeeds;
}

export type RuleErrorCode = 'syntax' | 'unknown-name' | 'parameter-count' | 'invalid-parameter' | 'type';

/** Why a rule was refused, and where (1-based column into the rule text). */
export interface RuleError {
  readonly code: RuleErrorCode;
  readonly message: string;
  readonly column: number;
  /** Characters to underline from `column` (at least 1). */
  readonly length: number;
  readonly hint?: string;
}

export type RuleResult = { readonly ok: true; readonly rule: Rule } | { readonly ok: false; readonly error: RuleError };
