import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function problems(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the engine boundary lint rule', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';\nexport const f = readFileSync;", 'no-restricted-imports'],
    ["import Database from 'better-sqlite3';\nexport const d = Database;", 'no-restricted-imports'],
    ["import { render } from 'ink';\nexport const r = render;", 'no-restricted-imports'],
    [
      "import { loadProvider } from '../providers/registry.js';\nexport const l = loadProvider;",
      'no-restricted-imports',
    ],
    ["import { UsageError } from '../errors.js';\nexport const u = UsageError;", 'no-restricted-imports'],
    ['export const now = Date.now();', 'no-restricted-syntax'],
    ['export const now = new Date();', 'no-restricted-syntax'],
    ['export const r = Math.random();', 'no-restricted-syntax'],
    ['export const e = process.env;', 'no-restricted-globals'],
  ])('refuses %j in src/engine', async (code, rule) => {
    const found = await problems(code, 'src/engine/example.ts');
    expect(found.some((p) => p.startsWith(rule))).toBe(true);
  });

  it('allows pure code and imports inside the engine', async () => {
    const code =
      "import { Decimal } from './decimal.js';\nexport const d = Decimal.of('1');\nexport const t = new Date(0);\n";
    expect(await problems(code, 'src/engine/example.ts')).toEqual([]);
  });

  it('allows the same imports outside the engine', async () => {
    const code = "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n";
    expect(await problems(code, 'src/store/example.ts')).toEqual([]);
  });

  it.each(['src/tui/store/example.ts', 'src/services/example.ts', 'src/store/example.ts'])(
    'refuses an import of a command in %s (commands delegate, never the reverse)',
    async (filePath) => {
      const code = "import { defineAdd } from '../../commands/alerts/add.js';\nexport const d = defineAdd;\n";
      expect(await problems(code, filePath)).toEqual([
        expect.stringMatching(/^no-restricted-imports: .*only the CLI imports commands/),
      ]);
    },
  );
});
