import type { DoctorReport, ProviderReport } from './doctor.js';

/** The doctor's findings for a person: one line per check, then one per provider. */
export function renderDoctorReport(report: DoctorReport): string {
  const { node, database, keychain } = report;
  const lines = [
    `node       ${node.version} (needs ${node.required}): ${node.ok ? 'ok' : 'TOO OLD'}`,
    `database   ${database.path}: ${databaseText(report.database)}`,
    `keychain   ${keychain.available ? `${keychain.backend}: available` : `not available: ${keychain.reason}`}`,
    ...report.providers.map((p) => `provider   ${p.id}: ${providerText(p)}`),
    report.ok ? 'all good' : `${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} found`,
  ];
  return lines.join('\n');
}

function databaseText(db: DoctorReport['database']): string {
  if (!db.exists) return 'not created yet (the first command that caches data creates it)';
  if (!db.opens) return `does not open: ${db.error ?? 'unknown error'}`;
  return `opens, schema version ${db.schemaVersion ?? '?'}, quick check ${db.quickCheck ?? '?'}`;
}

function providerText(p: ProviderReport): string {
  const key = !p.requiresKey ? 'no key needed' : p.keySource === null ? 'NO KEY' : `key from ${p.keySource}`;
  const budget =
    p.budget.length === 0
      ? 'no published budget'
      : p.budget.map((b) => `${b.remaining} of ${b.limit} left this ${b.span}`).join(', ');
  const last = p.lastError
    ? `last error ${p.lastError.code}${p.lastFailureMs !== null ? ` at ${new Date(p.lastFailureMs).toISOString()}` : ''}: ${p.lastError.message}`
    : 'no recorded error';
  return `${key}; ${budget}; ${last}${p.ok ? '' : ' (PROBLEM)'}`;
}
