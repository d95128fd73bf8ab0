import { UnknownSymbolError } from '../errors.js';

/**
 * The demo market used to be the default, so `stockato quote ACME` from an old note now asks a
 * real provider, which knows no ACME. Such an unknown-symbol error gets a hint to add --demo.
 * The demo instrument list is loaded only then, never on the way to a good answer.
 */
export async function withDemoHint<E>(error: E): Promise<E | UnknownSymbolError> {
  if (!(error instanceof UnknownSymbolError) || error.provider === 'demo') return error;
  const { findDemoInstrument } = await import('../providers/demo/instruments.js');
  if (!findDemoInstrument(error.symbol)) return error;
  return new UnknownSymbolError(error.provider, error.symbol, {
    hint: `${error.symbol} is a symbol of the simulated demo market: add --demo`,
    cause: error,
  });
}

/** Rethrows `error`, with the demo hint where it applies (for `.catch` on a single-symbol call). */
export async function rethrowWithDemoHint(error: unknown): Promise<never> {
  throw await withDemoHint(error);
}
