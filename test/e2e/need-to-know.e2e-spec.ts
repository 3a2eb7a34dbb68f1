import { createTeam, createUser, login, randomPostcode, unique } from '../factories';
import { Auth, Owner, Plan, Scenario, Signed } from '../factories/scenario';
import { SECTIONS } from '../../src/web/plan-sections';
import { webSignIn } from '../support/browser-session';
import { docxText } from '../support/docx-text';
import { binary, pdfText } from '../support/pdf-text';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 23: need-to-know inside a plan (R14a–R14c). One plan holds a distinct secret in each
 * section; each kind of reader reads every route, page, download, export and feed there is, and
 * every secret it may not see must be absent from all of them, while what it may see is there.
 */
describe('need-to-know inside a plan: a secret in each section, read by every kind of reader', () => {
  let t: TestApp;
  let s: Scenario;

  const tag = unique();
  const digits = String(Math.floor(Math.random() * 1e5)).padStart(5, '0');
  /** Each secret, and the forms it may take on a page (a phone is shown in E.164). */
  const SECRETS = {
    subjectPhone: [`07700 9${digits}`, `+4477009${digits}`],
    acknowledgement: [`Ack note ${tag}: stood the E7 address down with the other force`],
    subjectHitNote: [`Subject note ${tag}: the other force runs the phone as a target`],
    warrant: [`BMC/2027/${tag}`],
    cpsNote: [`CPS note ${tag}: charging advice on the controllers`],
    declineReason: [`Decline ${tag}: team committed to Operation Tiller in Kent`],
    intelligenceRisk: [`Risk ${tag}: informant says the controller carries a blade`],
    information: [`Information ${tag}: the controllers rotate workers weekly`],
    partnerTasking: [`Tasking ${tag}: HMRC payroll records from the office`],
    ownerEvidence: [`Evidence ${tag}: victim accounts at the car wash`],
    partnerEvidence: [`Evidence ${tag}: payroll ledger seized by HMRC`],
  } as const;
  type Secret = keyof typeof SECRETS;
  const ALL = Object.keys(SECRETS) as Secret[];

  type Reader = { who: string; auth: Auth; email: string; mayRead: Secret[]; seesPlan: boolean; deploymentId?: string };
  const readers: Reader[] = [];
  let plan: Plan;

  /** A partner agency of `kind` with a team, and a coordinator (and its email) signed in. */
  const partner = (kind: Parameters<Scenario['partner']>[0], capabilities: Parameters<Scenario['partner']>[1]) =>
    s.partner(kind, capabilities);
  const current = async (owner: Owner) => (await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body as Plan;
  const request = async (owner: Owner, team: { id: string }, tasking = 'In support') => {
    const asked: Plan = (
      await s
        .post(owner.auth, `/operations/${plan.id}/deployments`, {
          teamId: team.id,
          headcount: 1,
          tasking,
          version: (await current(owner)).version,
        })
        .expect(201)
    ).body;
    return asked.deployments.find((d) => d.team.id === team.id && d.status === 'REQUESTED')!;
  };
  const confirm = async (who: Signed, deployment: { id: string; version?: number }) =>
    s.post(who.auth, `/operations/${plan.id}/deployments/${deployment.id}/confirm`, { version: deployment.version }).expect(200);

  beforeAll(async () => {
    t = await startTestApp();
    s = new Scenario(t);
    const owner = await s.owner('POLICE');
    const liaison = await s.liaison();
    const postcode = randomPostcode();
    const startsAt = new Date(Date.now() + 20 * 24 * 3600_000);
    startsAt.setUTCHours(5, 0, 0, 0);
    const endsAt = new Date(startsAt.getTime() + 10 * 3600_000);
    const strikeAt = new Date(startsAt.getTime() + 3600_000).toISOString();
    plan = await s.draft(owner, {
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      briefing: { information: SECRETS.information[0], intent: 'Safeguard the workers; arrest the controllers.' },
      locations: [
        {
          label: 'Car wash',
          address: '12 Ladypool Road, Birmingham',
          postcode,
          strikeAt,
          entry: {
            basis: 'WARRANT',
            warrant: {
              type: 'Search warrant, s8 PACE',
              court: 'Birmingham Magistrates',
              reference: SECRETS.warrant[0],
              expiresAt: endsAt.toISOString(),
            },
          },
        },
      ],
      risks: [
        { hazard: 'DOGS', likelihood: 2, impact: 2, controls: 'Dog handler with the entry team', residual: 'LOW', owner: 'PS Jones' },
        {
          hazard: 'OTHER',
          hazardDetail: SECRETS.intelligenceRisk[0],
          likelihood: 3,
          impact: 4,
          controls: 'Armed support on standby',
          residual: 'MEDIUM',
          owner: 'Insp Shah',
          intelligenceDerived: true,
        },
      ],
    });
    await t
      .http()
      .put(`/operations/${plan.id}/lead-agency`)
      .set(owner.auth)
      .send({ agencyId: owner.agency.id, version: plan.version })
      .expect(200);
    const ownTeam = await createTeam(t.dataSource, owner.agency, { capabilities: ['ENTRY', 'SAFEGUARDING', 'INTERPRETING'] });
    await request(owner, ownTeam, 'Entry and safeguarding');

    // Partners: law enforcement, victim support, a local authority, one granted the Intelligence, one released, one that declined.
    const le = await partner('HMRC', ['TAX_COMPLIANCE']);
    const vs = await partner('VICTIM_SUPPORT', ['VICTIM_RECEPTION']);
    const la = await partner('LOCAL_AUTHORITY', ['SAFEGUARDING']);
    const granted = await partner('NCA', ['INTELLIGENCE']);
    const released = await partner('DWP', ['BENEFITS_INVESTIGATION']);
    const declined = await partner('IMMIGRATION_ENFORCEMENT', ['IMMIGRATION_CHECKS']);
    const trusted = await partner('GLAA', ['LABOUR_INSPECTION']);
    const leDeployment = await request(owner, le.team, SECRETS.partnerTasking[0]);
    await confirm(le, leDeployment);
    const ids: Record<string, string> = { le: leDeployment.id };
    for (const [name, who] of [
      ['vs', vs],
      ['la', la],
      ['granted', granted],
      ['released', released],
      ['trusted', trusted],
    ] as const) {
      const deployment = await request(owner, who.team);
      await confirm(who, deployment);
      ids[name] = deployment.id;
    }
    const toDecline = await request(owner, declined.team);
    await s
      .post(declined.auth, `/operations/${plan.id}/deployments/${toDecline.id}/decline`, {
        version: toDecline.version,
        reason: SECRETS.declineReason[0],
      })
      .expect(200);
    await t
      .http()
      .delete(`/operations/${plan.id}/deployments/${ids.released}?version=${(await current(owner)).version}`)
      .set(owner.auth)
      .expect(200);
    await t
      .http()
      .put(`/operations/${plan.id}/sharing`)
      .set(owner.auth)
      .send({
        version: (await current(owner)).version,
        agencyId: granted.agency.id,
        sections: ['INTELLIGENCE'],
        reason: 'NCA runs the controllers as a target',
      })
      .expect(200);
    await t
      .http()
      .put(`/operations/${plan.id}/sharing`)
      .set(owner.auth)
      .send({
        version: (await current(owner)).version,
        agencyId: trusted.agency.id,
        sections: ['TEAMS', 'PROSECUTION'],
        reason: 'GLAA runs the labour case file',
      })
      .expect(200);

    // Prosecution: the request's note, and requirements for the owner's team and for the law-enforcement partner's.
    await s
      .post(owner.auth, `/operations/${plan.id}/cps-involvement`, { ...s.cpsRequest(await current(owner)), note: SECRETS.cpsNote[0] })
      .expect(200);
    await s.post(liaison.auth, `/operations/${plan.id}/cps-involvement/accept`, { version: (await current(owner)).version }).expect(200);
    for (const [description, team] of [
      [SECRETS.ownerEvidence[0], ownTeam],
      [SECRETS.partnerEvidence[0], le.team],
    ] as const) {
      const added = (
        await s
          .post(liaison.auth, `/operations/${plan.id}/evidence-requirements`, {
            offence: 'MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR',
            evidenceType: 'DOCUMENTS',
            description,
            priority: 'ESSENTIAL',
            version: (await current(owner)).version,
          })
          .expect(201)
      ).body;
      await s
        .post(owner.auth, `/operations/${plan.id}/evidence-requirements/${added.requirement.id}/assign`, {
          teamId: team.id,
          version: added.requirement.version,
        })
        .expect(200);
    }

    // Intelligence: a subject, and hits with another force's plan, at the same place and time and on the same phone, each acknowledged with a note.
    await s
      .post(owner.auth, `/operations/${plan.id}/subjects`, {
        kind: 'PHONE',
        phone: SECRETS.subjectPhone[0],
        version: (await current(owner)).version,
      })
      .expect(201);
    const other = await s.owner('POLICE');
    const theirs = await s.draft(other, {
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      locations: [{ label: 'Rear yard', address: '14 Ladypool Road', postcode }],
    });
    await s
      .post(other.auth, `/operations/${theirs.id}/subjects`, { kind: 'PHONE', phone: SECRETS.subjectPhone[0], version: theirs.version })
      .expect(201);
    // The place, then the phone with the place: two hits, the second listing both.
    const hits: { hitId: string; kinds: string[] }[] = (await s.get(owner.auth, `/operations/${plan.id}/conflicts`).expect(200)).body;
    for (const [phone, note] of [
      [false, SECRETS.acknowledgement[0]],
      [true, SECRETS.subjectHitNote[0]],
    ] as const) {
      const hit = hits.find((each) => each.kinds.includes('PHONE') === phone)!;
      await s
        .post(owner.auth, `/operations/${plan.id}/conflicts/${hit.hitId}/acknowledge`, { note, version: (await current(owner)).version })
        .expect(200);
    }

    const otherLiaison = await createUser(t.dataSource, liaison.agency, ['CPS_LIAISON']);
    const reader = (
      who: string,
      signed: { auth: Auth; user: { email: string } },
      mayRead: Secret[],
      seesPlan = true,
      deploymentId?: string,
    ): Reader => ({
      who,
      auth: signed.auth,
      email: signed.user.email,
      mayRead,
      seesPlan,
      deploymentId,
    });
    readers.push(
      reader('the owner', owner, ALL),
      reader('a law-enforcement partner', le, ['warrant', 'partnerTasking', 'partnerEvidence'], true, ids.le),
      reader('a victim-support partner', vs, [], true, ids.vs),
      reader('a local-authority partner', la, [], true, ids.la),
      reader(
        'a partner granted the Intelligence',
        granted,
        ['warrant', 'subjectPhone', 'acknowledgement', 'subjectHitNote', 'intelligenceRisk', 'information'],
        true,
        ids.granted,
      ),
      reader(
        'a partner granted the Teams and the Prosecution',
        trusted,
        ['warrant', 'partnerTasking', 'cpsNote', 'ownerEvidence', 'partnerEvidence'],
        true,
        ids.trusted,
      ),
      reader('a partner whose team was released', released, [], false, ids.released),
      reader('a partner that declined', declined, ['declineReason'], false, toDecline.id),
      reader(
        'a CPS liaison not engaged',
        { auth: { Authorization: `Bearer ${await login(t.http, otherLiaison)}` }, user: otherLiaison },
        [],
        false,
      ),
      reader('the engaged CPS liaison', liaison, ['cpsNote', 'ownerEvidence', 'partnerEvidence']),
    );
  }, 180_000);
  afterAll(() => t.close());

  /** Everything a reader can read that could hold the plan: each API route, page, download, export and their calendar feed. */
  async function everything(reader: Reader): Promise<{ where: string; status: number; text: string }[]> {
    const read: { where: string; status: number; text: string }[] = [];
    const api = async (path: string, accept = 'application/json') => {
      const response = await t.http().get(path).set(reader.auth).set('Accept', accept);
      read.push({ where: `GET ${path} (${accept})`, status: response.status, text: response.text });
    };
    const id = plan.id;
    for (const path of [
      `/operations/${id}`,
      '/operations?limit=100',
      `/operations/${id}/history`,
      `/operations/${id}/readiness`,
      `/operations/${id}/conflicts`,
      `/operations/${id}/subjects`,
      `/operations/${id}/evidence-requirements`,
      `/operations/${id}/eligible-agencies`,
      '/tasks',
      '/dashboard?months=12',
    ]) {
      await api(path);
    }
    await api(`/operations/${id}/briefing`, 'text/markdown');
    await api(`/operations/${id}/briefing`, 'text/html');
    const pdf = await t.http().get(`/operations/${id}/briefing.pdf`).set(reader.auth).buffer(true).parse(binary);
    read.push({
      where: 'the briefing PDF',
      status: pdf.status,
      text: pdf.status === 200 ? await pdfText(pdf.body as Buffer) : String(pdf.body),
    });
    const docx = await t.http().get(`/operations/${id}/briefing.docx`).set(reader.auth).buffer(true).parse(binary);
    read.push({
      where: 'the briefing in Word',
      status: docx.status,
      text: docx.status === 200 ? docxText(docx.body as Buffer) : String(docx.body),
    });
    if (reader.deploymentId) await api(`/operations/${id}/deployments/${reader.deploymentId}`);
    const feed = await t.http().post('/calendar/feed').set(reader.auth).send({});
    if (feed.status === 201) {
      const ics = await t.http().get(new URL(feed.body.url).pathname);
      // Long lines of a calendar are folded (RFC 5545): unfolded, a secret cannot hide across a fold.
      read.push({ where: 'the calendar feed', status: ics.status, text: ics.text.replace(/\r\n[ \t]/g, '') });
    }

    const session = await webSignIn(t.http, reader.email);
    const ref = plan.reference;
    const deployments: string[] = (await t.dataSource.query(`SELECT id FROM deployments WHERE operation_id = $1`, [id])).map(
      (row: { id: string }) => row.id,
    );
    const requirements: string[] = (await t.dataSource.query(`SELECT id FROM evidence_requirements WHERE operation_id = $1`, [id])).map(
      (row: { id: string }) => row.id,
    );
    const pages = [
      '/',
      '/plans',
      '/plans/export.csv',
      '/dashboard',
      '/dashboard/outcomes.csv',
      `/plans/${ref}`,
      ...SECTIONS.map((section) => `/plans/${ref}/${section.path}`),
      `/plans/${ref}/briefing/pack.md`,
      `/plans/${ref}/briefing/pack.html`,
      `/plans/${ref}/locations?change=0`,
      `/plans/${ref}/risks?change=1`,
      ...requirements.map((requirement) => `/plans/${ref}/evidence?change=${requirement}`),
      ...deployments.flatMap((deployment) => [`/plans/${ref}/teams/${deployment}`, `/plans/${ref}/teams/${deployment}/tasking`]),
    ];
    for (const path of pages) {
      const response = await t.http().get(path).set('Cookie', session.cookie);
      read.push({ where: `page ${path}`, status: response.status, text: response.text });
    }
    return read;
  }

  /** Text without its spaces and line breaks: a secret a document wrapped over two lines, or broke inside a narrow column, is still found. */
  const squash = (text: string) => text.replace(/[\s\u200b]+/g, '');
  /** Where a secret, in any of its forms, appears. */
  const whereSeen = (read: { where: string; text: string }[], secret: Secret) =>
    read
      .filter((each) =>
        SECRETS[secret].some(
          (form) =>
            each.text.includes(form) || each.text.includes(JSON.stringify(form).slice(1, -1)) || squash(each.text).includes(squash(form)),
        ),
      )
      .map((each) => each.where);

  for (const who of [
    'the owner',
    'a law-enforcement partner',
    'a victim-support partner',
    'a local-authority partner',
    'a partner granted the Intelligence',
    'a partner granted the Teams and the Prosecution',
    'a partner whose team was released',
    'a partner that declined',
    'a CPS liaison not engaged',
    'the engaged CPS liaison',
  ]) {
    it(`${who}: reads what it may, and nothing it may not, anywhere`, async () => {
      const reader = readers.find((each) => each.who === who)!;
      const read = await everything(reader);
      expect(read.filter((each) => each.status >= 500).map((each) => each.where)).toEqual([]);
      const leaks = ALL.filter((secret) => !reader.mayRead.includes(secret)).flatMap((secret) =>
        whereSeen(read, secret).map((where) => `${secret} at ${where}`),
      );
      expect(leaks).toEqual([]);
      const missing = reader.mayRead.filter((secret) => whereSeen(read, secret).length === 0);
      expect(missing).toEqual([]);
      const planRead = read.find((each) => each.where.startsWith(`GET /operations/${plan.id} `))!;
      const planPage = read.find((each) => each.where === `page /plans/${plan.reference}`)!;
      expect([planRead.status, planPage.status]).toEqual(reader.seesPlan ? [200, 200] : [404, 404]);
    });
  }

  it('holds on a plan with no lead yet: one partner reads nothing of another’s tasking or decline, in the plan or its history', async () => {
    const owner = await s.owner('POLICE');
    const draft = await s.draft(owner);
    const hmrc = await s.partner('HMRC', ['TAX_COMPLIANCE']);
    const sa = await s.partner('VICTIM_SUPPORT', ['VICTIM_RECEPTION']);
    const ie = await s.partner('IMMIGRATION_ENFORCEMENT', ['IMMIGRATION_CHECKS']);
    const secret = `Tasking ${unique()}: the payroll office`;
    const reason = `Decline ${unique()}: committed elsewhere`;
    let version = draft.version;
    const ask = async (team: { id: string }, tasking: string) => {
      const plan: Plan = (
        await s.post(owner.auth, `/operations/${draft.id}/deployments`, { teamId: team.id, headcount: 1, tasking, version }).expect(201)
      ).body;
      version = plan.version;
      return plan.deployments.find((d) => d.team.id === team.id)!;
    };
    const asked = await ask(hmrc.team, secret);
    await s.post(hmrc.auth, `/operations/${draft.id}/deployments/${asked.id}/confirm`, { version: asked.version }).expect(200);
    const declined = await ask(ie.team, 'In support');
    await s.post(ie.auth, `/operations/${draft.id}/deployments/${declined.id}/decline`, { version: declined.version, reason }).expect(200);
    await ask(sa.team, 'Reception');
    const plan = (await s.get(sa.auth, `/operations/${draft.id}`).expect(200)).body;
    expect(plan.leadAgency).toBeNull();
    for (const path of [`/operations/${draft.id}`, `/operations/${draft.id}/history`]) {
      for (const who of [sa, hmrc]) {
        const text = (await s.get(who.auth, path).expect(200)).text;
        expect([path, text.includes(reason)]).toEqual([path, false]);
        if (who === sa) expect([path, text.includes(secret)]).toEqual([path, false]);
      }
    }
    expect((await s.get(owner.auth, `/operations/${draft.id}/history`).expect(200)).text).toContain(reason);
  });

  it('keeps each released team’s tasking out of a partner’s history when the plan is cancelled', async () => {
    const owner = await s.owner('POLICE');
    const hmrc = await s.partner('HMRC', ['TAX_COMPLIANCE']);
    const sa = await s.partner('VICTIM_SUPPORT', ['VICTIM_RECEPTION']);
    const secret = `Tasking ${unique()}: seize the payroll ledger`;
    let draft = await s.draft(owner);
    for (const [who, tasking] of [
      [hmrc, secret],
      [sa, 'Reception'],
    ] as const) {
      draft = (
        await s
          .post(owner.auth, `/operations/${draft.id}/deployments`, { teamId: who.team.id, headcount: 1, tasking, version: draft.version })
          .expect(201)
      ).body;
      const asked = draft.deployments.find((d) => d.team.id === who.team.id)!;
      await s.post(who.auth, `/operations/${draft.id}/deployments/${asked.id}/confirm`, { version: asked.version }).expect(200);
    }
    const now = (await s.get(owner.auth, `/operations/${draft.id}`).expect(200)).body;
    await s.post(owner.auth, `/operations/${draft.id}/cancel`, { version: now.version, reason: 'Subjects left the country' }).expect(200);
    const cancel = (text: string) => JSON.parse(text).find((event: { action: string }) => event.action === 'operation.cancel');
    const theirs = cancel((await s.get(sa.auth, `/operations/${draft.id}/history`).expect(200)).text);
    expect(theirs.after.releasedTeams).toEqual(
      expect.arrayContaining([
        { team: hmrc.team.name, agency: hmrc.agency.code, status: 'CONFIRMED' },
        expect.objectContaining({ team: sa.team.name, tasking: 'Reception' }),
      ]),
    );
    expect(JSON.stringify(theirs)).not.toContain(secret);
    expect(JSON.stringify(cancel((await s.get(owner.auth, `/operations/${draft.id}/history`).expect(200)).text))).toContain(secret);
  });

  it('gives a creator that handed the lead on what any agency on the plan sees, unless the new owner shares more', async () => {
    const la = await s.owner('LOCAL_AUTHORITY', ['SAFEGUARDING']);
    const police = await s.owner('POLICE');
    const information = `Information ${unique()}: the landlord houses the workers`;
    let plan = await s.draft(la, { briefing: { information } });
    plan = (
      await t
        .http()
        .put(`/operations/${plan.id}/lead-agency`)
        .set(la.auth)
        .send({ agencyId: police.agency.id, version: plan.version })
        .expect(200)
    ).body;
    const phone = `07700 9${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`;
    await s.post(police.auth, `/operations/${plan.id}/subjects`, { kind: 'PHONE', phone, version: plan.version }).expect(201);
    const seen = (await s.get(la.auth, `/operations/${plan.id}`).expect(200)).body;
    expect(seen.sections).toEqual(['CORE', 'SAFEGUARDING']);
    expect(seen.briefing).not.toHaveProperty('information');
    expect(seen).not.toHaveProperty('locations');
    await s.get(la.auth, `/operations/${plan.id}/subjects`).expect(403);
    expect((await s.get(la.auth, `/operations/${plan.id}/history`).expect(200)).text).not.toContain(information);
    // The new owner may share the places with the creator, never the intelligence.
    const owned = (await s.get(police.auth, `/operations/${plan.id}`).expect(200)).body;
    await t
      .http()
      .put(`/operations/${plan.id}/sharing`)
      .set(police.auth)
      .send({ version: owned.version, agencyId: la.agency.id, sections: ['INTELLIGENCE'], reason: 'x' })
      .expect(422);
    await t
      .http()
      .put(`/operations/${plan.id}/sharing`)
      .set(police.auth)
      .send({ version: owned.version, agencyId: la.agency.id, sections: ['PLACES'], reason: 'They house the workers' })
      .expect(200);
    expect((await s.get(la.auth, `/operations/${plan.id}`).expect(200)).body.sections).toEqual(['CORE', 'PLACES', 'SAFEGUARDING']);
  });

  it('shows every CPS liaison an open request, note and all, and nothing of the evidence until one accepts it', async () => {
    const owner = await s.owner('POLICE');
    const liaison = await s.liaison();
    const note = `Request ${unique()}: advice on charging the gangmaster`;
    const plan = await s.draft(owner, { briefing: { information: `Information ${unique()}` } });
    await s.post(owner.auth, `/operations/${plan.id}/cps-involvement`, { ...s.cpsRequest(plan), note }).expect(200);
    const asked = (await s.get(liaison.auth, `/operations/${plan.id}`).expect(200)).body;
    expect(asked.sections).toEqual(['CORE', 'SAFEGUARDING']);
    expect(asked.cpsInvolvement).toMatchObject({ status: 'REQUESTED', requestNote: note });
    expect(asked.briefing).not.toHaveProperty('information');
    await s.get(liaison.auth, `/operations/${plan.id}/subjects`).expect(403);
    await s.post(liaison.auth, `/operations/${plan.id}/cps-involvement/accept`, { version: asked.version }).expect(200);
    expect((await s.get(liaison.auth, `/operations/${plan.id}`).expect(200)).body.sections).toEqual([
      'CORE',
      'SAFEGUARDING',
      'PROSECUTION',
    ]);
  });

  it('refuses a register sent back without saying which risks are derived from intelligence, so none is shown to every partner by mistake', async () => {
    const owner = await s.owner('POLICE');
    const risk = {
      hazard: 'OTHER',
      hazardDetail: `Risk ${unique()}: a blade`,
      likelihood: 3,
      impact: 4,
      controls: 'Armed support',
      residual: 'MEDIUM',
      owner: 'Insp Shah',
    };
    const plan = await s.draft(owner, { risks: [{ ...risk, intelligenceDerived: true }] });
    const refused = await s
      .patch(owner.auth, `/operations/${plan.id}`, { version: plan.version, name: 'Renamed', risks: [risk] })
      .expect(400);
    expect(refused.body.details.fields).toEqual([
      {
        field: 'risks.0.intelligenceDerived',
        problems: [
          'Say whether this risk is derived from intelligence: the register holds risks that are, and they are shown only to those who see the intelligence',
        ],
      },
    ]);
    const kept = (await s.get(owner.auth, `/operations/${plan.id}`).expect(200)).body;
    expect([kept.name, kept.risks[0].intelligenceDerived]).toEqual([plan.name, true]);
    await s
      .patch(owner.auth, `/operations/${plan.id}`, { version: plan.version, risks: [{ ...risk, intelligenceDerived: false }] })
      .expect(200);
  });
});
