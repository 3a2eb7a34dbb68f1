import type { AgencyKind, Capability } from '../../src/common/domain';
import { ukDate } from '../../src/common/uk-time';
import type { OperationView } from '../../src/operations/dto/plan-view.dto';
import type { TestApp } from '../support/test-app';
import { AgencyRow, createTeam, createUser, login, operationBody, signedIn, TeamRow } from './index';

export type Signed = Awaited<ReturnType<typeof signedIn>>;
export type Auth = { Authorization: string };
/** A plan as the API answers it. */
export type Plan = OperationView;
export type Stage = 'draft' | 'ready' | 'submitted' | 'approved' | 'active';

const HOUR = 3600_000;
const STAGES: Stage[] = ['draft', 'ready', 'submitted', 'approved', 'active'];

/** The owning side of a plan: an agency with a coordinator, a manager and a team that can enter, safeguard and interpret. */
export interface Owner extends Signed {
  manager: Auth;
  managerUser: { id: string; email: string; name: string };
  team: TeamRow;
}

/**
 * Builds the situations the end-to-end tests start from, through the API as a client would:
 * `plan(owner, { stage: 'approved' })` walks a new plan through lead, team, CPS, evidence,
 * submission, each partner's sign-off and approval. Each call makes its own agencies and users, so tests never share state.
 */
export class Scenario {
  private liaisonUser?: Promise<Signed>;
  private readonly partnerManagers = new Map<string, Promise<Auth>>();

  constructor(private readonly t: TestApp) {}

  post(who: Auth, path: string, body: Record<string, unknown>) {
    return this.t.http().post(path).set(who).send(body);
  }

  patch(who: Auth, path: string, body: Record<string, unknown>) {
    return this.t.http().patch(path).set(who).send(body);
  }

  get(who: Auth, path: string) {
    return this.t.http().get(path).set(who);
  }

  /** One CPS liaison for the whole file, who accepts every request the scenarios make. */
  liaison(): Promise<Signed> {
    this.liaisonUser ??= signedIn(this.t.dataSource, this.t.http, ['CPS_LIAISON'], 'CPS');
    return this.liaisonUser;
  }

  async owner(kind: AgencyKind = 'POLICE', capabilities: Capability[] = ['ENTRY', 'SAFEGUARDING', 'INTERPRETING']): Promise<Owner> {
    const coordinator = await signedIn(this.t.dataSource, this.t.http, ['COORDINATOR'], kind);
    const managerUser = await createUser(this.t.dataSource, coordinator.agency, ['MANAGER']);
    const manager = { Authorization: `Bearer ${await login(this.t.http, managerUser)}` };
    const team = await createTeam(this.t.dataSource, coordinator.agency, { capabilities });
    return { ...coordinator, manager, managerUser, team };
  }

  /** A coordinator of a new partner agency of `kind`, with a team of its own. */
  async partner(kind: AgencyKind = 'HMRC', capabilities: Capability[] = ['TAX_COMPLIANCE']): Promise<Signed & { team: TeamRow }> {
    const coordinator = await signedIn(this.t.dataSource, this.t.http, ['COORDINATOR'], kind);
    return { ...coordinator, team: await createTeam(this.t.dataSource, coordinator.agency, { capabilities }) };
  }

  /** A manager of `agency` (one per agency for the whole file, made when first asked for), signed in. */
  managerOf(agency: AgencyRow): Promise<Auth> {
    let manager = this.partnerManagers.get(agency.id);
    if (!manager) {
      manager = createUser(this.t.dataSource, agency, ['MANAGER']).then(async (user) => ({
        Authorization: `Bearer ${await login(this.t.http, user)}`,
      }));
      this.partnerManagers.set(agency.id, manager);
    }
    return manager;
  }

  /** A manager of each supporting agency with a confirmed team signs off its part of the submitted plan, as approval needs. */
  async signOffs(plan: Plan): Promise<Plan> {
    for (const signOff of plan.signOffs.filter((each) => each.state !== 'SIGNED_OFF')) {
      plan = (
        await this.post(await this.managerOf(signOff.agency), `/operations/${plan.id}/sign-off`, {
          decision: 'SIGNED_OFF',
          version: plan.version,
        }).expect(200)
      ).body;
    }
    return plan;
  }

  /** A CPS request as the owner makes it: what advice is needed, and by when (the day of action, or today once it has come). */
  cpsRequest(plan: { startsAt: string; version: number }) {
    const startDay = ukDate(new Date(plan.startsAt));
    const today = ukDate(new Date());
    return {
      version: plan.version,
      note: 'Advice needed on charging the controllers',
      adviceNeededBy: startDay > today ? startDay : today,
    };
  }

  /** A new DRAFT plan of `who`'s agency, from a valid body with `body` over it. */
  async draft(who: Signed, body: Record<string, unknown> = {}): Promise<Plan> {
    return (await this.post(who.auth, '/operations', operationBody(body)).expect(201)).body;
  }

  /**
   * A new plan of `owner`'s, taken to `stage`, with `team` (by default a new team of the owner's)
   * confirmed on it, and each of `partners`' teams requested and confirmed by its coordinator. An
   * active plan starts two hours from now unless told otherwise (starting is allowed from 24 hours
   * before the window opens).
   */
  async plan(
    owner: Owner,
    options: { stage?: Stage; body?: Record<string, unknown>; team?: TeamRow; partners?: (Signed & { team: TeamRow })[] } = {},
  ): Promise<Plan> {
    const stage = options.stage ?? 'draft';
    const reach = (target: Stage) => STAGES.indexOf(stage) >= STAGES.indexOf(target);
    const soon = reach('active')
      ? { startsAt: new Date(Date.now() + 2 * HOUR).toISOString(), endsAt: new Date(Date.now() + 12 * HOUR).toISOString() }
      : {};
    let plan = await this.draft(owner, { ...soon, ...options.body });
    if (!reach('ready')) return plan;
    const liaison = await this.liaison();
    // A team of its own, so that plans of one owner on the same day do not double-book it.
    const team = options.team ?? (await createTeam(this.t.dataSource, owner.agency, { capabilities: owner.team.capabilities }));
    plan = (
      await this.t
        .http()
        .put(`/operations/${plan.id}/lead-agency`)
        .set(owner.auth)
        .send({ agencyId: owner.agency.id, version: plan.version })
        .expect(200)
    ).body;
    plan = (
      await this.post(owner.auth, `/operations/${plan.id}/deployments`, {
        teamId: team.id,
        headcount: 2,
        tasking: 'Entry and safeguarding',
        version: plan.version,
      }).expect(201)
    ).body;
    plan = (await this.post(owner.auth, `/operations/${plan.id}/cps-involvement`, this.cpsRequest(plan)).expect(200)).body;
    plan = (await this.post(liaison.auth, `/operations/${plan.id}/cps-involvement/accept`, { version: plan.version }).expect(200)).body;
    const added = (
      await this.post(liaison.auth, `/operations/${plan.id}/evidence-requirements`, {
        offence: 'MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR',
        evidenceType: 'VICTIM_ACCOUNT',
        description: 'Victim accounts',
        priority: 'ESSENTIAL',
        version: plan.version,
      }).expect(201)
    ).body;
    await this.post(owner.auth, `/operations/${plan.id}/evidence-requirements/${added.requirement.id}/assign`, {
      teamId: team.id,
      version: added.requirement.version,
    }).expect(200);
    for (const partner of options.partners ?? []) {
      const version = (await this.get(owner.auth, `/operations/${plan.id}`).expect(200)).body.version;
      const requested: Plan = (
        await this.post(owner.auth, `/operations/${plan.id}/deployments`, {
          teamId: partner.team.id,
          headcount: 1,
          tasking: 'In support',
          version,
        }).expect(201)
      ).body;
      const deployment = requested.deployments.find((d) => d.team.id === partner.team.id && d.status === 'REQUESTED');
      await this.post(partner.auth, `/operations/${plan.id}/deployments/${deployment?.id}/confirm`, {
        version: deployment?.version,
      }).expect(200);
    }
    plan = (await this.get(owner.auth, `/operations/${plan.id}`).expect(200)).body;
    if (!reach('submitted')) return plan;
    plan = (await this.post(owner.auth, `/operations/${plan.id}/submit`, { version: plan.version }).expect(200)).body;
    if (!reach('approved')) return plan;
    plan = await this.signOffs(plan);
    plan = (
      await this.post(owner.manager, `/operations/${plan.id}/review`, {
        decision: 'APPROVE',
        comment: 'Proportionate; go.',
        version: plan.version,
      }).expect(200)
    ).body;
    if (!reach('active')) return plan;
    return (await this.post(owner.auth, `/operations/${plan.id}/start`, { version: plan.version }).expect(200)).body;
  }

  /**
   * The clock moves on: the plan's window (and the deployments that follow it) now opens at
   * `startsAt`, as if the day had come. Only a test does this, straight in the database.
   */
  async windowOpensAt(plan: { id: string }, startsAt: Date): Promise<void> {
    await this.t.dataSource.query(
      `WITH moved AS (
         UPDATE operations SET starts_at = $2::timestamptz, ends_at = $2::timestamptz + (ends_at - starts_at) WHERE id = $1 RETURNING starts_at, ends_at)
       UPDATE deployments d SET starts_at = moved.starts_at, ends_at = moved.ends_at FROM moved
        WHERE d.operation_id = $1 AND d.follows_operation_window`,
      [plan.id, startsAt],
    );
  }

  /**
   * The day has come and the plan was started, through the moves its people make: a coordinator of
   * the owning agency makes it ready where it is not (lead, a confirmed team, the CPS engaged, an
   * evidence requirement assigned, every deconfliction hit acknowledged) and submits it, each partner
   * signs off, a manager of the agency approves and the coordinator starts it. Only the clock is moved
   * in the database: a window already open is moved ahead for the submission and back before the
   * start, and a window more than a day off opens within the hour, as if the day had come. Answers
   * the started plan: its version has moved with each of those steps.
   */
  async dayStarted(plan: { id: string }): Promise<Plan> {
    const [{ agencyId, startsAt }] = await this.t.dataSource.query(
      `SELECT COALESCE(lead_agency_id, created_by_agency_id) AS "agencyId", starts_at AS "startsAt" FROM operations WHERE id = $1`,
      [plan.id],
    );
    const [agency]: AgencyRow[] = await this.t.dataSource.query(`SELECT id, code, name, kind FROM agencies WHERE id = $1`, [agencyId]);
    const owner = { Authorization: `Bearer ${await login(this.t.http, await createUser(this.t.dataSource, agency, ['COORDINATOR']))}` };
    const opened = new Date(startsAt).getTime() <= Date.now();
    if (opened) await this.windowOpensAt(plan, new Date(Date.now() + HOUR));
    let current = await this.readied(owner, agency, plan.id);
    current = (await this.post(owner, `/operations/${plan.id}/submit`, { version: current.version }).expect(200)).body;
    current = await this.signOffs(current);
    current = (
      await this.post(await this.managerOf(agency), `/operations/${plan.id}/review`, {
        decision: 'APPROVE',
        comment: 'Proportionate; go.',
        version: current.version,
      }).expect(200)
    ).body;
    if (opened) await this.windowOpensAt(plan, new Date(startsAt));
    else if (new Date(startsAt).getTime() > Date.now() + 23 * HOUR) await this.windowOpensAt(plan, new Date(Date.now() + HOUR));
    return (await this.post(owner, `/operations/${plan.id}/start`, { version: current.version }).expect(200)).body;
  }

  /** The plan made ready to submit by its owner (and the CPS liaison), fixing only the blocking checks that fail. */
  private async readied(owner: Auth, agency: AgencyRow, id: string): Promise<Plan> {
    const failing = async () => {
      const { checks } = (await this.get(owner, `/operations/${id}/readiness`).expect(200)).body as {
        checks: { id: string; ok: boolean; blocking: boolean }[];
      };
      return checks.filter((check) => check.blocking && !check.ok).map((check) => check.id);
    };
    const read = async (): Promise<Plan> => (await this.get(owner, `/operations/${id}`).expect(200)).body;
    const todo = await failing();
    let plan = await read();
    if (todo.includes('lead-agency')) {
      plan = (
        await this.t.http().put(`/operations/${id}/lead-agency`).set(owner).send({ agencyId: agency.id, version: plan.version }).expect(200)
      ).body;
    }
    if (todo.includes('confirmed-deployment') || todo.includes('safeguarding')) {
      const team = await createTeam(this.t.dataSource, agency, { capabilities: ['ENTRY', 'SAFEGUARDING'] });
      plan = (
        await this.post(owner, `/operations/${id}/deployments`, {
          teamId: team.id,
          headcount: 2,
          tasking: 'Entry and safeguarding',
          version: plan.version,
        }).expect(201)
      ).body;
    }
    const liaison = await this.liaison();
    if (todo.includes('cps-engaged')) {
      if (plan.cpsInvolvement?.status !== 'REQUESTED')
        plan = (await this.post(owner, `/operations/${id}/cps-involvement`, this.cpsRequest(plan)).expect(200)).body;
      plan = (await this.post(liaison.auth, `/operations/${id}/cps-involvement/accept`, { version: plan.version }).expect(200)).body;
    }
    if (todo.includes('evidence-requirements')) {
      const added = (
        await this.post(liaison.auth, `/operations/${id}/evidence-requirements`, {
          offence: 'MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR',
          evidenceType: 'VICTIM_ACCOUNT',
          description: 'Victim accounts',
          priority: 'ESSENTIAL',
          version: plan.version,
        }).expect(201)
      ).body;
      const team = plan.deployments.find((deployment) => deployment.status === 'CONFIRMED')?.team;
      await this.post(owner, `/operations/${id}/evidence-requirements/${added.requirement.id}/assign`, {
        teamId: team?.id,
        version: added.requirement.version,
      }).expect(200);
    }
    if (todo.includes('deconfliction')) {
      const hits = (await this.get(owner, `/operations/${id}/conflicts`).expect(200)).body as {
        hitId: string;
        stands: boolean;
        acknowledgement: unknown;
      }[];
      for (const hit of hits.filter((each) => each.stands && !each.acknowledgement)) {
        await this.post(owner, `/operations/${id}/conflicts/${hit.hitId}/acknowledge`, {
          version: (await read()).version,
          note: 'Spoke to their lead; no clash on the day',
        }).expect(200);
      }
    }
    const left = await failing();
    if (left.length) throw new Error(`dayStarted cannot make the plan ready by itself; still failing: ${left.join(', ')}`);
    return read();
  }
}
