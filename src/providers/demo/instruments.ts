import type { AssetClass, Instrument } from '../../engine/instrument.js';

/**
 * How one demo instrument moves. Prices live on a grid of 10^-priceDecimals (the tick), volumes
 * on a grid of 10^-volumeDecimals; the generator works in whole ticks and units so that every
 * number it shows is exact.
 */
export interface DemoSimulation {
  /** Price on the first trading day of the demo epoch, as decimal text in the quote currency. */
  readonly startPrice: string;
  /** Expected growth of the log-price per year (0.08 = about 8 %), for 25 years from the epoch. */
  readonly annualDrift: number;
  /** Standard deviation of returns per year (0.3 = 30 %). */
  readonly annualVolatility: number;
  readonly priceDecimals: number;
  readonly volumeDecimals: number;
  /** Volume of an ordinary trading day, in shares, coins or units (0 for FX, as real FX feeds). */
  readonly typicalVolume: number;
}

export interface DemoInstrument extends Instrument {
  readonly simulation: DemoSimulation;
}

function demo(
  symbol: string,
  name: string,
  assetClass: AssetClass,
  venue: { currency: string; exchange: string },
  simulation: DemoSimulation,
): DemoInstrument {
  return { symbol, name, assetClass, currency: venue.currency, exchange: venue.exchange, simulation };
}

const US = { currency: 'USD', exchange: 'DEMO' };
const EU = { currency: 'EUR', exchange: 'DEMO-EU' };
const LN = { currency: 'GBp', exchange: 'DEMO-LN' };
const CC = { currency: 'USD', exchange: 'DEMO-CC' };
const FX_USD = { currency: 'USD', exchange: 'DEMO-FX' };
const FX_JPY = { currency: 'JPY', exchange: 'DEMO-FX' };

const sim = (
  startPrice: string,
  annualDrift: number,
  annualVolatility: number,
  typicalVolume: number,
  priceDecimals = 2,
  volumeDecimals = 0,
): DemoSimulation => ({ startPrice, annualDrift, annualVolatility, priceDecimals, volumeDecimals, typicalVolume });

/**
 * The fictional instruments of the demo market. Symbols and names are invented (ACME, GLOBX and
 * ZORK-USD appear in the CLI's help examples); the FX pairs use real currency codes, because a
 * portfolio holding the EUR and GBp listings needs demo rates to convert, and their names say
 * "demo". Changing a row changes that instrument's whole demo history.
 */
export const DEMO_INSTRUMENTS: readonly DemoInstrument[] = [
  demo('ACME', 'Acme Rocket Works', 'equity', US, sim('120.00', 0.09, 0.32, 4_200_000)),
  demo('GLOBX', 'Globx Parcel Logistics', 'equity', US, sim('64.50', 0.05, 0.24, 2_600_000)),
  demo('QBTX', 'Quillbyte Software', 'equity', US, sim('210.00', 0.16, 0.38, 6_800_000)),
  demo('HXLM', 'Hexhelm Biotherapeutics', 'equity', US, sim('38.20', 0.04, 0.55, 3_100_000)),
  demo('VLTQ', 'Voltquill Power & Light', 'equity', US, sim('52.75', 0.03, 0.16, 1_900_000)),
  demo('FZLR', 'Fizzler Beverage Company', 'equity', US, sim('71.10', 0.05, 0.18, 2_200_000)),
  demo('KRMB', 'Krumble Bakeries', 'equity', US, sim('18.40', 0.02, 0.28, 1_300_000)),
  demo('BNKQ', 'Banquo Mutual Savings Bank', 'equity', US, sim('45.00', 0.06, 0.26, 5_400_000)),
  demo('BRZL', 'Brezelwerk Maschinenbau AG', 'equity', EU, sim('88.60', 0.04, 0.22, 900_000)),
  demo('TKPT', 'Teakpot & Sons plc', 'equity', LN, sim('845.5', 0.03, 0.21, 3_500_000, 1)),
  demo('DTMX', 'Demo Total Market ETF', 'etf', US, sim('250.00', 0.08, 0.16, 8_000_000)),
  demo('DBDZ', 'Demo Bond Ladder ETF', 'etf', US, sim('98.00', 0.01, 0.06, 3_000_000)),
  demo('DTKZ', 'Demo Tech Leaders ETF', 'etf', US, sim('145.00', 0.12, 0.24, 4_500_000)),
  demo('^DEMO', 'Stockato Demo 100 Index', 'index', US, sim('4000.00', 0.08, 0.17, 900_000_000)),
  demo('ZORK-USD', 'Zorkcoin (fictional coin)', 'crypto', CC, sim('4120.00', 0.35, 0.65, 18_000, 2, 4)),
  demo('QUX-USD', 'Quux Network Token (fictional coin)', 'crypto', CC, sim('210.00', 0.3, 0.8, 240_000, 2, 4)),
  demo('NBL-USD', 'Nebulite (fictional coin)', 'crypto', CC, sim('0.4200', 0.2, 0.95, 85_000_000, 4, 2)),
  demo('EURUSD=X', 'Euro / US Dollar (demo rate)', 'fx', FX_USD, sim('1.08500', 0, 0.07, 0, 5)),
  demo('GBPUSD=X', 'British Pound / US Dollar (demo rate)', 'fx', FX_USD, sim('1.45500', -0.01, 0.08, 0, 5)),
  demo('USDJPY=X', 'US Dollar / Japanese Yen (demo rate)', 'fx', FX_JPY, sim('119.500', 0.01, 0.09, 0, 3)),
];

const BY_SYMBOL = new Map(DEMO_INSTRUMENTS.map((instrument) => [instrument.symbol, instrument]));

/** The demo instrument for user text (trimmed, any case), or undefined when it lists none. */
export function findDemoInstrument(text: string): DemoInstrument | undefined {
  return BY_SYMBOL.get(text.trim().toUpperCase());
}

/** The public part of a demo instrument, without its simulation parameters. */
export function publicInstrument(instrument: DemoInstrument): Instrument {
  const { symbol, name, assetClass, currency, exchange } = instrument;
  return { symbol, name, assetClass, currency, exchange };
}
