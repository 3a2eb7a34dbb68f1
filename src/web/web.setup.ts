import { dirname, join, resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyView from '@fastify/view';
import nunjucks from 'nunjucks';
import { agencyNamed, counted, LABELS } from '../common/labels';
import { ukDateTime, ukDay } from '../common/uk-time';
import { registerCallerConstraint } from './callers';

/**
 * The templates (under this folder in src/ and, copied by the build, in dist/): the layouts and
 * partials every page shares in views/ ("layout.njk"), each family's own in its folder
 * ("risks/risks.njk"); and GOV.UK Frontend's macros.
 */
const VIEWS = join(__dirname, 'views');
const FAMILIES = __dirname;
const GOVUK_FRONTEND = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist');
/** What `npm run build` compiles and copies (scripts/build-assets.mjs): CSS, GOV.UK Frontend's JS and the app's. */
export const PUBLIC_ASSETS = resolve(__dirname, '..', '..', 'dist', 'public');

/** Server-rendered pages: Nunjucks with GOV.UK Frontend's macros, and the built assets under /public/. */
export async function registerWebUi(app: NestFastifyApplication): Promise<void> {
  // Before any route: the dashboard is a page for a browser and JSON for an API client at one address.
  registerCallerConstraint(app.getHttpAdapter().getInstance());
  app.useStaticAssets({ root: PUBLIC_ASSETS, prefix: '/public/', decorateReply: false, maxAge: 3600_000 });
  await app.register(fastifyView, {
    engine: { nunjucks },
    templates: [VIEWS, FAMILIES, GOVUK_FRONTEND],
    // Templates are compiled once and cached, in every environment: nothing edits them while the app runs.
    production: true,
    options: {
      onConfigure: (env: nunjucks.Environment) => {
        env.addGlobal('labels', LABELS);
        env.addFilter('ukTime', (instant: string | null | undefined) => (instant ? ukDateTime(instant) : ''));
        env.addFilter('label', (code: string, set: keyof typeof LABELS) => (LABELS[set] as Record<string, string>)[code] ?? code);
        env.addFilter('agency', (agency: { name: string; code: string }) => agencyNamed(agency));
        env.addFilter('counted', (count: number, one: string, many?: string) => counted(count, one, many));
        env.addFilter('ukDay', (date: string | null | undefined) => (date ? ukDay(date) : ''));
      },
    },
  });
}
