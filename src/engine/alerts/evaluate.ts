import type { Bar } from '../bar.js';
import { createIndicator, type IndicatorSpec } from '../indicators/index.js';
import type { Operand, Rule, RuleNode } from './ast.js';
import { operandsOf } from './compile.js';

export interface NewsHeadline {
  readonly title: string;
  readonly publishedMs: number;
}

/** The market data one alert is evaluated on. */
export interface MarketData {
  /** Bars of the alert's interval, oldest first; the last one may still be open. */
  readonly bars: readonly Bar[];
  /** The latest quote: `price` reads it. Without one, price is the last bar's close. */
  readonly quote?: { readonly price: number; readonly tsMs: number };
  /** Headlines about the symbol; undefined when the provider gives none. */
  readonly news?: readonly NewsHeadline[];
  /**
   * Indicator outputs at the last two bars by spec and lookback, shared by every rule evaluated
   * on the same bars (a check run computes each indicator once per symbol and interval). Pass a
   * new Map per bar series; its entries are internal to evaluateRule.
   */
  readonly cache?: Map<string, readonly unknown[]>;
}

export interface OperandValue {
  /** The operand as written in the rule, e.g. `rsi(14)`. */
  readonly label: string;
  readonly value: number | null;
  /** The value one bar earlier (what `crosses` compares against). */
  readonly previous: number | null;
}

export interface Evaluation {
  /** The rule's condition now; null when the data is too short to tell (warm-up, no bars). */
  readonly condition: boolean | null;
  /** Start of the current bar, UTC epoch ms (undefined without bars). */
  readonly barMs: number | undefined;
  /** Time of the data the condition was read from: the quote's when it is newer, else the bar's. */
  readonly observedMs: number | undefined;
  readonly values: readonly OperandValue[];
}

/** Which bar a value is read at: the current (last) bar with the live price, or the one before. */
interface Point {
  readonly index: number;
  readonly price: number | null;
}

/**
 * Evaluates a rule on market data, purely. Values are read at two points: the current bar (the
 * last one; `price` is the quote's last price when given) and the previous bar (`price` is its
 * close). `a crosses above b` is true when a <= b at the previous point and a > b at the current
 * one (below: a >= b, then a < b). A value that cannot be computed yet is null; a comparison
 * with a null is unknown, and `and`/`or`/`not` follow three-valued logic (false and unknown is
 * false, true or unknown is true).
 */
export function evaluateRule(rule: Rule, data: MarketData): Evaluation {
  const { bars } = data;
  const last = bars.length - 1;
  const lastBar = bars[last];
  const previousBar = bars[last - 1];
  const current: Point = { index: last, price: data.quote?.price ?? (lastBar ? lastBar.close.toNumber() : null) };
  const previous: Point = { index: last - 1, price: previousBar ? previousBar.close.toNumber() : null };
  const reader = new Reader(data);
  const seen = new Set<string>();
  const values: OperandValue[] = [];
  for (const node of operandsOf(rule.root)) {
    if (seen.has(node.label)) continue;
    seen.add(node.label);
    values.push({
      label: node.label,
      value: reader.operand(node.operand, current),
      previous: reader.operand(node.operand, previous),
    });
  }
  const quoteMs = data.quote?.tsMs;
  const observedMs =
    quoteMs !== undefined && (lastBar === undefined || quoteMs > lastBar.tsMs) ? quoteMs : lastBar?.tsMs;
  return { condition: reader.condition(rule.root, current, previous), barMs: lastBar?.tsMs, observedMs, values };
}

class Reader {
  constructor(private readonly data: MarketData) {}

  condition(node: RuleNode, current: Point, previous: Point): boolean | null {
    switch (node.kind) {
      case 'compare':
        return compare(node.op, this.value(node.left, current), this.value(node.right, current));
      case 'cross': {
        const [a0, b0] = [this.value(node.left, previous), this.value(node.right, previous)];
        const [a1, b1] = [this.value(node.left, current), this.value(node.right, current)];
        if (a0 === null || b0 === null || a1 === null || b1 === null) return null;
        return node.direction === 'above' ? a0 <= b0 && a1 > b1 : a0 >= b0 && a1 < b1;
      }
      case 'news':
        return this.news(node.text, current);
      case 'not': {
        const inner = this.condition(node.operand, current, previous);
        return inner === null ? null : !inner;
      }
      case 'logic': {
        const left = this.condition(node.left, current, previous);
        const right = this.condition(node.right, current, previous);
        if (node.op === 'and')
          return left === false || right === false ? false : left === null || right === null ? null : true;
        return left === true || right === true ? true : left === null || right === null ? null : false;
      }
      default:
        return null; // values are never conditions after checking
    }
  }

  value(node: RuleNode, point: Point): number | null {
    switch (node.kind) {
      case 'constant':
        return node.value;
      case 'operand':
        return this.operand(node.operand, point);
      case 'negate': {
        const inner = this.value(node.operand, point);
        return inner === null ? null : -inner;
      }
      case 'arithmetic': {
        const left = this.value(node.left, point);
        const right = this.value(node.right, point);
        if (left === null || right === null) return null;
        return arithmetic(
          node.op,
          node.op === '*' && isPercent(node.left) ? left / 100 : left,
          node.op === '*' && isPercent(node.right) ? right / 100 : right,
        );
      }
      default:
        return null;
    }
  }

  operand(operand: Operand, point: Point): number | null {
    const bar = this.data.bars[point.index];
    if (bar === undefined) return null;
    switch (operand.kind) {
      case 'field':
        return operand.field === 'price' ? point.price : bar[operand.field].toNumber();
      case 'change':
        return this.change(operand.durationMs, point);
      case 'avg-volume':
        return this.averageVolume(operand.period, point.index);
      case 'indicator':
        return this.indicator(operand, point.index);
    }
  }

  change(durationMs: number, point: Point): number | null {
    const { bars } = this.data;
    const bar = bars[point.index] as Bar;
    let reference: Bar | undefined;
    for (let i = point.index - 1; i >= 0; i--) {
      const candidate = bars[i] as Bar;
      if (candidate.tsMs <= bar.tsMs - durationMs) {
        reference = candidate;
        break;
      }
    }
    if (reference === undefined || point.price === null) return null;
    const base = reference.close.toNumber();
    return base === 0 ? null : ((point.price - base) / base) * 100;
  }

  averageVolume(period: number, index: number): number | null {
    if (index + 1 < period) return null;
    let sum = 0;
    for (let i = index - period + 1; i <= index; i++) sum += (this.data.bars[i] as Bar).volume.toNumber();
    return sum / period;
  }

  indicator(operand: Extract<Operand, { kind: 'indicator' }>, index: number): number | null {
    // Over its own lookback only: the value does not depend on which other rules share the bars.
    // Values are only ever read at the last two bars, so the stream is fed the lookback and only
    // its last two outputs are kept (no output array, no copy of the bars).
    const { bars } = this.data;
    const start = Math.max(0, bars.length - operand.lookbackBars);
    const key = `${specKey(operand)}:${start}`;
    let outputs = this.data.cache?.get(key);
    if (outputs === undefined) {
      outputs = lastTwoOutputs({ name: operand.name, params: operand.params } as unknown as IndicatorSpec, bars, start);
      this.data.cache?.set(key, outputs);
    }
    // outputs[1] is at the last bar, outputs[0] at the one before.
    const output = outputs[index - (bars.length - 2)];
    if (output === null || output === undefined) return null;
    const value = operand.field === undefined ? output : (output as Record<string, unknown>)[operand.field];
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  }

  news(text: string, point: Point): boolean | null {
    const { news, bars } = this.data;
    const bar = bars[point.index];
    if (news === undefined || bar === undefined) return null;
    const next = bars[point.index + 1];
    const needle = text.toLowerCase();
    return news.some(
      (item) =>
        item.publishedMs >= bar.tsMs &&
        (next === undefined || item.publishedMs < next.tsMs) &&
        item.title.toLowerCase().includes(needle),
    );
  }
}

/**
 * The indicator's outputs at the last two bars when fed `bars` from `start` on, as
 * `[previous, last]` (null in warm-up or before `start`): the same values as
 * `computeIndicator(spec, bars.slice(start))` at those bars.
 */
export function lastTwoOutputs(spec: IndicatorSpec, bars: readonly Bar[], start: number): readonly unknown[] {
  const stream = createIndicator(spec);
  let previous: unknown = null;
  let last: unknown = null;
  for (let i = start; i < bars.length; i++) {
    previous = last;
    last = stream.update(bars[i] as Bar);
  }
  return [previous, last];
}

/** `name:params` of an indicator operand, built once per parsed rule (a check reads it 10,000s of times). */
const SPEC_KEYS = new WeakMap<object, string>();
function specKey(operand: Extract<Operand, { kind: 'indicator' }>): string {
  let key = SPEC_KEYS.get(operand);
  if (key === undefined) {
    key = `${operand.name}:${JSON.stringify(operand.params)}`;
    SPEC_KEYS.set(operand, key);
  }
  return key;
}

function isPercent(node: RuleNode): boolean {
  return 'type' in node && node.type === 'percent';
}

/** `*` has already turned a percent operand into its fraction (105% is 1.05). Division by zero is null. */
function arithmetic(op: string, left: number, right: number): number | null {
  switch (op) {
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    default:
      return right === 0 ? null : left / right;
  }
}

function compare(op: string, left: number | null, right: number | null): boolean | null {
  if (left === null || right === null || Number.isNaN(left) || Number.isNaN(right)) return null;
  switch (op) {
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '==':
      return left === right;
    default:
      return left !== right;
  }
}
