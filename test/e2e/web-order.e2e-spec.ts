import { randomUUID } from 'node:crypto';
import { ukClock, ukDateTime, ukLocalTime } from '../../src/common/uk-time';
import { createTeam, randomPostcode, twoPremises } from '../factories';
import { Owner, Plan } from '../factories/scenario';
import { browserOf, drawnAt, errorSummaryOf, valueOf, WebSession, webSignIn } from '../support/browser-session';
import { useApp } from '../support/use-app';

const HOUR = 3600_000;
const at = (plan: { startsAt: string }, hours: number) => new Date(new Date(plan.startsAt).getTime() + hours * HOUR).toISOString();

/** A date input and time field (`prefix-day` … `prefix-time`) filled with an instant as UK clocks show it. */
function when(prefix: string, instant: string): Record<string, string> {
  const local = ukLocalTime(instant);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    [`${prefix}-day`]: String(local.day),
    [`${prefix}-month`]: String(local.month),
    [`${prefix}-year`]: String(local.year),
    [`${prefix}-time`]: `${two(local.hour)}:${two(local.minute)}`,
  };
}
const blank = (prefix: string) => ({ [`${prefix}-day`]: '', [`${prefix}-month`]: '', [`${prefix}-year`]: '', [`${prefix}-time`]: '' });

/** Issue 16 in the browser without JavaScript: the operational order's timings, RV points, locations, teams and communications. */
describe('Web pages: the operational order', () => {
  const { t, s } = useApp();
  let owner: Owner;
  let session: WebSession;

  beforeEach(async () => {
    owner = await s.owner();
    session = await webSignIn(t.http, owner.user.email);
  });

  const { page, post } = browserOf(() => t.http);
  const planOf = async (plan: { id: string }): Promise<Plan> => (await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body;
  const addRv = async (plan: Plan, name: string, hours: number): Promise<Plan> =>
    (
      await s
        .post(owner.auth, `/operations/${plan.id}/rv-points`, {
          version: plan.version,
          name,
          address: `${name} car park`,
          meetAt: at(plan, hours),
        })
        .expect(201)
    ).body;

  describe('timings and RV points', () => {
    it('sets the briefing and debrief in UK time, shows them again, and clears a time left empty', async () => {
      const plan = await s.draft(owner);
      const path = `/plans/${plan.reference}/timings`;
      let html = (await page(session, path)).text;
      expect(html).toContain('<h1 class="govuk-heading-l">Timings and RV points</h1>');
      await post(session, path, {
        ...drawnAt(html),
        ...when('briefingAt', at(plan, 0.5)),
        briefingPlace: 'Lloyd House, Birmingham',
        ...when('debriefAt', at(plan, 10)),
      }).expect(303);
      expect((await planOf(plan)).timings).toEqual({
        briefingAt: at(plan, 0.5),
        briefingPlace: 'Lloyd House, Birmingham',
        debriefAt: at(plan, 10),
      });

      html = (await page(session, path)).text;
      expect(valueOf(html, 'briefingAt-time')).toBe(when('x', at(plan, 0.5))['x-time']);
      expect(valueOf(html, 'briefingPlace')).toBe('Lloyd House, Birmingham');
      await post(session, path, {
        ...drawnAt(html),
        ...when('briefingAt', at(plan, 0.5)),
        briefingPlace: 'Lloyd House, Birmingham',
        ...blank('debriefAt'),
      }).expect(303);
      expect((await planOf(plan)).timings.debriefAt).toBeNull();
    });

    it('shows a briefing outside the window, and a time that is not one, against their fields', async () => {
      const plan = await s.draft(owner);
      const path = `/plans/${plan.reference}/timings`;
      const html = (await page(session, path)).text;
      const outside = await post(session, path, {
        ...drawnAt(html),
        ...when('briefingAt', at(plan, -2)),
        briefingPlace: 'Lloyd House',
        ...when('debriefAt', at(plan, 10)),
      }).expect(400);
      expect(errorSummaryOf(outside.text)).toEqual([expect.stringMatching(/^The briefing must be inside the plan’s window/)]);
      expect(outside.text).toContain('href="#briefingAt-day"');
      expect(valueOf(outside.text, 'briefingPlace')).toBe('Lloyd House');
      const badTime = await post(session, path, {
        ...drawnAt(html),
        ...when('briefingAt', at(plan, 1)),
        ...when('debriefAt', at(plan, 10)),
        'debriefAt-time': '25:00',
      }).expect(400);
      expect(errorSummaryOf(badTime.text)).toEqual(['Enter the debrief time as hours and minutes, for example 05:30 or 0530']);
      expect(badTime.text).toContain('href="#debriefAt-time"');
      expect((await planOf(plan)).timings).toEqual({ briefingAt: null, briefingPlace: null, debriefAt: null });
    });

    it('adds, changes and removes RV points, showing meeting times in UK time', async () => {
      const plan = await s.draft(owner);
      const path = `/plans/${plan.reference}/timings`;
      let html = (await page(session, path)).text;
      await post(session, `${path}/rv-points`, {
        ...drawnAt(html),
        'rv-name': 'RV1: Tesco',
        'rv-address': 'Stratford Road, B11 4EA',
        ...when('meetAt', at(plan, 0.25)),
      }).expect(303);
      let [rv] = (await planOf(plan)).rvPoints;
      expect(rv).toMatchObject({ name: 'RV1: Tesco', address: 'Stratford Road, B11 4EA', meetAt: at(plan, 0.25) });
      html = (await page(session, path)).text;
      expect(html).toContain(ukClock(at(plan, 0.25)));

      html = (await page(session, `${path}?change=${rv.id}`)).text;
      expect(valueOf(html, 'rv-name')).toBe('RV1: Tesco');
      expect(valueOf(html, 'rvPointId')).toBe(rv.id);
      await post(session, `${path}/rv-points`, {
        ...drawnAt(html),
        rvPointId: rv.id,
        'rv-name': 'RV1: Asda',
        'rv-address': 'Asda car park',
        ...when('meetAt', at(plan, 0.75)),
      }).expect(303);
      [rv] = (await planOf(plan)).rvPoints;
      expect(rv).toMatchObject({ name: 'RV1: Asda', address: 'Asda car park', meetAt: at(plan, 0.75) });

      html = (await page(session, path)).text;
      await post(session, `${path}/rv-points/remove`, { ...drawnAt(html), rvPointId: rv.id }).expect(303);
      expect((await planOf(plan)).rvPoints).toEqual([]);
    });

    it('shows an RV time outside the window against the meeting time, keeping what was typed', async () => {
      const plan = await s.draft(owner);
      const path = `/plans/${plan.reference}/timings`;
      const html = (await page(session, path)).text;
      const outside = await post(session, `${path}/rv-points`, {
        ...drawnAt(html),
        'rv-name': 'RV1',
        'rv-address': 'Tesco car park',
        ...when('meetAt', at(plan, 13)),
      }).expect(400);
      expect(errorSummaryOf(outside.text)).toEqual([expect.stringMatching(/^The RV time of RV1 must be inside the plan’s window/)]);
      expect(outside.text).toContain('href="#meetAt-day"');
      expect(valueOf(outside.text, 'rv-address')).toBe('Tesco car park');
      const empty = await post(session, `${path}/rv-points`, {
        ...drawnAt(html),
        'rv-name': '',
        'rv-address': '',
        ...blank('meetAt'),
      }).expect(400);
      expect(errorSummaryOf(empty.text)).toEqual([
        'Enter a name for the RV point',
        'Enter where the RV point is',
        'Enter the meeting date',
      ]);
      expect((await planOf(plan)).rvPoints).toEqual([]);
    });

    it('refuses to remove an RV point a team still meets at, saying which team', async () => {
      let plan = await addRv(await s.draft(owner), 'RV1', 0.5);
      const rv = plan.rvPoints[0];
      plan = (
        await s
          .post(owner.auth, `/operations/${plan.id}/deployments`, {
            teamId: owner.team.id,
            headcount: 2,
            version: plan.version,
            rvPointId: rv.id,
          })
          .expect(201)
      ).body;
      const path = `/plans/${plan.reference}/timings`;
      const html = (await page(session, path)).text;
      const refused = await post(session, `${path}/rv-points/remove`, { ...drawnAt(html), rvPointId: rv.id }).expect(400);
      expect(errorSummaryOf(refused.text)).toEqual([`${owner.team.name} meets at RV1; give them another RV point first`]);
      expect((await planOf(plan)).rvPoints).toHaveLength(1);
    });
  });

  describe('locations: strike times and entry', () => {
    const warrantEntry = (plan: Plan, hours: number) => ({
      basis: 'WARRANT',
      warrant: {
        type: 'Search warrant, s.8 PACE 1984',
        court: 'Birmingham Magistrates’ Court',
        reference: 'BMC/2027/0142',
        expiresAt: at(plan, hours),
      },
      power: null,
    });

    it('keeps every other location’s strike time and entry when one is added, changed or removed', async () => {
      const base = await s.draft(owner);
      const plan = (
        await s
          .patch(owner.auth, `/operations/${base.id}`, {
            version: base.version,
            locations: [
              {
                label: 'Car wash',
                address: '12 Ladypool Road',
                postcode: randomPostcode(),
                strikeAt: at(base, 1),
                entry: warrantEntry(base, 48),
              },
              {
                label: 'Farm',
                address: 'Lower Farm',
                postcode: randomPostcode(),
                strikeAt: at(base, 2),
                entry: { basis: 'STATUTORY_POWER', power: 's.179 Immigration and Asylum Act 1999' },
              },
            ],
          })
          .expect(200)
      ).body as Plan;
      // As stored: every field of each, which no later change of another location may lose.
      const [first, second] = plan.locations!;
      expect(first).toMatchObject({ strikeAt: at(base, 1), entry: warrantEntry(base, 48) });
      expect(second).toMatchObject({
        strikeAt: at(base, 2),
        entry: { basis: 'STATUTORY_POWER', warrant: null, power: 's.179 Immigration and Asylum Act 1999' },
      });
      const path = `/plans/${plan.reference}/locations`;
      let html = (await page(session, path)).text;
      expect(html).toContain('Another statutory power');
      expect(html).toContain(`Expires ${ukDateTime(at(plan, 48))}`);

      const third = { 'location-label': 'Flat above', 'location-address': '12a Ladypool Road', 'location-postcode': randomPostcode() };
      await post(session, path, {
        ...drawnAt(html),
        ...third,
        ...when('strikeAt', at(plan, 1.5)),
        'entry-basis': 'WARRANT',
        'warrant-type': 'Search warrant',
        'warrant-court': 'Birmingham Magistrates’ Court',
        'warrant-reference': 'BMC/1',
        ...when('warrantExpiresAt', at(plan, 24)),
      }).expect(303);
      let locations = (await planOf(plan)).locations!;
      expect(locations.slice(0, 2)).toEqual([first, second]);
      expect(locations[2]).toMatchObject({
        label: 'Flat above',
        strikeAt: at(plan, 1.5),
        entry: {
          basis: 'WARRANT',
          warrant: { type: 'Search warrant', court: 'Birmingham Magistrates’ Court', reference: 'BMC/1', expiresAt: at(plan, 24) },
          power: null,
        },
      });

      html = (await page(session, `${path}?change=2`)).text;
      expect(valueOf(html, 'warrant-reference')).toBe('BMC/1');
      expect(html).toMatch(/<input[^>]*value="WARRANT"[^>]*checked/);
      // With JavaScript off every basis's fields show; only the chosen one's are sent.
      await post(session, path, {
        ...drawnAt(html),
        index: '2',
        ...third,
        ...blank('strikeAt'),
        'entry-basis': 'CONSENT',
        'warrant-type': 'ignored',
        ...blank('warrantExpiresAt'),
      }).expect(303);
      locations = (await planOf(plan)).locations!;
      expect(locations.slice(0, 2)).toEqual([first, second]);
      expect(locations[2]).toMatchObject({ label: 'Flat above', strikeAt: null, entry: { basis: 'CONSENT', warrant: null, power: null } });

      html = (await page(session, path)).text;
      await post(session, path, { ...drawnAt(html), remove: '0' }).expect(303);
      locations = (await planOf(plan)).locations!;
      expect(locations).toEqual([
        second,
        expect.objectContaining({ label: 'Flat above', entry: { basis: 'CONSENT', warrant: null, power: null } }),
      ]);
    });

    it('refuses a warrant without its expiry or type, and a strike outside the window, against their fields', async () => {
      const plan = await s.draft(owner);
      const path = `/plans/${plan.reference}/locations`;
      const html = (await page(session, path)).text;
      const place = { 'location-label': 'Yard', 'location-address': '1 Mill Lane', 'location-postcode': randomPostcode() };
      const noExpiry = await post(session, path, {
        ...drawnAt(html),
        ...place,
        'entry-basis': 'WARRANT',
        'warrant-type': '',
        'warrant-court': 'BMC',
        'warrant-reference': 'X1',
        ...blank('warrantExpiresAt'),
      }).expect(400);
      expect(errorSummaryOf(noExpiry.text)).toEqual(['Enter the type of warrant', 'Enter the date and time the warrant expires']);
      expect(noExpiry.text).toContain('href="#warrant-type"');
      expect(noExpiry.text).toContain('href="#warrantExpiresAt-day"');
      expect(valueOf(noExpiry.text, 'warrant-court')).toBe('BMC');

      const late = await post(session, path, {
        ...drawnAt(html),
        ...place,
        ...when('strikeAt', at(plan, 13)),
        'entry-basis': 'CONSENT',
      }).expect(400);
      expect(errorSummaryOf(late.text)).toEqual([expect.stringMatching(/^The strike time of Yard must be inside the plan’s window/)]);
      expect(late.text).toContain('href="#strikeAt-day"');
      const noPower = await post(session, path, {
        ...drawnAt(html),
        ...place,
        'entry-basis': 'STATUTORY_POWER',
        'entry-power': ' ',
      }).expect(400);
      expect(errorSummaryOf(noPower.text)).toEqual(['Enter the statutory power used to enter']);
      expect(noPower.text).toContain('href="#entry-power"');
      expect((await planOf(plan)).locations).toHaveLength(1);
    });
  });

  describe('teams: powers, RV point and call sign', () => {
    it('requests a team with the powers its tasking needs, an RV point and a call sign, and shows them', async () => {
      const plan = await addRv(await s.draft(owner), 'RV1', 0.5);
      const rv = plan.rvPoints[0];
      const path = `/plans/${plan.reference}/teams`;
      let html = (await page(session, path)).text;
      expect(html).toContain(`<option value="${rv.id}">RV1, ${ukDateTime(rv.meetAt)}</option>`);
      await post(session, path, {
        ...drawnAt(html),
        teamId: owner.team.id,
        headcount: '2',
        tasking: 'Entry and search',
        powers: ['ENTRY', 'SEARCH'],
        rvPointId: rv.id,
        callSign: 'Tango 1',
      }).expect(303);
      const [deployment] = (await planOf(plan)).deployments;
      expect(deployment).toMatchObject({
        tasking: 'Entry and search',
        powers: ['ENTRY', 'SEARCH'],
        rvPoint: { id: rv.id },
        callSign: 'Tango 1',
      });
      html = (await page(session, path)).text;
      expect(html).toContain('Entry, Search');
      expect(html).toContain(`RV1, ${ukDateTime(rv.meetAt)}`);
      expect(html).toContain('Tango 1');
      expect(html).toContain(`href="/plans/${plan.reference}/teams/${deployment.id}/tasking"`);
    });

    it('shows POWER_NOT_HELD against the powers when a team’s agency lacks one', async () => {
      const plan = await s.draft(owner);
      const dwp = await s.partner('DWP', ['BENEFITS_INVESTIGATION']);
      const path = `/plans/${plan.reference}/teams`;
      const html = (await page(session, path)).text;
      const refused = await post(session, path, {
        ...drawnAt(html),
        teamId: dwp.team.id,
        headcount: '1',
        powers: 'ARREST',
        rvPointId: '',
        callSign: '',
      }).expect(400);
      expect(errorSummaryOf(refused.text)).toEqual([
        `${dwp.team.name} (${dwp.agency.code}) cannot be tasked with arrest: Department for Work and Pensions officers do not hold that power; task a team of an agency that does`,
      ]);
      expect(refused.text).toContain('href="#powers"');
      expect(refused.text).toMatch(/<input[^>]*value="ARREST"[^>]*checked/);
      expect((await planOf(plan)).deployments).toEqual([]);
    });

    it('changes a team’s tasking, powers, RV point and call sign against the plan’s version', async () => {
      let plan = await addRv(await s.draft(owner), 'RV1', 0.5);
      plan = await addRv(plan, 'RV2', 1);
      const [rv1, rv2] = plan.rvPoints;
      plan = (
        await s
          .post(owner.auth, `/operations/${plan.id}/deployments`, {
            teamId: owner.team.id,
            headcount: 2,
            version: plan.version,
            tasking: 'Entry',
            powers: ['ENTRY'],
            rvPointId: rv1.id,
          })
          .expect(201)
      ).body;
      const deployment = plan.deployments[0];
      const path = `/plans/${plan.reference}/teams/${deployment.id}/tasking`;
      let html = (await page(session, path)).text;
      expect(html).toContain(`<h1 class="govuk-heading-l">Tasking of ${owner.team.name}</h1>`);
      expect(html).toMatch(/<input[^>]*value="ENTRY"[^>]*checked/);
      expect(html).toContain(`<option value="${rv1.id}" selected>`);
      await post(session, path, {
        ...drawnAt(html),
        tasking: 'Entry, search and arrest',
        powers: ['ENTRY', 'SEARCH', 'ARREST'],
        rvPointId: rv2.id,
        callSign: 'Tango 2',
      }).expect(303);
      expect((await planOf(plan)).deployments[0]).toMatchObject({
        tasking: 'Entry, search and arrest',
        powers: ['ENTRY', 'SEARCH', 'ARREST'],
        rvPoint: { id: rv2.id },
        callSign: 'Tango 2',
      });

      // The form was drawn at the old version: a stale save is refused and nothing changes.
      const stale = await post(session, path, { ...drawnAt(html), tasking: 'Stale', rvPointId: '', callSign: '' }).expect(400);
      expect(errorSummaryOf(stale.text)[0]).toMatch(/^Someone else changed this plan/);
      html = (await page(session, path)).text;
      await post(session, path, { ...drawnAt(html), tasking: 'Entry', rvPointId: '', callSign: '' }).expect(303);
      expect((await planOf(plan)).deployments[0]).toMatchObject({ tasking: 'Entry', powers: [], rvPoint: null, callSign: null });
    });
    it('allocates a team to the premises ticked, on request and when its tasking changes, and lists them', async () => {
      const plan = await s.draft(owner, { locations: twoPremises() });
      const other = await s.draft(owner, { locations: [{ label: 'Unit 4', address: '4 Moseley Road', postcode: randomPostcode() }] });
      const [carWash, house] = plan.locations ?? [];
      const teamsPath = `/plans/${plan.reference}/teams`;
      let html = (await page(session, teamsPath)).text;
      expect(html).toMatch(/<legend[^>]*>\s*Premises\s*<\/legend>/);
      expect(html).toContain(`Car wash (${carWash.postcode})`);
      await post(session, teamsPath, { ...drawnAt(html), teamId: owner.team.id, headcount: '2', locationIds: house.id }).expect(303);
      const [deployment] = (await planOf(plan)).deployments;
      expect(deployment.locationIds).toEqual([house.id]);

      // A forged request naming another plan's premises, or premises that do not exist, is shown against the Premises field.
      const spare = await createTeam(t.dataSource, owner.agency);
      for (const forged of [other.locations![0].id, randomUUID()]) {
        html = (await page(session, teamsPath)).text;
        const refused = await post(session, teamsPath, { ...drawnAt(html), teamId: spare.id, headcount: '1', locationIds: forged }).expect(
          400,
        );
        expect(errorSummaryOf(refused.text)).toEqual(['Select only premises of this plan']);
        expect(refused.text).toContain('href="#locationIds"');
        expect(refused.text).toMatch(/<h1 class="govuk-heading-l">Teams<\/h1>/);
      }
      expect((await planOf(plan)).deployments).toHaveLength(1);
      html = (await page(session, teamsPath)).text;
      expect(html).toContain(`<td class="govuk-table__cell">House (${house.postcode})</td>`);

      const taskingPath = `${teamsPath}/${deployment.id}/tasking`;
      html = (await page(session, taskingPath)).text;
      expect(html).toMatch(new RegExp(`<input[^>]*value="${house.id}"[^>]*checked`));
      expect(html).not.toMatch(new RegExp(`<input[^>]*value="${carWash.id}"[^>]*checked`));
      await post(session, taskingPath, { ...drawnAt(html), locationIds: [carWash.id, house.id], rvPointId: '' }).expect(303);
      const both = [carWash.id, house.id].sort();
      expect([...((await planOf(plan)).deployments[0].locationIds ?? [])].sort()).toEqual(both);
      html = (await page(session, teamsPath)).text;
      expect(html).toContain(`<td class="govuk-table__cell">Car wash (${carWash.postcode}), House (${house.postcode})</td>`);

      // A location that is not the plan's (a forged form) is refused with the reason, and nothing changes.
      html = (await page(session, taskingPath)).text;
      const stranger = await post(session, taskingPath, {
        ...drawnAt(html),
        locationIds: [carWash.id, other.locations![0].id],
        rvPointId: '',
      }).expect(400);
      expect(errorSummaryOf(stranger.text)).toEqual(['Select only premises of this plan']);
      expect(stranger.text).toContain('href="#locationIds"');
      expect(stranger.text).toMatch(/<h1 class="govuk-heading-l">Tasking of /);
      expect([...((await planOf(plan)).deployments[0].locationIds ?? [])].sort()).toEqual(both);

      // Every box left empty takes the team off all the premises.
      html = (await page(session, taskingPath)).text;
      await post(session, taskingPath, { ...drawnAt(html), rvPointId: '' }).expect(303);
      expect((await planOf(plan)).deployments[0].locationIds).toEqual([]);
    });
  });

  it('shows a partner answering a request the premises its team is allocated to, and nothing of them to one that does not see the places', async () => {
    const plan = await s.draft(owner, { locations: twoPremises() });
    const [carWash, house] = plan.locations ?? [];
    const hmrc = await s.partner('HMRC');
    const support = await s.partner('VICTIM_SUPPORT', ['SAFEGUARDING']);
    let now: Plan = plan;
    for (const team of [hmrc.team, support.team])
      now = (
        await s
          .post(owner.auth, `/operations/${plan.id}/deployments`, {
            version: now.version,
            teamId: team.id,
            headcount: 1,
            locationIds: [carWash.id, house.id],
          })
          .expect(201)
      ).body;
    const premisesRow =
      /<dt class="govuk-summary-list__key">\s*Premises\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*([^<]*?)\s*<\/dd>/;
    const asHmrc = (await page(await webSignIn(t.http, hmrc.user.email), `/plans/${plan.reference}/teams`)).text;
    expect(asHmrc).toContain(`${owner.agency.name} asks for ${hmrc.team.name}`);
    expect(premisesRow.exec(asHmrc)?.[1]).toBe(`Car wash (${carWash.postcode}), House (${house.postcode})`);
    const asSupport = (await page(await webSignIn(t.http, support.user.email), `/plans/${plan.reference}/teams`)).text;
    expect(asSupport).toContain(`${owner.agency.name} asks for ${support.team.name}`);
    expect(asSupport).not.toMatch(premisesRow);
    expect(asSupport).not.toContain(carWash.postcode);
  });

  describe('communications', () => {
    it('saves the radio channel and control room number, clears them when emptied, and lists each team’s call sign', async () => {
      const base = await s.draft(owner);
      const plan = (
        await s
          .post(owner.auth, `/operations/${base.id}/deployments`, {
            teamId: owner.team.id,
            headcount: 2,
            version: base.version,
            callSign: 'Tango 1',
          })
          .expect(201)
      ).body as Plan;
      const other = await createTeam(t.dataSource, owner.agency, { capabilities: ['ENTRY'] });
      await s.post(owner.auth, `/operations/${plan.id}/deployments`, { teamId: other.id, headcount: 1, version: plan.version }).expect(201);
      const path = `/plans/${plan.reference}/communications`;
      let html = (await page(session, path)).text;
      expect(html).toMatch(new RegExp(`${owner.team.name} \\(${owner.agency.code}\\)</td>[\\s\\S]*?Tango 1</td>`));
      expect(html).toMatch(new RegExp(`${other.name} \\(${owner.agency.code}\\)</td>[\\s\\S]*?None given</td>`));
      await post(session, path, {
        ...drawnAt(html),
        radioChannel: 'Airwave talkgroup WM-OPS-3',
        controlRoomNumber: '0121 626 5000',
      }).expect(303);
      expect((await planOf(plan)).communications).toEqual({
        radioChannel: 'Airwave talkgroup WM-OPS-3',
        controlRoomNumber: '0121 626 5000',
      });
      html = (await page(session, path)).text;
      expect(valueOf(html, 'radioChannel')).toBe('Airwave talkgroup WM-OPS-3');
      const tooLong = await post(session, path, {
        ...drawnAt(html),
        radioChannel: 'x'.repeat(201),
        controlRoomNumber: '0121 626 5000',
      }).expect(400);
      expect(errorSummaryOf(tooLong.text)).toEqual(['Enter a radio channel or talkgroup of at most 200 characters']);
      expect(tooLong.text).toContain('href="#radioChannel"');
      await post(session, path, { ...drawnAt(html), radioChannel: ' ', controlRoomNumber: '' }).expect(303);
      expect((await planOf(plan)).communications).toEqual({ radioChannel: null, controlRoomNumber: null });
    });
  });
});
