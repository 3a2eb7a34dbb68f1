import { browserOf, drawnAt, valueOf, webSignIn } from '../support/browser-session';
import { useApp } from '../support/use-app';

/** Issue 24, part 1: every edit form merges three ways (R10), so nobody's change is lost or reverted. */
describe('Web forms: a stale edit merges, and never reverts a colleague’s change', () => {
  const { t, s } = useApp();

  const { page, post } = browserOf(() => t.http);

  it('never reverts a colleague’s change: a stale edit of another field keeps theirs, and taking theirs in a clash sends nothing of that field', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner, { name: 'Before' });
    const session = await webSignIn(t.http, owner.user.email);
    const details = (await page(session, `/plans/${plan.reference}/details`)).text;
    const fields = [
      'name',
      'scope',
      'classification',
      'handlingInstruction',
      ...['startsAt', 'endsAt'].flatMap((w) => ['day', 'month', 'year', 'time'].map((p) => `${w}-${p}`)),
    ];
    const form: Record<string, string | string[]> = {
      ...Object.fromEntries(
        fields.filter((field) => field !== 'scope' && field !== 'classification').map((field) => [field, valueOf(details, field)]),
      ),
      scope: plan.scope,
      classification: 'OFFICIAL-SENSITIVE',
      exploitationTypes: plan.exploitationTypes,
      ...drawnAt(details),
      drawn: valueOf(details, 'drawn'),
      'briefing-intent': 'Safeguard the workers.',
    };
    await s.patch(owner.auth, `/operations/${plan.id}`, { version: plan.version, name: 'Renamed by a colleague' }).expect(200);
    const first = await post(session, `/plans/${plan.reference}/details`, { ...form, 'briefing-method': 'Entry at dawn' }).expect(400);
    expect(first.text).not.toContain('you and someone else both changed this');
    expect(valueOf(first.text, 'name')).toBe('Renamed by a colleague');
    await post(session, `/plans/${plan.reference}/details`, {
      ...form,
      ...drawnAt(first.text),
      drawn: valueOf(first.text, 'drawn'),
      name: 'Renamed by a colleague',
      'briefing-method': 'Entry at dawn',
    }).expect(303);
    const [saved] = await t.dataSource.query(`SELECT name, briefing FROM operations WHERE id = $1`, [plan.id]);
    expect([saved.name, saved.briefing.method]).toEqual(['Renamed by a colleague', 'Entry at dawn']);

    // Both change the name; this user takes the colleague's: nothing of the name is sent.
    const drawn = (await page(session, `/plans/${plan.reference}/details`)).text;
    await s.patch(owner.auth, `/operations/${plan.id}`, { version: Number(valueOf(drawn, 'version')), name: 'Theirs' }).expect(200);
    const clash = await post(session, `/plans/${plan.reference}/details`, {
      ...form,
      ...drawnAt(drawn),
      drawn: valueOf(drawn, 'drawn'),
      name: 'Mine',
      'briefing-method': 'Entry at dawn',
    }).expect(400);
    expect(clash.text).toContain('Now: Theirs');
    await post(session, `/plans/${plan.reference}/details`, {
      ...form,
      ...drawnAt(clash.text),
      drawn: valueOf(clash.text, 'drawn'),
      name: 'Mine',
      'choice-name': 'now',
      'briefing-method': 'Entry at dawn',
    }).expect(303);
    const [chosen] = await t.dataSource.query(`SELECT name FROM operations WHERE id = $1`, [plan.id]);
    expect(chosen.name).toBe('Theirs');
  });

  it('says what saving will do to an approved plan and its partners before it is done, and what it did after', async () => {
    const owner = await s.owner();
    const hmrc = await s.partner('HMRC', ['TAX_COMPLIANCE']);
    const plan = await s.plan(owner, { stage: 'approved', partners: [hmrc] });
    const session = await webSignIn(t.http, owner.user.email);
    const path = `/plans/${plan.reference}/locations`;
    const html = (await page(session, `${path}?change=0`)).text;
    const form = {
      ...drawnAt(html),
      drawn: valueOf(html, 'drawn'),
      index: '0',
      'location-label': valueOf(html, 'location-label'),
      'location-address': 'Unit 4, 12 Ladypool Road, Birmingham',
      'location-postcode': valueOf(html, 'location-postcode'),
      'entry-basis': 'NONE',
    };
    const asked = await post(session, path, form).expect(200);
    expect(asked.text).toContain(
      `Saving ${plan.reference} returns the plan to draft and withdraws its approval: a manager must approve it again; withdraws the sign-off of ${hmrc.agency.name}, who must sign off again; asks ${hmrc.agency.name} to confirm its teams again.`,
    );
    const [before] = await t.dataSource.query(`SELECT status FROM operations WHERE id = $1`, [plan.id]);
    expect(before.status).toBe('APPROVED');

    const saved = await post(session, path, { ...form, confirmed: valueOf(asked.text, 'confirmed') }).expect(303);
    expect(saved.headers.location).toBe(`${path}?happened=RETURNS_TO_DRAFT%2CSIGN_OFFS_WITHDRAWN%2CASKED_AGAIN`);
    const [after] = await t.dataSource.query(`SELECT status FROM operations WHERE id = $1`, [plan.id]);
    expect(after.status).toBe('DRAFT');
    const banner = (await page(session, saved.headers.location)).text;
    expect(banner).toContain('Saved. The plan went back to draft and its approval was withdrawn');
    expect(banner).toContain('The partners whose teams were confirmed are asked to confirm again.');
  });

  it('saves a change with nothing others rely on at once', async () => {
    const owner = await s.owner();
    const plan = await s.draft(owner);
    const session = await webSignIn(t.http, owner.user.email);
    const html = (await page(session, `/plans/${plan.reference}/communications`)).text;
    await post(session, `/plans/${plan.reference}/communications`, {
      ...drawnAt(html),
      drawn: valueOf(html, 'drawn'),
      radioChannel: 'TG 4',
      controlRoomNumber: '',
    }).expect(303);
    expect((await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body.communications.radioChannel).toBe('TG 4');
  });
});
