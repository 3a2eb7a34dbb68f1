import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * Issue 27: a page's handler reads the request, calls a service or the shared page helpers, and
 * draws the view; the work of building what a page shows lives in its family's pure `.view.ts`
 * and the reading of its form in `.form.ts`, where each is tested alone. A handler that grows past
 * about 15 lines (as Prettier formats it) is doing one of those itself.
 */
const WEB = join(__dirname, '../../src/web');
const MAX_LINES = 15;
const ROUTES = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete']);

function controllers(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? controllers(join(folder, entry.name)) : entry.name.endsWith('.controller.ts') ? [join(folder, entry.name)] : [],
  );
}

/** Each route handler of a controller file, with the lines of its body. */
function handlers(file: string): { handler: string; lines: number }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { handler: string; lines: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isMethodDeclaration(node) && node.body) {
      const route = ts
        .getDecorators(node)
        ?.some((decorator) => ts.isCallExpression(decorator.expression) && ROUTES.has(decorator.expression.expression.getText(source)));
      if (route) {
        const line = (position: number) => source.getLineAndCharacterOfPosition(position).line;
        found.push({
          handler: `${relative(WEB, file)}: ${node.name.getText(source)}`,
          lines: line(node.body.getEnd()) - line(node.body.getStart(source)) - 1,
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('page controllers', () => {
  const all = controllers(WEB).flatMap(handlers);

  it('are found, every page family’s', () => {
    expect(all.length).toBeGreaterThan(80);
  });

  it(`have no handler over about ${MAX_LINES} lines`, () => {
    expect(all.filter(({ lines }) => lines > MAX_LINES)).toEqual([]);
  });
});
