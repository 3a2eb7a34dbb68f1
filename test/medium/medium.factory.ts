import { INestApplicationContext, Type } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.setup';
import { AuthUser } from '../../src/common/auth/auth-user';
import type { AgencyKind, Capability, Role } from '../../src/common/domain';
import { ukDate } from '../../src/common/uk-time';
import { createValidationPipe } from '../../src/common/validation';
import { CpsService } from '../../src/cps/cps.service';
import { AssignEvidenceDto, CpsRequestDto, CreateEvidenceRequirementDto } from '../../src/cps/dto/cps.dto';
import { EvidenceService } from '../../src/cps/evidence.service';
import { DeploymentsService } from '../../src/deployments/deployments.service';
import { CreateDeploymentDto } from '../../src/deployments/dto/deployment.dto';
import { CreateOperationDto, SetLeadAgencyDto } from '../../src/operations/dto/operation.dto';
import { OperationView } from '../../src/operations/dto/plan-view.dto';
import { LeadAssignmentService } from '../../src/operations/lead-assignment.service';
import { PlanEditingService } from '../../src/operations/plan-editing.service';
import { PlansService } from '../../src/operations/plans.service';
import { AgenciesService } from '../../src/reference-data/agencies.service';
import { AgencyView, CreateAgencyDto } from '../../src/reference-data/dto/agency.dto';
import { CreateTeamDto, TeamView } from '../../src/reference-data/dto/team.dto';
import { CreateUserDto } from '../../src/reference-data/dto/user.dto';
import { TeamsService } from '../../src/reference-data/teams.service';
import { UsersService } from '../../src/reference-data/users.service';
import { createAgency, createUser, operationBody, TEST_PASSWORD, unique } from '../factories';
import { CapturingLogger, testConfig } from '../support/test-app';

/** A user the builders made: the caller the services take, and the agency they belong to. */
export type MediumUser = AuthUser & { agency: AgencyView };

/**
 * The medium tier: the app's services, as Nest wires them, on the real test database, with no
 * HTTP in between. Builders make what a test starts from through the same services (so their
 * rules hold for it too) and answer what the services answer. Each call makes new agencies and
 * users, so test files never share state. `useMedium()` starts the context before the file's
 * tests and closes it after them.
 */
export class MediumContext {
  private context?: INestApplicationContext;
  private rootAdmin?: Promise<AuthUser>;
  private liaisonUser?: Promise<AuthUser>;

  async start(): Promise<void> {
    // The whole app as production builds it (its HTTP adapter too, which some modules hook into), never listening.
    this.context = await createApp(testConfig(), new CapturingLogger());
  }

  async close(): Promise<void> {
    await this.context?.close();
  }

  /** A service (or any provider) as the app has it: never built by hand, so its constructor is the app's business. */
  get<T>(type: Type<T>): T {
    if (!this.context) throw new Error('The medium context is not started: call useMedium() at the top of the file');
    return this.context.get(type, { strict: false });
  }

  get dataSource(): DataSource {
    return this.get(DataSource);
  }

  /**
   * The admin every builder acts as. Someone must be the first admin: this one is written
   * straight to the database, as the demo seed or an operator would; everything else goes through the services.
   */
  admin(): Promise<AuthUser> {
    this.rootAdmin ??= createAgency(this.dataSource, { kind: 'POLICE' }).then(async (agency) => {
      const user = await createUser(this.dataSource, agency, ['ADMIN']);
      return { ...user, agencyCode: agency.code, agencyKind: agency.kind };
    });
    return this.rootAdmin;
  }

  /**
   * `body` as a controller receives it: checked and transformed by the app's own validation pipe
   * (text trimmed, postcodes normalised), or refused as the API refuses it (VALIDATION_FAILED).
   */
  input<T>(dto: Type<T>, body: object): Promise<T> {
    return createValidationPipe().transform(body, { type: 'body', metatype: dto });
  }

  async newAgency(kind: AgencyKind = 'POLICE'): Promise<AgencyView> {
    const code = unique('M');
    return this.get(AgenciesService).create(
      await this.admin(),
      await this.input(CreateAgencyDto, { code, name: `Medium agency ${code}`, kind }),
    );
  }

  /** A user of `agency` holding `roles`, as the caller the services take (AuthUser), with their agency to build on. */
  async newUser(agency: AgencyView, roles: Role[] = ['COORDINATOR']): Promise<MediumUser> {
    const email = `${unique('medium.').toLowerCase()}@test.local`;
    const input = await this.input(CreateUserDto, {
      email,
      name: `Medium user ${agency.code}`,
      agencyId: agency.id,
      roles,
      password: TEST_PASSWORD,
    });
    const user = await this.get(UsersService).create(await this.admin(), input);
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      roles: user.roles,
      agencyId: agency.id,
      agencyCode: agency.code,
      agencyKind: agency.kind,
      agency,
    };
  }

  async newTeam(agency: AgencyView, overrides: { capabilities?: Capability[]; capacity?: number } = {}): Promise<TeamView> {
    const input = await this.input(CreateTeamDto, {
      agencyId: agency.id,
      name: unique('Medium team '),
      capabilities: overrides.capabilities ?? ['ENTRY', 'SAFEGUARDING', 'INTERPRETING'],
      capacity: overrides.capacity ?? 10,
    });
    return this.get(TeamsService).create(await this.admin(), input);
  }

  /** A coordinator of a new agency of `kind`: the owner of the plans a test makes. */
  async newCoordinator(kind: AgencyKind = 'POLICE'): Promise<MediumUser> {
    return this.newUser(await this.newAgency(kind), ['COORDINATOR']);
  }

  /** A new DRAFT plan of `owner`'s agency, from a valid plan (a day of action a month from now) with `overrides` over it. */
  async newPlan(owner: AuthUser, overrides: Record<string, unknown> = {}): Promise<OperationView> {
    return this.get(PlanEditingService).create(owner, await this.input(CreateOperationDto, operationBody(overrides)));
  }

  /** One CPS liaison for the file, who accepts every request the builders make. */
  liaison(): Promise<AuthUser> {
    this.liaisonUser ??= this.newAgency('CPS').then((cps) => this.newUser(cps, ['CPS_LIAISON']));
    return this.liaisonUser;
  }

  /**
   * A new plan of `owner`'s that passes every blocking readiness check, ready to submit: its agency
   * leads, `team` (by default a new team of its own) is confirmed, the CPS is engaged and its one
   * essential evidence requirement is assigned to that team.
   */
  async newReadyPlan(owner: MediumUser, options: { team?: TeamView; overrides?: Record<string, unknown> } = {}): Promise<OperationView> {
    const team = options.team ?? (await this.newTeam(owner.agency));
    let plan = await this.newPlan(owner, options.overrides);
    plan = await this.get(LeadAssignmentService).setLead(
      owner,
      plan.id,
      await this.input(SetLeadAgencyDto, { agencyId: owner.agencyId, version: plan.version }),
    );
    plan = await this.newDeployment(owner, plan, team);
    const cps = this.get(CpsService);
    const request = await this.input(CpsRequestDto, {
      version: plan.version,
      note: 'Advice needed on charging the controllers',
      adviceNeededBy: adviceDay(plan),
    });
    plan = await cps.request(owner, plan.id, request);
    const liaison = await this.liaison();
    plan = await cps.accept(liaison, plan.id, plan.version);
    const evidence = this.get(EvidenceService);
    const { requirement } = await evidence.add(
      liaison,
      plan.id,
      await this.input(CreateEvidenceRequirementDto, {
        offence: 'MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR',
        evidenceType: 'VICTIM_ACCOUNT',
        description: 'Victim accounts',
        priority: 'ESSENTIAL',
        version: plan.version,
      }),
    );
    await evidence.assign(
      owner,
      plan.id,
      requirement.id,
      await this.input(AssignEvidenceDto, { teamId: team.id, version: requirement.version }),
    );
    return this.get(PlansService).get(owner, plan.id);
  }

  /** `team` asked for on `plan` by `who` (its owner): confirmed at once if the team is the owner's, requested of its agency otherwise (R7). */
  async newDeployment(
    who: AuthUser,
    plan: Pick<OperationView, 'id' | 'version'>,
    team: Pick<TeamView, 'id'>,
    overrides: object = {},
  ): Promise<OperationView> {
    const input = await this.input(CreateDeploymentDto, {
      teamId: team.id,
      headcount: 2,
      tasking: 'Entry and safeguarding',
      version: plan.version,
      ...overrides,
    });
    return this.get(DeploymentsService).request(who, plan.id, input);
  }
}

/** The day the CPS's advice is needed by: the day of action, or today once it has come. */
export function adviceDay(plan: Pick<OperationView, 'startsAt'>): string {
  const startDay = ukDate(new Date(plan.startsAt));
  const today = ukDate(new Date());
  return startDay > today ? startDay : today;
}

/** A medium context for this test file: started before its tests, closed after them. */
export function useMedium(): MediumContext {
  const ctx = new MediumContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.close());
  return ctx;
}
