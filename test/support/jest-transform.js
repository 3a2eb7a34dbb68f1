// Nest 12 and some of its dependencies ship only as ES modules, which Jest on Node 20
// cannot require. TypeScript sources and ESM packages are compiled to CommonJS with swc;
// CommonJS packages pass through untouched.
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { createTransformer } = require('@swc/jest');

const common = { target: 'es2022' };
// tsc (target ES2023) defines every declared class field as an own property, undefined until
// set, and so must the tests: a DTO field the client did not send is then present here as it
// is in the built app (test/tooling/class-fields.spec.ts fails if the two ever disagree).
const typescript = createTransformer({
  jsc: {
    ...common,
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: true },
  },
  module: { type: 'commonjs' },
});
const esm = createTransformer({ jsc: { ...common, parser: { syntax: 'ecmascript' } }, module: { type: 'commonjs' } });

const moduleTypeByDirectory = new Map();
function isEsm(filename) {
  if (filename.endsWith('.mjs')) return true;
  if (filename.endsWith('.cjs')) return false;
  const visited = [];
  for (let directory = dirname(filename); directory !== dirname(directory); directory = dirname(directory)) {
    if (moduleTypeByDirectory.has(directory)) return remember(visited, moduleTypeByDirectory.get(directory));
    visited.push(directory);
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest)) {
      const { type } = JSON.parse(readFileSync(manifest, 'utf8'));
      if (type !== undefined || !directory.includes('node_modules')) return remember(visited, type === 'module');
    }
  }
  return remember(visited, false);
}
function remember(directories, value) {
  for (const directory of directories) moduleTypeByDirectory.set(directory, value);
  return value;
}

module.exports = {
  canInstrument: false,
  process(source, filename, options) {
    if (filename.endsWith('.ts')) return typescript.process(source, filename, options);
    if (!isEsm(filename)) return { code: source };
    const code = source.replace(/import\.meta\.url/g, '("file://" + __filename)');
    return esm.process(code, filename, options);
  },
};
