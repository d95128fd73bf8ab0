import type { Decimal } from './decimal.js';

/** A cash dividend per share, effective on its ex-date (UTC epoch ms of that day). */
export interface Dividend {
  readonly kind: 'dividend';
  readonly exDateMs: number;
  readonly amount: Decimal;
  readonly currency: string;
}

/** A split of `numerator` new shares for `denominator` old ones (4-for-1: 4 / 1). */
export interface Split {
  readonly kind: 'split';
  readonly dateMs: number;
  readonly numerator: Decimal;
  readonly denominator: Decimal;
}

export type CorporateAction = Dividend | Split;
