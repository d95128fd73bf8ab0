import { adx } from './adx.js';
import { aroon } from './aroon.js';
import { donchian, keltner } from './channels.js';
import { macd } from './macd.js';
import { cci, mfi, momentum, rsi, roc, stochastic, williamsR } from './momentum.js';
import { dema, ema, hma, sma, tema, trima, wma } from './moving-averages.js';
import type { IndicatorName, IndicatorOutput, IndicatorParams, IndicatorStream } from './types.js';
import { atr, bollinger, natr } from './volatility.js';
import { ad, adosc, cmf, obv, vwap } from './volume.js';
import { ichimoku } from './ichimoku.js';
import { kama } from './kama.js';
import { ppo } from './macd.js';
import { stochRsi, trix, ultimateOscillator } from './oscillators.js';
import { psar } from './psar.js';
import { linearRegression, standardDeviation } from './regression.js';
import { superTrend } from './supertrend.js';

/** `period`: a positive integer count of bars; `multiplier`: a positive finite number. */
export type ParamKind = 'period' | 'multiplier';

export interface ParamDefinition<Key extends string = string> {
  readonly key: Key;
  readonly kind: ParamKind;
  readonly default: number;
}

export interface IndicatorDefinition<N extends IndicatorName> {
  readonly summary: string;
  /** Parameters in spec-text order (`macd:12:26:9` is fast, slow, signal). */
  readonly params: readonly ParamDefinition<Extract<keyof IndicatorParams<N>, string>>[];
  /** Named output fields for multi-output indicators (`bb.upper`); empty when the output is one number. */
  readonly fields: readonly string[];
  /** A cross-parameter rule; returns what is wrong, or undefined. */
  readonly check?: (params: IndicatorParams<N>) => string | undefined;
  readonly create: (params: IndicatorParams<N>) => IndicatorStream<IndicatorOutput<N>>;
  /**
   * True when an output depends only on a window of recent bars no longer than the sum of the
   * period parameters plus one (a moving sum, max or min; no recursion, no running total), so
   * that bars further back never change it. A test checks this for every indicator marked so.
   */
  readonly window?: true;
}

const period = (value: number): ParamDefinition<'period'> => ({ key: 'period', kind: 'period', default: value });
const byPeriod = (summary: string, defaultPeriod: number) => ({ summary, params: [period(defaultPeriod)], fields: [] });

/** Every indicator, by the name used in specs, alert rules and the CLI. */
export const INDICATORS: { readonly [N in IndicatorName]: IndicatorDefinition<N> } = {
  sma: { ...byPeriod('simple moving average', 20), create: sma, window: true },
  ema: { ...byPeriod('exponential moving average', 20), create: ema },
  wma: { ...byPeriod('weighted moving average', 20), create: wma, window: true },
  dema: { ...byPeriod('double exponential moving average', 20), create: dema },
  tema: { ...byPeriod('triple exponential moving average', 20), create: tema },
  rsi: { ...byPeriod('relative strength index', 14), create: rsi },
  macd: {
    summary: 'moving average convergence/divergence',
    params: [
      { key: 'fast', kind: 'period', default: 12 },
      { key: 'slow', kind: 'period', default: 26 },
      { key: 'signal', kind: 'period', default: 9 },
    ],
    fields: ['macd', 'signal', 'histogram'],
    check: ({ fast, slow }) => (fast < slow ? undefined : `fast period ${fast} must be below slow period ${slow}`),
    create: macd,
  },
  bb: {
    summary: 'Bollinger Bands',
    params: [period(20), { key: 'multiplier', kind: 'multiplier', default: 2 }],
    fields: ['upper', 'middle', 'lower'],
    create: bollinger,
    window: true,
  },
  atr: { ...byPeriod('average true range', 14), create: atr },
  natr: { ...byPeriod('normalized average true range (percent)', 14), create: natr },
  stoch: {
    summary: 'slow stochastic oscillator',
    params: [
      { key: 'kPeriod', kind: 'period', default: 14 },
      { key: 'kSmoothing', kind: 'period', default: 3 },
      { key: 'dPeriod', kind: 'period', default: 3 },
    ],
    fields: ['k', 'd'],
    create: stochastic,
    window: true,
  },
  adx: { ...byPeriod('average directional index', 14), create: adx },
  cci: { ...byPeriod('commodity channel index', 20), create: cci, window: true },
  willr: { ...byPeriod('Williams %R', 14), create: williamsR, window: true },
  mfi: { ...byPeriod('money flow index', 14), create: mfi, window: true },
  roc: { ...byPeriod('rate of change (percent)', 10), create: roc, window: true },
  mom: { ...byPeriod('momentum', 10), create: momentum, window: true },
  obv: { summary: 'on-balance volume', params: [], fields: [], create: obv },
  hma: {
    ...byPeriod('Hull moving average', 20),
    check: ({ period: value }) => (value >= 2 ? undefined : `period must be at least 2, got ${value}`),
    create: hma,
    window: true,
  },
  dc: {
    summary: 'Donchian channels',
    params: [period(20)],
    fields: ['upper', 'middle', 'lower'],
    create: donchian,
    window: true,
  },
  kc: {
    summary: 'Keltner channels',
    params: [
      period(20),
      { key: 'atrPeriod', kind: 'period', default: 10 },
      { key: 'multiplier', kind: 'multiplier', default: 2 },
    ],
    fields: ['upper', 'middle', 'lower'],
    create: keltner,
  },
  aroon: { summary: 'Aroon up and down', params: [period(14)], fields: ['up', 'down'], create: aroon, window: true },
  cmf: { ...byPeriod('Chaikin money flow', 20), create: cmf, window: true },
  trima: { ...byPeriod('triangular moving average', 20), create: trima, window: true },
  kama: {
    summary: 'Kaufman adaptive moving average',
    params: [period(10), { key: 'fast', kind: 'period', default: 2 }, { key: 'slow', kind: 'period', default: 30 }],
    fields: [],
    check: ({ fast, slow }) => (fast < slow ? undefined : `fast period ${fast} must be below slow period ${slow}`),
    create: kama,
  },
  vwap: { summary: 'volume-weighted average price (UTC-day session)', params: [], fields: [], create: vwap },
  stddev: { ...byPeriod('standard deviation of closes', 20), create: standardDeviation, window: true },
  linreg: { ...byPeriod('linear regression value', 14), create: linearRegression, window: true },
  stochrsi: {
    summary: 'stochastic RSI',
    params: [
      period(14),
      { key: 'kPeriod', kind: 'period', default: 14 },
      { key: 'dPeriod', kind: 'period', default: 3 },
    ],
    fields: ['k', 'd'],
    create: stochRsi,
  },
  trix: { ...byPeriod('triple-smoothed EMA rate of change (percent)', 15), create: trix },
  ppo: {
    summary: 'percentage price oscillator',
    params: [
      { key: 'fast', kind: 'period', default: 12 },
      { key: 'slow', kind: 'period', default: 26 },
      { key: 'signal', kind: 'period', default: 9 },
    ],
    fields: ['ppo', 'signal', 'histogram'],
    check: ({ fast, slow }) => (fast < slow ? undefined : `fast period ${fast} must be below slow period ${slow}`),
    create: ppo,
  },
  ultosc: {
    summary: 'ultimate oscillator',
    params: [
      { key: 'fast', kind: 'period', default: 7 },
      { key: 'medium', kind: 'period', default: 14 },
      { key: 'slow', kind: 'period', default: 28 },
    ],
    fields: [],
    create: ultimateOscillator,
    window: true,
  },
  ad: { summary: 'Chaikin accumulation/distribution line', params: [], fields: [], create: ad },
  adosc: {
    summary: 'Chaikin A/D oscillator',
    params: [
      { key: 'fast', kind: 'period', default: 3 },
      { key: 'slow', kind: 'period', default: 10 },
    ],
    fields: [],
    check: ({ fast, slow }) => (fast < slow ? undefined : `fast period ${fast} must be below slow period ${slow}`),
    create: adosc,
  },
  psar: {
    summary: 'parabolic SAR',
    params: [
      { key: 'acceleration', kind: 'multiplier', default: 0.02 },
      { key: 'maximum', kind: 'multiplier', default: 0.2 },
    ],
    fields: [],
    check: ({ acceleration, maximum }) =>
      acceleration <= maximum ? undefined : `acceleration ${acceleration} must not exceed maximum ${maximum}`,
    create: psar,
  },
  supertrend: {
    summary: 'SuperTrend',
    params: [period(10), { key: 'multiplier', kind: 'multiplier', default: 3 }],
    fields: ['supertrend', 'direction'],
    create: superTrend,
  },
  ichimoku: {
    summary: 'Ichimoku cloud',
    params: [
      { key: 'conversion', kind: 'period', default: 9 },
      { key: 'base', kind: 'period', default: 26 },
      { key: 'spanB', kind: 'period', default: 52 },
      { key: 'displacement', kind: 'period', default: 26 },
    ],
    fields: ['conversion', 'base', 'span_a', 'span_b'],
    create: ichimoku,
  },
};

/** The known indicator names, in registry order. */
export const INDICATOR_NAMES = Object.keys(INDICATORS) as IndicatorName[];

/** True when `name` is a known indicator name (exact, lower case). */
export function isIndicatorName(name: string): name is IndicatorName {
  return Object.hasOwn(INDICATORS, name);
}
