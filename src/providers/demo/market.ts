import { findDemoInstrument } from './instruments.js';
import { seedKey } from './random.js';
import { SymbolSimulation } from './symbol-simulation.js';

/** The seed of the demo market everyone sees by default (the config's `demo.seed` default). */
export const DEFAULT_DEMO_SEED = 20_160_104;

/**
 * The whole simulated market under one seed: one memoized SymbolSimulation per instrument,
 * created on first use so that a quote for one symbol computes only that symbol. A future live
 * stream can share this object with the provider so both see the same prices.
 */
export class DemoMarket {
  readonly seed: number;
  readonly #seedKey: number;
  readonly #simulations = new Map<string, SymbolSimulation>();

  /** Throws RangeError unless `seed` is a whole number from 0 up. */
  constructor(seed: number = DEFAULT_DEMO_SEED) {
    this.seed = seed;
    this.#seedKey = seedKey(seed);
  }

  /** The simulation for user text naming a symbol (trimmed, any case), or undefined if unlisted. */
  simulation(text: string): SymbolSimulation | undefined {
    const instrument = findDemoInstrument(text);
    if (!instrument) return undefined;
    let simulation = this.#simulations.get(instrument.symbol);
    if (!simulation) {
      simulation = new SymbolSimulation(instrument, this.#seedKey);
      this.#simulations.set(instrument.symbol, simulation);
    }
    return simulation;
  }
}
