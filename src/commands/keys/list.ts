import type { Command } from 'commander';
import type { CommandContext } from '../../context.js';
import type { Dataset } from '../../output/dataset.js';
import type { KeyPresence } from '../../secrets/index.js';

export function defineList(command: Command, context: () => CommandContext): void {
  command.action(async () => {
    const ctx = context();
    const format = ctx.format(['table', 'json', 'ndjson', 'csv']);
    const store = await ctx.credentialStore();
    const status = await store.keychainStatus();
    if (!status.available) ctx.warn(`no keychain: ${status.reason}`);
    const presences = await store.list();
    for (const p of presences) if (p.keychainProblem) ctx.warn(`${p.provider.id}: ${p.keychainProblem}`);
    await ctx.emit(keysDataset(presences), format);
  });
}

export function keysDataset(presences: readonly KeyPresence[]): Dataset<KeyPresence> {
  return {
    rows: presences,
    record: (p) => ({
      provider: p.provider.id,
      // null: the keychain could not be asked (locked, say), so whether a key is set is unknown
      set: isSet(p),
      ...(p.keychainProblem ? { keychainProblem: p.keychainProblem } : {}),
      source: p.sources[0] ?? null,
      sources: p.sources,
      envVar: p.provider.envVar,
    }),
    columns: [
      { key: 'provider', header: 'PROVIDER', kind: 'text', value: (p) => p.provider.id },
      { key: 'set', header: 'SET', kind: 'text', value: (p) => setText(isSet(p)) },
      { key: 'source', header: 'USED FROM', kind: 'text', value: (p) => p.sources[0] ?? '-' },
      { key: 'alsoIn', header: 'ALSO IN', kind: 'text', value: (p) => p.sources.slice(1).join(', ') || '-' },
      { key: 'envVar', header: 'VARIABLE', kind: 'text', value: (p) => p.provider.envVar },
    ],
  };
}

function isSet(p: KeyPresence): boolean | null {
  if (p.sources.length > 0) return true;
  return p.keychainProblem === undefined ? false : null;
}

function setText(set: boolean | null): string {
  if (set === null) return 'unknown';
  return set ? 'yes' : 'no';
}
