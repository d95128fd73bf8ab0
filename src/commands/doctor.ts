import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { AppError, EXIT } from '../errors.js';
import { REDACTED } from '../providers/http/redact.js';
import type { Config } from '../config/config.js';
import { CHAIN_NAMES } from '../providers/router/assemble.js';
import { loadProvider, PROVIDER_IDS } from '../providers/registry.js';
import { chainSettings } from '../services/provider-setup.js';
import type { CredentialSource, CredentialStore, KeychainStatus, KeyPresence } from '../secrets/index.js';
import { findKeyedProvider } from '../secrets/keyed-providers.js';
import type { Store } from '../store/store.js';
import { renderDoctorReport } from './doctor-render.js';

/** What the store knows of a provider's recent requests (store.providerHealth.all()). */
export interface ProviderHealth {
  readonly provider: string;
  readonly lastSuccessMs?: number;
  readonly lastFailureMs?: number;
  readonly lastErrorCode?: string;
  readonly lastErrorMessage?: string;
}

export const REQUIRED_NODE = '20.19';
type Quota = { readonly perMinute?: number; readonly perDay?: number };

export interface BudgetLine {
  readonly span: 'minute' | 'day';
  readonly limit: number;
  readonly used: number;
  readonly remaining: number;
}

export interface ProviderReport {
  readonly id: string;
  readonly requiresKey: boolean;
  readonly keySource: CredentialSource | null;
  readonly budget: readonly BudgetLine[];
  readonly lastSuccessMs: number | null;
  readonly lastFailureMs: number | null;
  readonly lastError: { readonly code: string; readonly message: string } | null;
  readonly ok: boolean;
}

export interface DoctorReport {
  readonly ok: boolean;
  readonly problems: readonly string[];
  readonly node: { readonly version: string; readonly required: string; readonly ok: boolean };
  readonly database: {
    readonly path: string;
    readonly exists: boolean;
    readonly opens: boolean;
    readonly schemaVersion: number | null;
    readonly quickCheck: string | null;
    readonly error: string | null;
    readonly ok: boolean;
  };
  readonly keychain: KeychainStatus;
  readonly providers: readonly ProviderReport[];
}

export interface DoctorDeps {
  readonly nodeVersion: string;
  readonly databaseFile: string;
  /** Opens an existing database read-only (doctor never creates or migrates one). */
  readonly openStore: (path: string) => Promise<Store>;
  readonly credentials: CredentialStore;
  /** The providers the config asks for; keyed providers with a key and those with a health record join them. */
  readonly configuredProviders: readonly string[];
  readonly quotaOf: (providerId: string) => Promise<Quota | undefined>;
  readonly health: () => readonly ProviderHealth[];
  readonly nowMs: number;
}

export function define(command: Command, context: () => CommandContext): void {
  command
    .addHelpText('after', '\nExamples:\n  $ stockato doctor\n  $ stockato doctor --json | jq .problems')
    .action(async () => {
      const ctx = context();
      const format = ctx.format(['table', 'json']);
      const config = await ctx.config();
      let opened: Store | undefined;
      const report = await runDoctor({
        nodeVersion: process.versions.node,
        databaseFile: ctx.paths().databaseFile,
        openStore: async (path) => {
          opened = (await import('../store/store.js')).openStore(path, { readonly: true });
          return opened;
        },
        credentials: await ctx.credentialStore(),
        configuredProviders: configuredProviders(config),
        quotaOf: async (id) => {
          const demoSeed = config.getNumber('demo.seed');
          return (await loadProvider(id, { clock: ctx.clock, demoSeed })).capabilities.quota;
        },
        // Asked after the database check, so `opened` is the store it opened (or none).
        health: () => opened?.providerHealth.all() ?? [],
        nowMs: ctx.clock.nowMs(),
      });
      ctx.print(format === 'json' ? JSON.stringify(report, null, 2) : renderDoctorReport(report));
      if (!report.ok) {
        ctx.exitCode = EXIT.failure;
        for (const problem of report.problems) ctx.fail(new AppError('doctor', problem));
      }
    });
}

/**
 * The providers the config routes to: the one named by `provider`, or for `auto` those of the
 * configured chains and overrides, and every keyless registry source when a chain is left to the
 * default order (keyed ones join through their keys).
 */
export function configuredProviders(config: Config): string[] {
  const provider = config.getString('provider');
  if (provider !== 'auto') return [provider];
  const { chains, overrides } = chainSettings(config);
  const ids = [...Object.values(chains).flat(), ...Object.values(overrides)];
  if (CHAIN_NAMES.some((name) => chains[name] === undefined)) {
    ids.push(...PROVIDER_IDS.filter((id) => id !== 'demo' && findKeyedProvider(id) === undefined));
  }
  return [...new Set(ids)];
}

/** Checks everything it can and reports; it throws only for a bug, never for what it finds. */
export async function runDoctor(deps: DoctorDeps): Promise<DoctorReport> {
  const problems: string[] = [];
  const node = { version: deps.nodeVersion, required: `>=${REQUIRED_NODE}`, ok: meetsNode(deps.nodeVersion) };
  if (!node.ok) problems.push(`Node.js ${deps.nodeVersion} is too old: stockato needs ${REQUIRED_NODE} or newer`);
  const { database, store } = await checkDatabase(deps);
  if (!database.ok)
    problems.push(`database ${database.path}: ${database.error ?? `quick check: ${database.quickCheck}`}`);
  try {
    const keychain = await deps.credentials.keychainStatus();
    const providers = await checkProviders(deps, store, problems);
    return { ok: problems.length === 0, problems, node, database, keychain, providers };
  } finally {
    store?.close();
  }
}

export function meetsNode(version: string, required: string = REQUIRED_NODE): boolean {
  const have = version.replace(/^v/, '').split('.').map(Number);
  const need = required.split('.').map(Number);
  for (let i = 0; i < need.length; i++) {
    const a = have[i] ?? 0;
    const b = need[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

async function checkDatabase(deps: DoctorDeps): Promise<{ database: DoctorReport['database']; store?: Store }> {
  const base = { path: deps.databaseFile, schemaVersion: null, quickCheck: null };
  if (!existsSync(deps.databaseFile)) {
    return { database: { ...base, exists: false, opens: false, error: null, ok: true } };
  }
  let store: Store;
  try {
    store = await deps.openStore(deps.databaseFile);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // An older schema is upgraded by the next command that writes; that is not a fault.
    const outdated = error instanceof AppError && error.code === 'database-outdated';
    return { database: { ...base, exists: true, opens: false, error: message, ok: outdated } };
  }
  const rows = store.db.pragma('quick_check') as Array<{ quick_check: string }>;
  const quickCheck = rows.map((row) => row.quick_check).join('; ');
  const schemaVersion = store.db.pragma('user_version', { simple: true }) as number;
  const ok = quickCheck === 'ok';
  return { database: { ...base, exists: true, opens: true, schemaVersion, quickCheck, error: null, ok }, store };
}

async function checkProviders(
  deps: DoctorDeps,
  store: Store | undefined,
  problems: string[],
): Promise<ProviderReport[]> {
  const health = deps.health();
  const presences = await listKeys(deps.credentials, problems);
  const withKey = presences.filter((p) => p.sources.length > 0).map((p) => p.provider.id);
  const ids = [...new Set([...deps.configuredProviders, ...withKey, ...health.map((h) => h.provider)])];
  const keys = (
    await Promise.all(presences.filter((p) => p.sources.length > 0).map((p) => deps.credentials.get(p.provider.id)))
  ).flatMap((found) => (found ? [found.value] : []));
  const reports: ProviderReport[] = [];
  for (const id of ids) {
    const requiresKey = findKeyedProvider(id) !== undefined;
    const keySource = presences.find((p) => p.provider.id === id)?.sources[0] ?? null;
    const budget = budgetOf(await quotaOrNone(deps, id), store, id, deps.nowMs);
    const record = health.find((h) => h.provider === id);
    const failing = record?.lastFailureMs !== undefined && record.lastFailureMs > (record.lastSuccessMs ?? -Infinity);
    const before = problems.length;
    if (requiresKey && keySource === null) problems.push(`${id} needs a key and none is set: stockato keys set ${id}`);
    for (const line of budget) {
      if (line.remaining === 0) problems.push(`${id} has used its ${line.span} budget (${line.used} of ${line.limit})`);
    }
    const lastError =
      record?.lastErrorCode === undefined
        ? null
        : { code: record.lastErrorCode, message: redactKeys(record.lastErrorMessage ?? '', keys) };
    if (failing)
      problems.push(`${id} failed its last request: ${lastError?.message ?? lastError?.code ?? 'unknown error'}`);
    reports.push({
      id,
      requiresKey,
      keySource,
      budget,
      lastSuccessMs: record?.lastSuccessMs ?? null,
      lastFailureMs: record?.lastFailureMs ?? null,
      lastError,
      ok: problems.length === before,
    });
  }
  return reports;
}

/** Where keys are set; a key file that cannot be read is a problem to report, not a crash. */
async function listKeys(credentials: CredentialStore, problems: string[]): Promise<KeyPresence[]> {
  try {
    return await credentials.list();
  } catch (error) {
    problems.push(`keys: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }
}

async function quotaOrNone(deps: DoctorDeps, id: string): Promise<Quota | undefined> {
  try {
    return await deps.quotaOf(id);
  } catch {
    return undefined; // a keyed provider not in the registry yet: its budget is unknown
  }
}

function budgetOf(quota: Quota | undefined, store: Store | undefined, id: string, nowMs: number): BudgetLine[] {
  const usage = store?.budgets.usage(id, nowMs) ?? { minute: 0, day: 0 };
  const lines: BudgetLine[] = [];
  if (quota?.perMinute !== undefined) lines.push(line('minute', quota.perMinute, usage.minute));
  if (quota?.perDay !== undefined) lines.push(line('day', quota.perDay, usage.day));
  return lines;
}

function line(span: BudgetLine['span'], limit: number, used: number): BudgetLine {
  return { span, limit, used, remaining: Math.max(0, limit - used) };
}

/** A provider's error text may quote a request; a key that slipped into it is masked here too. */
export function redactKeys(text: string, keys: readonly string[]): string {
  let out = text;
  for (const key of keys) {
    for (const part of [key, ...key.split(':')]) if (part.length >= 4) out = out.split(part).join(REDACTED);
  }
  return out;
}
