import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { AGENCY_KINDS } from '../../src/common/domain';
import { createTeam, signedIn } from '../factories';
import { Owner, Scenario } from '../factories/scenario';
import type { TestApp } from './test-app';

/** What `@ApiExcludeController()` sets on a controller (the package does not export its name for it). */
const EXCLUDED_FROM_DOCUMENT = 'swagger/apiExcludeController';

/** Path segments joined as the router joins them: `plans/:reference` + `teams` → `/plans/:reference/teams`. */
const joined = (...parts: string[]) =>
  `/${parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/')}`;

/**
 * Every POST route of the web page controllers (the ones kept out of the OpenAPI document), read
 * from the running app's controllers, so a page added later is fuzzed without being listed here.
 */
export function formRoutes(t: TestApp): string[] {
  const routes = new Set<string>();
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (!metatype || !Reflect.getMetadata(EXCLUDED_FROM_DOCUMENT, metatype)?.[0]) continue;
      const bases = [Reflect.getMetadata(PATH_METADATA, metatype) ?? ''].flat() as string[];
      for (const name of Object.getOwnPropertyNames(metatype.prototype)) {
        // Read the property without running getters, which need an instance.
        const handler: unknown = Object.getOwnPropertyDescriptor(metatype.prototype, name)?.value;
        if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) !== RequestMethod.POST) continue;
        for (const base of bases)
          for (const path of [Reflect.getMetadata(PATH_METADATA, handler)].flat() as string[]) routes.add(joined(base, path));
      }
    }
  }
  return [...routes].sort();
}

/**
 * A small world to fuzz against, built through the API: the caller's plans (a draft, and one
 * ready, with a deployment, an RV point, an evidence requirement and a subject), another agency's
 * plan holding the same subject (so there is a hit), and a calendar feed token. `ids` holds the
 * real values each path parameter name can take.
 */
export async function fuzzWorld(t: TestApp) {
  const s = new Scenario(t);
  const signed = await signedIn(t.dataSource, t.http, ['COORDINATOR', 'MANAGER', 'ADMIN'], 'POLICE');
  const team = await createTeam(t.dataSource, signed.agency, { capabilities: ['ENTRY', 'SAFEGUARDING', 'INTERPRETING'] });
  const me: Owner = { ...signed, manager: signed.auth, managerUser: signed.user, team };
  const draft = await s.draft(me);
  let ready = await s.plan(me, { stage: 'ready' });
  ready = (
    await s
      .post(me.auth, `/operations/${ready.id}/rv-points`, {
        name: 'Car park',
        address: '1 High St',
        meetAt: ready.startsAt,
        version: ready.version,
      })
      .expect(201)
  ).body;
  const phone = { kind: 'PHONE', phone: '07700 900123' };
  await s.post(me.auth, `/operations/${ready.id}/subjects`, { ...phone, version: ready.version }).expect(201);
  const other = await s.owner('NCA');
  const theirs = await s.draft(other);
  await s.post(other.auth, `/operations/${theirs.id}/subjects`, { ...phone, version: theirs.version }).expect(201);
  const column = async (query: string, id: string) => ((await t.dataSource.query(query, [id])) as { id: string }[]).map((row) => row.id);
  const hits = (await s.get(me.auth, `/operations/${ready.id}/conflicts`).expect(200)).body as { hitId: string }[];
  const feed = (await s.post(me.auth, '/calendar/feed', {}).expect(201)).body as { url: string };
  const rows = {
    did: await column('SELECT id FROM deployments WHERE operation_id = $1', ready.id),
    rid: [
      ...(await column('SELECT id FROM rv_points WHERE operation_id = $1', ready.id)),
      ...(await column('SELECT id FROM evidence_requirements WHERE operation_id = $1', ready.id)),
    ],
    sid: await column('SELECT id FROM plan_subjects WHERE operation_id = $1', ready.id),
  };
  const ids: Record<string, string[]> = {
    id: [ready.id, draft.id, theirs.id, signed.agency.id, team.id, signed.user.id],
    otherId: [theirs.id, draft.id],
    ...rows,
    deploymentId: rows.did,
    hitId: hits.map((hit) => hit.hitId),
    kind: [...AGENCY_KINDS],
    token: [/([^/]+)\.ics$/.exec(feed.url)?.[1] ?? ''],
    reference: [ready.reference, draft.reference, theirs.reference],
  };
  for (const [name, values] of Object.entries(ids))
    if (!values.length || values.includes('')) throw new Error(`the fuzz world has no real ${name}`);
  return { me, ids, plans: { draft, ready, theirs } };
}
