import { join } from 'node:path';
import ts from 'typescript';

/**
 * The tests run the sources through Jest's swc transform; `npm start` runs what tsc built.
 * Where the two give classes different fields, a test can pass while the shipped app loses
 * data (a DTO field the client did not send is an own property set to undefined only under
 * tsc's ES2023 class fields). This compiles one class both ways and compares what it makes.
 */
const SOURCE = `
  function Field(): PropertyDecorator { return () => undefined; }
  class Probe {
    @Field() sent?: string;
    @Field() notSent?: string;
    withDefault = 'default';
  }
  const made = Object.assign(new Probe(), { sent: 'value' });
  module.exports = { keys: Object.keys(made), notSentIsOwn: Object.prototype.hasOwnProperty.call(made, 'notSent') };
`;

type Shape = { keys: string[]; notSentIsOwn: boolean };

function run(javascript: string): Shape {
  const module = { exports: {} as Shape };
  new Function('module', 'exports', 'require', javascript)(module, module.exports, require);
  return module.exports;
}

function builtByTsc(): Shape {
  const configPath = join(__dirname, '../../tsconfig.build.json');
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error(`cannot read ${configPath}`);
  const { outputText } = ts.transpileModule(SOURCE, {
    compilerOptions: { ...config.options, module: ts.ModuleKind.CommonJS, sourceMap: false, inlineSourceMap: false },
    fileName: 'probe.ts',
  });
  return run(outputText);
}

function builtByJestTransform(): Shape {
  const transformer = require('../support/jest-transform.js');
  const { code } = transformer.process(SOURCE, join(__dirname, 'probe.ts'), { config: {}, cacheFS: new Map(), transformerConfig: {} });
  return run(code);
}

describe('class fields: the tests compile classes as the build does', () => {
  it('tsc, as npm run build uses it, defines a field the client did not send as an own property', () => {
    expect(builtByTsc()).toEqual({ keys: ['sent', 'notSent', 'withDefault'], notSentIsOwn: true });
  });

  it('the Jest transform makes the same class the same way', () => {
    expect(builtByJestTransform()).toEqual(builtByTsc());
  });
});
