import { createUser, login, operationBody, randomPostcode, signedIn } from '../factories';
import { ukDate } from '../../src/common/uk-time';
import { AdditionLimitRepository } from '../../src/operations/addition-limit.repository';
import { Owner, Plan } from '../factories/scenario';
import { startTestApp } from '../support/test-app';
import { useApp } from '../support/use-app';

type Task = { kind: string; operation: { id: string }; summary: string; additionLimit?: Record<string, unknown> };

type Hit = {
  hitId: string;
  kinds: string[];
  matched: string[];
  sharedPostcodes: string[];
  overlap: { from: string; to: string } | null;
  reference: string;
  stands: boolean;
  acknowledgement: unknown;
  theirAcknowledgement: unknown;
};

/** Issue 17: subjects of interest, matched blind between plans of different agencies. */
describe('subject deconfliction', () => {
  const { t, s } = useApp();
  let nca: Owner;
  let police: Owner;

  beforeEach(async () => {
    nca = await s.owner('NCA');
    police = await s.owner('POLICE');
  });

  /** Adds a subject at the plan's current version, expecting `status`. */
  const add = async (who: Owner, plan: { id: string }, subject: Record<string, unknown>, status = 201) => {
    const { version } = (await s.get(who.auth, `/operations/${plan.id}`).expect(200)).body;
    return t
      .http()
      .post(`/operations/${plan.id}/subjects`)
      .set(who.auth)
      .send({ version, ...subject })
      .expect(status);
  };
  const conflicts = async (who: Owner, plan: { id: string }): Promise<Hit[]> =>
    (await s.get(who.auth, `/operations/${plan.id}/conflicts`).expect(200)).body;
  const subjectHits = async (who: Owner, plan: { id: string }) =>
    (await conflicts(who, plan)).filter((hit) => hit.kinds.some((kind) => kind !== 'PLACE'));
  /** A phone number no other test uses, in UK national form. */
  const phone = () => `07700 9${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`;
  const unique = () => Math.random().toString(36).slice(2, 8);

  it('records subjects the plan’s readers see, and nobody else; only the owner adds them', async () => {
    const plan = await s.draft(nca);
    const added = await add(nca, plan, { kind: 'PERSON', fullName: 'Jan Kowalski', dateOfBirth: '1980-02-01', aliases: ['Janek'] });
    expect(added.body.subjects).toEqual([
      expect.objectContaining({
        kind: 'PERSON',
        fullName: 'Jan Kowalski',
        dateOfBirth: '1980-02-01',
        aliases: ['Janek'],
        phone: null,
        addedBy: expect.objectContaining({ id: nca.user.id }),
      }),
    ]);
    await add(nca, plan, { kind: 'PHONE', phone: '07700 900123' });
    await add(nca, plan, { kind: 'VEHICLE', registration: 'qq99 xyz' });
    const all = (await add(nca, plan, { kind: 'EMAIL', email: ' Boss@Example.COM ' })).body.subjects;
    expect(
      all.map(
        (subject: { phone: string | null; registration: string | null; email: string | null }) =>
          subject.phone ?? subject.registration ?? subject.email,
      ),
    ).toEqual([null, '+447700900123', 'QQ99XYZ', 'boss@example.com']);
    expect((await s.get(nca.auth, `/operations/${plan.id}/subjects`).expect(200)).body.subjects).toHaveLength(4);
    await s.get(police.auth, `/operations/${plan.id}/subjects`).expect(404);
    await t.http().post(`/operations/${plan.id}/subjects`).set(police.auth).send({ version: 1, kind: 'PHONE', phone: phone() }).expect(404);

    const subject = all[1];
    const read = (await s.get(nca.auth, `/operations/${plan.id}`).expect(200)).body;
    const removed = await t
      .http()
      .delete(`/operations/${plan.id}/subjects/${subject.id}?version=${read.version}`)
      .set(nca.auth)
      .expect(200);
    expect(removed.body.subjects).toHaveLength(3);
    expect(removed.body.operationVersion).toBe(read.version + 1);
    const history = (await s.get(nca.auth, `/operations/${plan.id}/history`).expect(200)).body;
    expect(history.map((event: { action: string }) => event.action)).toEqual(expect.arrayContaining(['subject.added', 'subject.removed']));
    const text = JSON.stringify(history);
    for (const value of ['Kowalski', '7700', 'QQ99', 'boss@']) expect(text).not.toContain(value);
    expect(history.find((event: { action: string }) => event.action === 'subject.removed').before).toEqual({
      subjectId: subject.id,
      kind: 'PHONE',
      matchKeys: [expect.stringMatching(/^[0-9a-f]{64}$/)],
    });
  });

  it('refuses what cannot be matched, with a message for the field', async () => {
    const plan = await s.draft(nca);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ kind: 'PERSON', fullName: 'Jan Kowalski' }, 'dateOfBirth', 'Enter the date of birth as a real date, YYYY-MM-DD'],
      [{ kind: 'PERSON', fullName: '  ', dateOfBirth: '1980-02-01' }, 'fullName', 'Enter the person’s full name'],
      [{ kind: 'PERSON', fullName: '!!', dateOfBirth: '1980-02-01' }, 'fullName', 'Enter a name with letters in it'],
      [{ kind: 'PERSON', fullName: 'Jan', dateOfBirth: '1980-02-30' }, 'dateOfBirth', 'Enter the date of birth as a real date, YYYY-MM-DD'],
      [{ kind: 'PHONE', phone: '12' }, 'phone', 'Enter a phone number, like 07700 900123 or +44 7700 900123'],
      [{ kind: 'VEHICLE', registration: 'AB12/CDE' }, 'registration', 'Enter the registration, like AB12 CDE'],
      [{ kind: 'EMAIL', email: 'not an email' }, 'email', 'Enter an email address, like name@example.com'],
      [{ kind: 'SHOE_SIZE' }, 'kind', 'Choose what kind of subject it is: a person, a phone number, a vehicle or an email address'],
    ];
    for (const [subject, field, message] of cases) {
      const refused = await add(nca, plan, subject, 400);
      expect(refused.body.details.fields).toEqual([{ field, problems: [message] }]);
    }
    expect((await s.get(nca.auth, `/operations/${plan.id}/subjects`).expect(200)).body.subjects).toEqual([]);
  });

  // Each case is given a token of its own (letters for names, digits for numbers), so that no other plan of the run shares its values.
  it.each<[string, (token: { letters: string; digits: string }) => [Record<string, unknown>, Record<string, unknown>]]>([
    [
      'a phone in national and international form',
      ({ digits }) => [
        { kind: 'PHONE', phone: `07700 9${digits}` },
        { kind: 'PHONE', phone: `+44 7700 9${digits}` },
      ],
    ],
    [
      'a registration with and without spaces, in any case',
      ({ digits }) => [
        { kind: 'VEHICLE', registration: `AB${digits.slice(0, 2)} CDE` },
        { kind: 'VEHICLE', registration: `ab${digits.slice(0, 2)}cde` },
      ],
    ],
    [
      'a name in another order, case and punctuation, with the same date of birth',
      ({ letters }) => [
        { kind: 'PERSON', fullName: `Jan ${letters} Kowalski`, dateOfBirth: '1980-02-01' },
        { kind: 'PERSON', fullName: `KOWALSKI, Jan ${letters.toUpperCase()}`, dateOfBirth: '1980-02-01' },
      ],
    ],
    [
      'a name with and without accents',
      ({ letters }) => [
        { kind: 'PERSON', fullName: `Łukasz Wójcik-${letters}`, dateOfBirth: '1975-06-15' },
        { kind: 'PERSON', fullName: `lukasz  WOJCIK ${letters}`, dateOfBirth: '1975-06-15' },
      ],
    ],
    [
      'an alias of one and the name of the other',
      ({ letters }) => [
        { kind: 'PERSON', fullName: `Ion Popescu ${letters}`, dateOfBirth: '1990-01-01', aliases: [`Johnny Pop ${letters}`] },
        { kind: 'PERSON', fullName: `Pop, Johnny ${letters}`, dateOfBirth: '1990-01-01' },
      ],
    ],
    [
      'an email in another case',
      ({ letters }) => [
        { kind: 'EMAIL', email: `Fixer.${letters}@Example.org` },
        { kind: 'EMAIL', email: `fixer.${letters}@example.ORG` },
      ],
    ],
  ])('matches %s, and tells both owners only what kind of identifier matched', async (_name, values) => {
    const letters = Array.from({ length: 8 }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(Math.random() * 26)]).join('');
    const digits = String(Math.floor(Math.random() * 1e5)).padStart(5, '0');
    const [mine, theirs] = values({ letters, digits });
    const ours = await s.draft(nca);
    const other = await s.plan(police, { stage: 'ready' });
    await add(police, other, theirs);
    await add(nca, ours, mine);
    const matched = { PERSON: 'a person', PHONE: 'a phone number', VEHICLE: 'a vehicle', EMAIL: 'an email address' }[String(mine.kind)];
    expect(await subjectHits(nca, ours)).toEqual([
      expect.objectContaining({
        kinds: [mine.kind],
        matched: [matched],
        reference: other.reference,
        stands: true,
        sharedPostcodes: [],
        overlap: null,
        leadAgency: expect.objectContaining({ code: police.agency.code }),
      }),
    ]);
    expect(await subjectHits(police, other)).toEqual([
      expect.objectContaining({ kinds: [mine.kind], matched: [matched], reference: ours.reference, stands: true }),
    ]);
  });

  it('does not match the same name with another date of birth, or a plan that is cancelled', async () => {
    const name = `Jan Kowalski ${unique()}`;
    const ours = await s.draft(nca);
    const other = await s.draft(police);
    await add(police, other, { kind: 'PERSON', fullName: name, dateOfBirth: '1980-02-01' });
    await add(nca, ours, { kind: 'PERSON', fullName: name, dateOfBirth: '1981-02-01' });
    expect(await subjectHits(nca, ours)).toEqual([]);

    const number = phone();
    const cancelled = await s.draft(police);
    await add(police, cancelled, { kind: 'PHONE', phone: number });
    const read = (await s.get(police.auth, `/operations/${cancelled.id}`).expect(200)).body;
    await s
      .post(police.auth, `/operations/${cancelled.id}/cancel`, { version: read.version, reason: 'Intelligence went stale' })
      .expect(200);
    await add(nca, ours, { kind: 'PHONE', phone: number });
    expect(await subjectHits(nca, ours)).toEqual([]);
  });

  it('does not match a day of action stood down; a hit raised before stands, for the owner still planning to acknowledge, and leaves nothing for the other to acknowledge', async () => {
    const number = phone();
    const theirs = await s.plan(police, { stage: 'ready' });
    await add(police, theirs, { kind: 'PHONE', phone: number });
    const ours = await s.plan(nca, { stage: 'ready' });
    await add(nca, ours, { kind: 'PHONE', phone: number });
    expect(await subjectHits(nca, ours)).toEqual([expect.objectContaining({ reference: theirs.reference, stands: true })]);

    await s.dayStarted(theirs);
    const started = (await s.get(police.auth, `/operations/${theirs.id}`).expect(200)).body as Plan;
    await s
      .post(police.auth, `/operations/${theirs.id}/stand-down`, { version: started.version, reason: 'The subjects have left the country' })
      .expect(200);
    // Whether a hit needs acknowledging never depends on the other plan's content; that it was stood down is what our owner needs to hear.
    expect(await subjectHits(nca, ours)).toEqual([
      expect.objectContaining({ reference: theirs.reference, stands: true, kinds: ['PHONE'] }),
    ]);
    const readiness = (await s.get(nca.auth, `/operations/${ours.id}/readiness`).expect(200)).body;
    expect(readiness.checks.find((check: { id: string }) => check.id === 'deconfliction')).toMatchObject({ ok: false, applies: true });

    const [hit] = await subjectHits(police, theirs);
    const stood = (await s.get(police.auth, `/operations/${theirs.id}`).expect(200)).body as Plan;
    const refused = await s
      .post(police.auth, `/operations/${theirs.id}/conflicts/${hit.hitId}/acknowledge`, { version: stood.version, note: 'Noted' })
      .expect(409);
    expect(refused.body).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: `${theirs.reference} has been stood down: its deconfliction hits no longer need acknowledging`,
    });

    // A plan adding the number now matches the plan that still holds it, not the one stood down.
    const later = await s.draft(nca);
    await add(nca, later, { kind: 'PHONE', phone: number });
    expect((await subjectHits(nca, later)).map((each) => each.reference)).toEqual([ours.reference]);
  });

  it('stands no longer once the other plan is cancelled: it stays on the record and blocks nothing', async () => {
    const number = phone();
    const theirs = await s.draft(police);
    await add(police, theirs, { kind: 'PHONE', phone: number });
    const ours = await s.plan(nca, { stage: 'ready' });
    await add(nca, ours, { kind: 'PHONE', phone: number });
    const read = (await s.get(police.auth, `/operations/${theirs.id}`).expect(200)).body as Plan;
    await s.post(police.auth, `/operations/${theirs.id}/cancel`, { version: read.version, reason: 'Intelligence went stale' }).expect(200);
    expect(await subjectHits(nca, ours)).toEqual([
      expect.objectContaining({ reference: theirs.reference, stands: false, kinds: ['PHONE'], acknowledgement: null }),
    ]);
    const readiness = (await s.get(nca.auth, `/operations/${ours.id}/readiness`).expect(200)).body;
    expect(readiness.checks.find((check: { id: string }) => check.id === 'deconfliction')).toMatchObject({ ok: true, applies: false });
  });

  it('never shows the other agency the value: not in any answer their session gets', async () => {
    const number = phone();
    const registration = `ZX${Math.floor(Math.random() * 90 + 10)} ${unique().slice(0, 3).toUpperCase()}`;
    const ours = await s.plan(nca, { stage: 'ready' });
    const other = await s.plan(police, { stage: 'ready' });
    await add(nca, ours, { kind: 'PHONE', phone: number });
    await add(nca, ours, { kind: 'VEHICLE', registration });
    await add(police, other, { kind: 'PHONE', phone: number.replace(/^0/, '+44 ') });
    await add(police, other, { kind: 'VEHICLE', registration: registration.toLowerCase() });

    const theirHits = await subjectHits(police, other);
    // The phone was one hit; the vehicle, new to the pair, another, listing both.
    expect(theirHits.map((hit) => hit.matched)).toEqual([['a phone number', 'a vehicle'], ['a phone number']]);
    const bodies = await Promise.all(
      [
        `/operations/${other.id}/conflicts`,
        `/operations/${other.id}`,
        `/operations/${other.id}/history`,
        `/operations/${other.id}/readiness`,
        `/operations/${other.id}/subjects`,
        '/tasks',
        '/operations',
      ].map(async (path) => (await s.get(police.auth, path).expect(200)).text),
    );
    await s.get(police.auth, `/operations/${ours.id}/subjects`).expect(404);
    // Their own copies of the values are in their own plan's subjects, in their own form; ours never are.
    const national = number.replace(/\s/g, '');
    for (const body of bodies) {
      expect(body).not.toContain(national);
      expect(body).not.toContain(registration);
      expect(body).not.toContain(ours.name);
    }
  });

  it('blocks submission until each hit is acknowledged with a note, and both sides see the acknowledgement', async () => {
    const number = phone();
    const other = await s.plan(police, { stage: 'ready' });
    const ours = await s.plan(nca, { stage: 'ready' });
    await add(police, other, { kind: 'PHONE', phone: number });
    await add(nca, ours, { kind: 'PHONE', phone: number });
    const read = (await s.get(nca.auth, `/operations/${ours.id}`).expect(200)).body as Plan;
    const refused = await s.post(nca.auth, `/operations/${ours.id}/submit`, { version: read.version }).expect(422);
    expect(refused.body.details.checks).toEqual([
      expect.objectContaining({ id: 'deconfliction', message: `Acknowledge the deconfliction hit with ${other.reference}` }),
    ]);

    const [hit] = await subjectHits(nca, ours);
    const acknowledged = await s
      .post(nca.auth, `/operations/${ours.id}/conflicts/${hit.hitId}/acknowledge`, {
        version: read.version,
        note: 'Spoke to their SIO; we go first, they hold',
      })
      .expect(200);
    expect(acknowledged.body.find((h: Hit) => h.hitId === hit.hitId).acknowledgement).toMatchObject({
      note: 'Spoke to their SIO; we go first, they hold',
      by: { id: nca.user.id },
    });
    const [theirs] = await subjectHits(police, other);
    expect(theirs.theirAcknowledgement).toMatchObject({
      note: 'Spoke to their SIO; we go first, they hold',
      by: { agency: nca.agency.code },
    });
    expect(theirs.acknowledgement).toBeNull();
    const now = (await s.get(nca.auth, `/operations/${ours.id}`).expect(200)).body as Plan;
    await s.post(nca.auth, `/operations/${ours.id}/submit`, { version: now.version }).expect(200);
  });

  it('tells the owner of an approved plan through a task, and leaves that plan as it was (R9 does not apply)', async () => {
    const number = phone();
    const ready = await s.plan(police, { stage: 'ready' });
    await add(police, ready, { kind: 'PHONE', phone: number });
    const withSubject = (await s.get(police.auth, `/operations/${ready.id}`).expect(200)).body;
    const submitted = (await s.post(police.auth, `/operations/${ready.id}/submit`, { version: withSubject.version }).expect(200)).body;
    const approved = (
      await s
        .post(police.manager, `/operations/${ready.id}/review`, { decision: 'APPROVE', comment: 'Go', version: submitted.version })
        .expect(200)
    ).body;

    const ours = await s.draft(nca);
    await add(nca, ours, { kind: 'PHONE', phone: number });
    const after = (await s.get(police.auth, `/operations/${ready.id}`).expect(200)).body;
    expect(after).toMatchObject({
      status: 'APPROVED',
      version: approved.version,
      approval: expect.objectContaining({ by: expect.objectContaining({ id: police.managerUser.id }) }),
    });
    const [hit] = await subjectHits(police, ready);
    const tasks = (await s.get(police.auth, '/tasks').expect(200)).body;
    expect(tasks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ operation: expect.objectContaining({ reference: ready.reference }), hitId: hit.hitId }),
      ]),
    );
  });

  it('gives both coordinators the hit when they add the same phone at the same moment', async () => {
    for (let round = 0; round < 5; round++) {
      const number = phone();
      const [ours, theirs] = await Promise.all([s.draft(nca), s.draft(police)]);
      const answers = await Promise.all([
        add(nca, ours, { kind: 'PHONE', phone: number }),
        add(police, theirs, { kind: 'PHONE', phone: number.replace(/^0/, '+44') }),
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([201, 201]);
      expect(await subjectHits(nca, ours)).toEqual([expect.objectContaining({ reference: theirs.reference, matched: ['a phone number'] })]);
      expect(await subjectHits(police, theirs)).toEqual([
        expect.objectContaining({ reference: ours.reference, matched: ['a phone number'] }),
      ]);
    }
  });

  it('holds one pair to one hit for what it shares in the database itself: the same facts recorded again are refused', async () => {
    const number = phone();
    const [ours, theirs] = await Promise.all([s.draft(nca), s.draft(police)]);
    await add(nca, ours, { kind: 'PHONE', phone: number });
    await add(police, theirs, { kind: 'PHONE', phone: number });
    const [hit] = await conflicts(nca, ours);
    const again = t.dataSource.transaction((manager) =>
      manager.query(
        `INSERT INTO deconfliction_hits (id, operation_id, other_operation_id, kinds, shared_postcodes, raised_by)
         SELECT gen_random_uuid(), operation_id, other_operation_id, kinds, shared_postcodes, raised_by FROM deconfliction_hits WHERE id = $1 AND operation_id = $2`,
        [hit.hitId, ours.id],
      ),
    );
    await expect(again).rejects.toMatchObject({ code: '23505', constraint: 'uq_deconfliction_hits_facts' });
  });

  /** Removes a subject at the plan's current version. */
  const remove = async (who: Owner, plan: { id: string }, subjectId: string) => {
    const { version } = (await s.get(who.auth, `/operations/${plan.id}`).expect(200)).body;
    await t.http().delete(`/operations/${plan.id}/subjects/${subjectId}?version=${version}`).set(who.auth).expect(200);
  };
  const hitEvents = async (who: Owner, plan: { id: string }) =>
    (await s.get(who.auth, `/operations/${plan.id}/history`).expect(200)).body.filter((event: { action: string }) =>
      event.action.startsWith('deconfliction.'),
    );
  const operationBodyWith = (locations: Record<string, unknown>[]) => operationBody({ locations });
  const letters = () => Array.from({ length: 8 }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(Math.random() * 26)]).join('');

  it('answers nothing more after a hit: guesses of a kind already shared, added and removed, change nothing either side reads', async () => {
    const [known, second] = [phone(), phone()];
    const token = letters();
    const name = `Jan ${token} Kowalski`;
    const theirs = await s.draft(police);
    // They hold two phones, and the person under an alias and, by name, with the real date of birth.
    await add(police, theirs, { kind: 'PHONE', phone: known });
    await add(police, theirs, { kind: 'PHONE', phone: second });
    await add(police, theirs, { kind: 'PERSON', fullName: `Johnny ${token}`, dateOfBirth: '1980-02-01' });
    await add(police, theirs, { kind: 'PERSON', fullName: name, dateOfBirth: '1979-07-14' });
    const ours = await s.draft(nca);
    const phoneAdded = (await add(nca, ours, { kind: 'PHONE', phone: known })).body.subjects[0];
    await add(nca, ours, { kind: 'PERSON', fullName: name, dateOfBirth: '1980-02-01', aliases: [`Johnny ${token}`] });
    const [ourHits, theirHits] = [await conflicts(nca, ours), await conflicts(police, theirs)];
    expect(ourHits.map((hit) => hit.kinds)).toEqual([['PERSON', 'PHONE'], ['PHONE']]);
    const [ourEvents, theirEvents] = [await hitEvents(nca, ours), await hitEvents(police, theirs)];

    // The second phone they hold, phones and dates of birth guessed one at a time (the real one among them), each removed again, and the first phone taken off and put back.
    await add(nca, ours, { kind: 'PHONE', phone: second });
    for (const guess of [phone(), phone()]) {
      const added = (await add(nca, ours, { kind: 'PHONE', phone: guess })).body.subjects.at(-1);
      await remove(nca, ours, added.id);
    }
    for (const dateOfBirth of ['1979-07-13', '1979-07-14', '1979-07-15']) {
      const added = (await add(nca, ours, { kind: 'PERSON', fullName: name, dateOfBirth })).body.subjects.at(-1);
      await remove(nca, ours, added.id);
    }
    await remove(nca, ours, phoneAdded.id);
    await add(nca, ours, { kind: 'PHONE', phone: known });

    expect(await conflicts(nca, ours)).toEqual(ourHits);
    expect(await conflicts(police, theirs)).toEqual(theirHits);
    expect(await hitEvents(nca, ours)).toEqual(ourEvents);
    expect(await hitEvents(police, theirs)).toEqual(theirEvents);
  });

  it('lists everything a pair shares on one hit, a place and a phone, acknowledged once; a later new kind is a new hit in both histories', async () => {
    const postcode = randomPostcode().toUpperCase();
    const place = (label: string) => [{ label, address: '1 Mill Lane', postcode }];
    const ours = await s.plan(nca, {
      stage: 'ready',
      body: { startsAt: '2028-08-01T05:00:00Z', endsAt: '2028-08-02T12:00:00Z', locations: place('Yard') },
    });
    const number = phone();
    await add(nca, ours, { kind: 'PHONE', phone: number });
    const theirs = await s.draft(police, {
      startsAt: '2028-08-01T20:00:00Z',
      endsAt: '2028-08-03T10:00:00Z',
      locations: place('Same yard'),
    });
    await add(police, theirs, { kind: 'PHONE', phone: number });

    const hits = await conflicts(nca, ours);
    expect(hits).toEqual([
      expect.objectContaining({
        reference: theirs.reference,
        kinds: ['PLACE', 'PHONE'],
        matched: ['a place in the same window', 'a phone number'],
        sharedPostcodes: [postcode],
        overlap: { from: '2028-08-01', to: '2028-08-02' },
        stands: true,
        acknowledgement: null,
      }),
      // The place alone, raised first: covered by the hit that lists both.
      expect.objectContaining({ reference: theirs.reference, kinds: ['PLACE'], sharedPostcodes: [postcode], stands: false }),
    ]);
    const version = async (who: Owner, plan: { id: string }) => (await s.get(who.auth, `/operations/${plan.id}`).expect(200)).body.version;
    const failing = async () =>
      (await s.get(nca.auth, `/operations/${ours.id}/readiness`).expect(200)).body.checks.find(
        (check: { id: string }) => check.id === 'deconfliction',
      );
    expect(await failing()).toMatchObject({ ok: false, message: `Acknowledge the deconfliction hit with ${theirs.reference}` });

    await s
      .post(nca.auth, `/operations/${ours.id}/conflicts/${hits[0].hitId}/acknowledge`, {
        version: await version(nca, ours),
        note: 'One call covered the yard and the phone',
      })
      .expect(200);
    expect(await failing()).toMatchObject({ ok: true });
    const theirSide = await conflicts(police, theirs);
    expect(theirSide[0]).toMatchObject({
      hitId: hits[0].hitId,
      kinds: ['PLACE', 'PHONE'],
      stands: true,
      acknowledgement: null,
      theirAcknowledgement: { note: 'One call covered the yard and the phone' },
    });
    const tasks = (await s.get(police.auth, '/tasks').expect(200)).body.filter((task: { kind: string }) => task.kind === 'ACKNOWLEDGE_HIT');
    expect(tasks).toEqual([expect.objectContaining({ hitId: hits[0].hitId, operation: expect.objectContaining({ id: theirs.id }) })]);

    const registration = `ZX${Math.floor(Math.random() * 90 + 10)} ${letters().slice(0, 3).toUpperCase()}`;
    await add(nca, ours, { kind: 'VEHICLE', registration });
    await add(police, theirs, { kind: 'VEHICLE', registration });
    const [newest] = await conflicts(nca, ours);
    expect(newest).toMatchObject({
      kinds: ['PLACE', 'PHONE', 'VEHICLE'],
      sharedPostcodes: [postcode],
      stands: true,
      acknowledgement: null,
    });
    expect(await failing()).toMatchObject({ ok: false });
    for (const [who, plan, other] of [
      [nca, ours, theirs],
      [police, theirs, ours],
    ] as const) {
      const raised = (await hitEvents(who, plan)).filter((event: { action: string }) => event.action === 'deconfliction.hit-raised');
      expect(raised.map((event: { after: { kinds: string[] } }) => event.after.kinds)).toEqual([
        ['PLACE'],
        ['PLACE', 'PHONE'],
        ['PLACE', 'PHONE', 'VEHICLE'],
      ]);
      expect(raised.at(-1).after).toEqual({
        other: other.reference,
        hitId: newest.hitId,
        kinds: ['PLACE', 'PHONE', 'VEHICLE'],
        sharedPostcodes: [postcode],
        overlap: { from: '2028-08-01', to: '2028-08-02' },
      });
    }
  });

  it('refuses the 201st identifier a user adds in a day, matching or not, whole, and tells the managers of their agency until one looks into it', async () => {
    const plan = await s.draft(nca, { locations: [] });
    const token = letters();
    // Each name a person is matched by counts: 18 people known by 11 names each, and two phones, make the 200 of the day.
    for (let person = 0; person < 18; person++) {
      const aliases = Array.from({ length: 10 }, (_, alias) => `Alias ${token} ${person} ${alias}`);
      await add(nca, plan, { kind: 'PERSON', fullName: `Person ${token} ${person}`, dateOfBirth: '1980-02-01', aliases });
    }
    await add(nca, plan, { kind: 'PHONE', phone: phone() });
    await add(nca, plan, { kind: 'PHONE', phone: phone() });

    const refused = await add(nca, plan, { kind: 'PHONE', phone: phone() }, 429);
    expect(refused.body).toMatchObject({
      statusCode: 429,
      code: 'RATE_LIMITED',
      details: { retryAfterSeconds: expect.any(Number), limit: 200 },
    });
    expect(refused.body.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.body.details.retryAfterSeconds).toBeLessThanOrEqual(25 * 3600);
    expect(refused.body.message).toMatch(
      /^You can add up to 200 identifiers and postcodes to plans in a day, and this change would take you past that, so it was not made\. You can add more from midnight, in .+\. Your agency’s managers have been told\.$/,
    );
    await add(
      nca,
      plan,
      { kind: 'PERSON', fullName: `Late ${token}`, dateOfBirth: '1980-02-01', aliases: [`Later ${token}`, `Latest ${token}`] },
      429,
    );
    expect((await s.get(nca.auth, `/operations/${plan.id}/subjects`).expect(200)).body.subjects).toHaveLength(20);
    // Another user of the agency has their own 200.
    const colleague = await createUser(t.dataSource, nca.agency, ['COORDINATOR']);
    const colleagueAuth = { Authorization: `Bearer ${await login(t.http, colleague)}` };
    const { version } = (await s.get(colleagueAuth, `/operations/${plan.id}`).expect(200)).body;
    await t.http().post(`/operations/${plan.id}/subjects`).set(colleagueAuth).send({ version, kind: 'PHONE', phone: phone() }).expect(201);

    const reports = (await s.get(nca.manager, '/tasks').expect(200)).body.filter((task: Task) => task.kind === 'LOOK_INTO_ADDITIONS');
    expect(reports).toEqual([
      expect.objectContaining({
        operation: expect.objectContaining({ id: plan.id, reference: plan.reference }),
        additionLimit: {
          id: expect.any(String),
          user: { name: nca.user.name, email: nca.user.email },
          day: ukDate(new Date()),
          dailyLimit: 200,
          changesRefused: 2,
          additionsRefused: 4,
          lastRefusedAt: expect.any(String),
        },
      }),
    ]);
    expect(reports[0].summary).toContain(
      `${nca.user.name} (${nca.user.email}) went past the daily limit of 200 identifiers and postcodes added to plans on `,
    );
    expect(reports[0].summary).toContain(`2 changes were refused, which would have added 4 more`);
    expect((await s.get(nca.auth, '/tasks').expect(200)).body.filter((task: Task) => task.kind === 'LOOK_INTO_ADDITIONS')).toEqual([]);
    const reportId = reports[0].additionLimit.id;
    await s.post(police.manager, `/tasks/addition-limit-reports/${reportId}/looked-into`, {}).expect(404);
    await s.post(nca.auth, `/tasks/addition-limit-reports/${reportId}/looked-into`, {}).expect(403);
    const after = (await s.post(nca.manager, `/tasks/addition-limit-reports/${reportId}/looked-into`, {}).expect(200)).body;
    expect(after.filter((task: Task) => task.kind === 'LOOK_INTO_ADDITIONS')).toEqual([]);
  });

  it('counts postcodes new to a plan against the same limit, through a new plan or a change of its locations, and refuses the change whole', async () => {
    const limited = await startTestApp({ DECONFLICTION_MAX_ADDITIONS_PER_DAY: '3' });
    try {
      const coordinator = await signedIn(limited.dataSource, limited.http);
      const manager = await createUser(limited.dataSource, coordinator.agency, ['MANAGER']);
      const managerAuth = { Authorization: `Bearer ${await login(limited.http, manager)}` };
      const [first, second, third, fourth] = Array.from({ length: 4 }, () => randomPostcode().toUpperCase());
      const place = (postcode: string, label = 'Site') => ({ label, address: `${label}, 1 Mill Lane`, postcode });
      const created = await limited
        .http()
        .post('/operations')
        .set(coordinator.auth)
        .send(operationBodyWith([place(first, 'Yard'), place(second, 'Farm')]))
        .expect(201);
      let plan = created.body;
      // Relabelling and removing add nothing; a third postcode is the day's last.
      plan = (
        await limited
          .http()
          .patch(`/operations/${plan.id}`)
          .set(coordinator.auth)
          .send({ version: plan.version, locations: [place(first, 'Main yard')] })
          .expect(200)
      ).body;
      plan = (
        await limited
          .http()
          .patch(`/operations/${plan.id}`)
          .set(coordinator.auth)
          .send({ version: plan.version, locations: [place(first, 'Main yard'), place(third)] })
          .expect(200)
      ).body;
      const refused = await limited
        .http()
        .patch(`/operations/${plan.id}`)
        .set(coordinator.auth)
        .send({ version: plan.version, locations: [place(first, 'Main yard'), place(fourth)] })
        .expect(429);
      expect(refused.body).toMatchObject({ code: 'RATE_LIMITED', details: { limit: 3 } });
      const now = (await limited.http().get(`/operations/${plan.id}`).set(coordinator.auth).expect(200)).body;
      expect(now.version).toBe(plan.version);
      expect(now.locations.map((location: { postcode: string }) => location.postcode)).toEqual([first, third]);
      // A new plan refused was never made: the report keeps naming the plan refused before.
      await limited
        .http()
        .post('/operations')
        .set(coordinator.auth)
        .send(operationBodyWith([place(fourth)]))
        .expect(429);
      const tasks = (await limited.http().get('/tasks').set(managerAuth).expect(200)).body.filter(
        (task: Task) => task.kind === 'LOOK_INTO_ADDITIONS',
      );
      expect(tasks).toEqual([
        expect.objectContaining({
          operation: expect.objectContaining({ id: plan.id }),
          additionLimit: expect.objectContaining({ dailyLimit: 3, changesRefused: 2, additionsRefused: 2 }),
        }),
      ]);
    } finally {
      await limited.close();
    }
  });

  it('counts additions made at the same moment together: of parallel changes past the limit, only as many as it leaves are made', async () => {
    const limited = await startTestApp({ DECONFLICTION_MAX_ADDITIONS_PER_DAY: '3' });
    try {
      const coordinator = await signedIn(limited.dataSource, limited.http);
      const plans = await Promise.all(
        Array.from(
          { length: 6 },
          async () =>
            (
              await limited
                .http()
                .post('/operations')
                .set(coordinator.auth)
                .send(operationBody({ locations: [] }))
                .expect(201)
            ).body,
        ),
      );
      const answers = await Promise.all(
        plans.map((plan) =>
          limited
            .http()
            .post(`/operations/${plan.id}/subjects`)
            .set(coordinator.auth)
            .send({ version: plan.version, kind: 'PHONE', phone: phone() }),
        ),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 201, 201, 429, 429, 429]);
      const held = await Promise.all(
        plans.map(
          async (plan) =>
            (await limited.http().get(`/operations/${plan.id}/subjects`).set(coordinator.auth).expect(200)).body.subjects.length,
        ),
      );
      expect(held.reduce((sum, count) => sum + count, 0)).toBe(3);
    } finally {
      await limited.close();
    }
  });

  it('records a refusal that started before the refusal that opened the day’s report, without the report’s times going backwards', async () => {
    const limited = await startTestApp({ DECONFLICTION_MAX_ADDITIONS_PER_DAY: '1' });
    const earlier = limited.dataSource.createQueryRunner();
    try {
      const coordinator = await signedIn(limited.dataSource, limited.http);
      const plan = (
        await limited
          .http()
          .post('/operations')
          .set(coordinator.auth)
          .send(operationBody({ locations: [] }))
          .expect(201)
      ).body;
      const added = (
        await limited
          .http()
          .post(`/operations/${plan.id}/subjects`)
          .set(coordinator.auth)
          .send({ version: plan.version, kind: 'PHONE', phone: phone() })
          .expect(201)
      ).body;
      // A refusal whose transaction began first, and is recorded last.
      await earlier.startTransaction();
      await earlier.query('SELECT now()');
      await limited
        .http()
        .post(`/operations/${plan.id}/subjects`)
        .set(coordinator.auth)
        .send({ version: added.operationVersion, kind: 'PHONE', phone: phone() })
        .expect(429);
      const refusal = {
        userId: coordinator.user.id,
        agencyId: coordinator.agency.id,
        ukDay: ukDate(new Date()),
        operationId: plan.id,
        dailyLimit: 1,
        additions: 1,
      };
      await limited.app.get(AdditionLimitRepository).report(earlier.manager, refusal);
      await earlier.commitTransaction();
      const [report] = await limited.dataSource.query(
        'SELECT changes_refused, first_refused_at, last_refused_at FROM addition_limit_reports WHERE user_id = $1',
        [coordinator.user.id],
      );
      expect(report.changes_refused).toBe(2);
      expect(report.last_refused_at.getTime()).toBeGreaterThanOrEqual(report.first_refused_at.getTime());
    } finally {
      if (earlier.isTransactionActive) await earlier.rollbackTransaction();
      await earlier.release();
      await limited.close();
    }
  });
});
