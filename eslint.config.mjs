// Lint for the whole package, run by `npm test` before Jest (`npm run lint`), zero warnings allowed.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** TypeORM's repository and query-builder API: only a `*.repository.ts` reads or writes tables (issue 27). */
const TYPEORM_CALLS =
  'find|findOne|findOneBy|findOneOrFail|findBy|findAndCount|count|countBy|exists|existsBy|save|insert|update|upsert|delete|remove|softDelete|increment|decrement|query';
const DATA_ACCESS = [
  {
    selector: 'CallExpression[callee.property.name=/^(getRepository|getTreeRepository|createQueryBuilder)$/]',
    message:
      'Read and write tables in a repository (*.repository.ts), through the sql tag, not with TypeORM repositories or query builders.',
  },
  {
    selector: `CallExpression[callee.property.name=/^(${TYPEORM_CALLS})$/][callee.object.name=/^(manager|dataSource|entityManager)$/]`,
    message: 'Read and write tables in a repository (*.repository.ts), through the sql tag.',
  },
  {
    selector: `CallExpression[callee.property.name=/^(${TYPEORM_CALLS})$/][callee.object.property.name=/^(manager|dataSource)$/]`,
    message: 'Read and write tables in a repository (*.repository.ts), through the sql tag.',
  },
];

export default defineConfig(
  // The OpenAPI client's types are generated, and compared as generated (test/e2e/openapi-client.e2e-spec.ts).
  { ignores: ['dist/', 'coverage/', 'node_modules/', '.data/', 'test/openapi-client/schema.d.ts'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Control characters are matched on purpose: to refuse them in what people type, or drop them from XML.
      'no-control-regex': 'off',
      // Jest's transform is CommonJS, loaded by Jest (and by the spec that checks it) with require.
      '@typescript-eslint/no-require-imports': ['error', { allow: ['/jest-transform\\.js$'] }],
    },
  },
  { files: ['**/*.js', '**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { files: ['src/web/assets/**'], languageOptions: { globals: globals.browser } },
  {
    // Repositories, migrations and the database plumbing (transactions, savepoints) are where SQL runs.
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.repository.ts', 'src/database/**', 'src/**/*.spec.ts'],
    rules: { 'no-restricted-syntax': ['error', ...DATA_ACCESS] },
  },
);
