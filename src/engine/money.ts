import { Decimal, type DecimalInput } from './decimal.js';

/** An amount in one currency. Arithmetic across currencies is an error, never a silent sum. */
export class Money {
  constructor(
    readonly amount: Decimal,
    readonly currency: string,
  ) {}

  static of(amount: DecimalInput, currency: string): Money {
    return new Money(Decimal.of(amount), currency);
  }

  plus(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money(this.amount.plus(other.amount), this.currency);
  }

  minus(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money(this.amount.minus(other.amount), this.currency);
  }

  times(factor: DecimalInput): Money {
    return new Money(this.amount.times(factor), this.currency);
  }

  toString(): string {
    return `${this.amount.toString()} ${this.currency}`;
  }

  toJSON(): { amount: string; currency: string } {
    return { amount: this.amount.toString(), currency: this.currency };
  }

  private assertSameCurrency(other: Money): void {
    if (other.currency !== this.currency) {
      throw new RangeError(`cannot combine ${this.currency} with ${other.currency}`);
    }
  }
}
