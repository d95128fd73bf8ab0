import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const OUTER_FOLDERS = 'commands|providers|store|tui|services|output|config|secrets|sync|server';
const OUTER_FILES = 'errors|paths|clock|context|cli|main|duration';

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The engine is the pure domain: no I/O, no terminal, no clock, no randomness.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^node:', message: 'src/engine must not use Node built-ins (no I/O in the engine).' },
            {
              regex: '^(fs|path|os|child_process|net|http|https|crypto|worker_threads|stream|events|timers)(/|$)',
              message: 'src/engine must not use Node built-ins (no I/O in the engine).',
            },
            {
              regex: '^(better-sqlite3|undici|ws|react|ink|ink-[a-z-]+|yaml|commander|@napi-rs/keyring)(/|$)',
              message: 'src/engine must not import I/O, terminal or UI libraries.',
            },
            { regex: `(^|/)(${OUTER_FOLDERS})/`, message: 'src/engine imports nothing outside itself.' },
            { regex: `^(\\.\\./)+(${OUTER_FILES})\\.js$`, message: 'src/engine imports nothing outside itself.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: 'Take the time from a Clock.',
        },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Take the time from a Clock.' },
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: 'Use a seeded generator.',
        },
      ],
      'no-restricted-globals': ['error', 'process', 'setTimeout', 'setInterval', 'fetch', 'console'],
    },
  },
  {
    // Commands parse argv and delegate: what they delegate to never reaches back into them.
    files: ['src/{tui,services,store,providers,output,config,secrets,notify}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)commands/',
              message: 'only the CLI imports commands; move shared logic into src/services.',
            },
          ],
        },
      ],
    },
  },
  {
    // Commands return results; only bin/cli pick an exit code and only the output module writes.
    files: ['src/commands/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='process'][callee.property.name='exit']",
          message: 'Commands never exit: throw an AppError or set the context exit code.',
        },
        {
          selector: "CallExpression[callee.object.name='console']",
          message: 'Commands write through the context (ctx.emit, ctx.print, ctx.warn).',
        },
      ],
    },
  },
);
