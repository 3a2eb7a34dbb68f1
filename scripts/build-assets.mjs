// Builds the web UI's assets into dist/public: GOV.UK Frontend's Sass compiled with the app's
// settings (system font, no GOV.UK font face), its JavaScript, and the app's own small scripts.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as sass from 'sass';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'public');
const assets = join(root, 'src', 'web', 'assets');
mkdirSync(out, { recursive: true });

const css = sass.compile(join(assets, 'app.scss'), {
  style: 'compressed',
  importers: [new sass.NodePackageImporter()],
  quietDeps: true,
  silenceDeprecations: ['import'],
});
writeFileSync(join(out, 'app.css'), css.css);
copyFileSync(join(root, 'node_modules', 'govuk-frontend', 'dist', 'govuk', 'govuk-frontend.min.js'), join(out, 'govuk-frontend.min.js'));
for (const file of ['js-enabled.js', 'app.mjs']) copyFileSync(join(assets, file), join(out, file));
console.log(`assets: ${out} (app.css ${Math.round(css.css.length / 1024)} KiB)`);
