import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '../../src/config/app-config';

/** Every setting the app reads is explained in .env.example and listed in the README. */
describe('configuration is documented', () => {
  const variables = Object.keys(new AppConfig());
  const read = (file: string) => readFileSync(join(__dirname, '../..', file), 'utf8');

  it.each(variables)('%s is in .env.example and the README', (variable) => {
    expect(read('.env.example')).toMatch(new RegExp(`^#? ?${variable}=`, 'm'));
    expect(read('README.md')).toContain(`\`${variable}\``);
  });
});
