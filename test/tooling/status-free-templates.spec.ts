import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  CPS_INVOLVEMENT_STATUSES,
  DEPLOYMENT_STATUSES,
  EVIDENCE_STATUSES,
  OPERATION_STATUSES,
  RISK_RATINGS,
} from '../../src/common/domain';

/**
 * R8: pages offer exactly the moves the plan view's `actions` allow, derived from the one lifecycle
 * table (src/common/lifecycle.ts) and the reader's rights. A template that decides from status names
 * (a plan's, a team's, a requirement's, the CPS's, a risk's rating) would be a second, drifting copy
 * of that table; a template that maps them to colours, a second copy of the tag colours in
 * src/common/labels.ts. This finds either, in every template under src/web.
 */
const WEB = join(__dirname, '../../src/web');
const NAMES = [
  ...new Set([...OPERATION_STATUSES, ...DEPLOYMENT_STATUSES, ...CPS_INVOLVEMENT_STATUSES, ...EVIDENCE_STATUSES, ...RISK_RATINGS]),
].join('|');
const DECIDES_FROM_STATUS = new RegExp(`(==|!=|\\bin\\b) *['"[]*(${NAMES})\\b|\\b(${NAMES}) *:`);

function templates(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? templates(join(folder, entry.name)) : entry.name.endsWith('.njk') ? [join(folder, entry.name)] : [],
  );
}

describe('templates', () => {
  it('decide nothing from a status, and colour none themselves', () => {
    const deciding = templates(WEB)
      .filter((file) => DECIDES_FROM_STATUS.test(readFileSync(file, 'utf8')))
      .map((file) => relative(WEB, file));
    expect(deciding).toEqual([]);
  });
});
