import type { Bar } from '../bar.js';

/**
 * A streaming indicator: O(1) work per bar (O(period) for window indicators that rescan their window).
 *
 * `update` adds a new bar; `replace` revises the most recent bar (the still-open candle), so
 * `update(a); replace(b)` leaves the indicator exactly as `update(b)` would. Both return the current
 * output, or null while the indicator is warming up (never 0).
 */
export interface IndicatorStream<Output> {
  update(bar: Bar): Output | null;
  replace(bar: Bar): Output | null;
}

export interface PeriodParams {
  readonly period: number;
}
export interface MacdParams {
  readonly fast: number;
  readonly slow: number;
  readonly signal: number;
}
export interface BollingerParams {
  readonly period: number;
  readonly multiplier: number;
}
export interface StochasticParams {
  readonly kPeriod: number;
  readonly kSmoothing: number;
  readonly dPeriod: number;
}
export interface KeltnerParams {
  readonly period: number;
  readonly atrPeriod: number;
  readonly multiplier: number;
}
export interface KamaParams {
  readonly period: number;
  readonly fast: number;
  readonly slow: number;
}
export interface AdoscParams {
  readonly fast: number;
  readonly slow: number;
}
export interface UltimateOscillatorParams {
  readonly fast: number;
  readonly medium: number;
  readonly slow: number;
}
export interface StochRsiParams {
  readonly period: number;
  readonly kPeriod: number;
  readonly dPeriod: number;
}
export interface PsarParams {
  readonly acceleration: number;
  readonly maximum: number;
}
export interface SuperTrendParams {
  readonly period: number;
  readonly multiplier: number;
}
export interface IchimokuParams {
  readonly conversion: number;
  readonly base: number;
  readonly spanB: number;
  readonly displacement: number;
}
export type NoParams = Readonly<Record<string, never>>;

export interface MacdOutput {
  readonly macd: number;
  readonly signal: number;
  readonly histogram: number;
}
export interface BandsOutput {
  readonly upper: number;
  readonly middle: number;
  readonly lower: number;
}
export interface AroonOutput {
  readonly up: number;
  readonly down: number;
}
export interface StochasticOutput {
  readonly k: number;
  readonly d: number;
}
export interface PpoOutput {
  readonly ppo: number;
  readonly signal: number;
  readonly histogram: number;
}
export interface SuperTrendOutput {
  readonly supertrend: number;
  /** 1 in an uptrend (the line is the lower band), -1 in a downtrend (the upper band). */
  readonly direction: 1 | -1;
}
export interface IchimokuOutput {
  readonly conversion: number;
  readonly base: number;
  /** snake case, as in column names and alert rules (`ichimoku_span_a`). */
  readonly span_a: number;
  readonly span_b: number;
}

/** Every indicator by name: its parameters and its output (a number, or an object of named numbers). */
export interface IndicatorCatalog {
  sma: { params: PeriodParams; output: number };
  ema: { params: PeriodParams; output: number };
  wma: { params: PeriodParams; output: number };
  dema: { params: PeriodParams; output: number };
  tema: { params: PeriodParams; output: number };
  rsi: { params: PeriodParams; output: number };
  macd: { params: MacdParams; output: MacdOutput };
  bb: { params: BollingerParams; output: BandsOutput };
  atr: { params: PeriodParams; output: number };
  natr: { params: PeriodParams; output: number };
  stoch: { params: StochasticParams; output: StochasticOutput };
  adx: { params: PeriodParams; output: number };
  cci: { params: PeriodParams; output: number };
  willr: { params: PeriodParams; output: number };
  mfi: { params: PeriodParams; output: number };
  roc: { params: PeriodParams; output: number };
  mom: { params: PeriodParams; output: number };
  obv: { params: NoParams; output: number };
  hma: { params: PeriodParams; output: number };
  dc: { params: PeriodParams; output: BandsOutput };
  kc: { params: KeltnerParams; output: BandsOutput };
  aroon: { params: PeriodParams; output: AroonOutput };
  cmf: { params: PeriodParams; output: number };
  trima: { params: PeriodParams; output: number };
  kama: { params: KamaParams; output: number };
  vwap: { params: NoParams; output: number };
  stddev: { params: PeriodParams; output: number };
  linreg: { params: PeriodParams; output: number };
  stochrsi: { params: StochRsiParams; output: StochasticOutput };
  trix: { params: PeriodParams; output: number };
  ppo: { params: MacdParams; output: PpoOutput };
  ultosc: { params: UltimateOscillatorParams; output: number };
  ad: { params: NoParams; output: number };
  adosc: { params: AdoscParams; output: number };
  psar: { params: PsarParams; output: number };
  supertrend: { params: SuperTrendParams; output: SuperTrendOutput };
  ichimoku: { params: IchimokuParams; output: IchimokuOutput };
}

export type IndicatorName = keyof IndicatorCatalog;
export type IndicatorParams<N extends IndicatorName> = IndicatorCatalog[N]['params'];
export type IndicatorOutput<N extends IndicatorName> = IndicatorCatalog[N]['output'];

/** A typed indicator request, e.g. `{ name: 'rsi', params: { period: 14 } }`. */
export type IndicatorSpec<N extends IndicatorName = IndicatorName> = {
  [K in N]: { readonly name: K; readonly params: IndicatorParams<K> };
}[N];
