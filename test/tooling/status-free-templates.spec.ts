import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { OPERATION_STATUSES } from '../../src/common/domain';

/**
 * R8: pages offer exactly the moves the plan view's `actions` allow, derived from the one lifecycle
 * table (src/common/lifecycle.ts) and the reader's rights. A template that decides from a plan's
 * status names would be a second, drifting copy of that table; this finds any.
 */
const VIEWS = join(__dirname, '../../src/web/views');
const DECIDES_FROM_STATUS = new RegExp(`(==|!=|in) *['"[]*(${OPERATION_STATUSES.join('|')})`);

function templates(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? templates(join(folder, entry.name)) : entry.name.endsWith('.njk') ? [join(folder, entry.name)] : [],
  );
}

describe('templates', () => {
  it('decide nothing from a plan’s status', () => {
    const deciding = templates(VIEWS)
      .filter((file) => DECIDES_FROM_STATUS.test(readFileSync(file, 'utf8')))
      .map((file) => relative(VIEWS, file));
    expect(deciding).toEqual([]);
  });
});
