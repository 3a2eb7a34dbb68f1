import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CpsInvolvementView } from '../cps/dto/cps.dto';
import { evidenceViews } from '../cps/evidence-views';
import { AuthUser } from '../common/auth/auth-user';
import { AGENCY_KINDS, BRIEFING_SECTIONS, ExploitationType, Scope } from '../common/domain';
import { definedFields } from '../common/defined';
import { DomainError } from '../common/errors/domain-error';
import { validationError } from '../common/validation';
import { pgErrorCode } from '../database/pg-errors';
import { SqlParams } from '../database/sql-params';
import { prepared } from '../database/prepared';
import { together } from '../database/together';
import { inTransaction } from '../database/transaction';
import { doubleBookingError } from '../deployments/double-booking';
import { mayLead, maySupport } from '../lead-policy/policy';
import { PolicyService } from '../lead-policy/policy.service';
import { Agency } from '../reference-data/agency.entity';
import { toAgencyView } from '../reference-data/agencies.service';
import { AgencyView } from '../reference-data/dto/agency.dto';
import {
  CreateOperationDto,
  DeploymentView,
  EligibleAgenciesView,
  LocationDto,
  OperationPage,
  OperationQueryDto,
  OperationSummaryView,
  OperationView,
  SetLeadAgencyDto,
  UpdateOperationDto,
} from './dto/operation.dto';
import { OperationAccess } from './operation-access';
import { OPERATION_COLUMNS, OperationRow } from './operation-row';
import { decodeCursor, encodeCursor } from './cursor';
import { mayEditPlan, newestVisible, owningAgencyId, visibleTo } from './visibility';
import { windowProblems } from './window';

const DEFAULT_PAGE = 20;

const agencyJson = (alias: string) =>
  `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object('id', ${alias}.id, 'code', ${alias}.code, 'name', ${alias}.name, 'kind', ${alias}.kind) END`;
const personJson = (alias: string) => `json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'email', ${alias}.email)`;

type DeploymentRow = Omit<DeploymentView, 'startsAt' | 'endsAt' | 'requestedAt' | 'respondedAt' | 'releasedAt'> & {
  startsAt: Date;
  endsAt: Date;
  requestedAt: Date;
  respondedAt: Date | null;
  releasedAt: Date | null;
};

type SummaryRow = OperationRow & { leadAgency: AgencyView | null; cursorAt: string };
type DetailRow = SummaryRow & {
  cpsInvolvement: CpsInvolvementView | null;
  approvedByPerson: { id: string; name: string; email: string } | null;
  createdByAgency: AgencyView;
  createdByPerson: { id: string; name: string; email: string };
  updatedByPerson: { id: string; name: string; email: string };
};

function toSummary(row: SummaryRow): OperationSummaryView {
  return {
    id: row.id,
    reference: row.reference,
    name: row.name,
    status: row.status,
    exploitationTypes: row.exploitationTypes,
    scope: row.scope,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    leadAgency: row.leadAgency,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Where a plan happens, whatever the locations are called or their order: a change here is material to partners. */
function places(locations: LocationDto[]): string {
  return JSON.stringify(locations.map((l) => `${l.postcode}|${l.address.toLowerCase()}`).sort());
}

/** What an audit event records of the plan's editable fields. */
function snapshot(row: OperationRow, locations: LocationDto[]) {
  return {
    name: row.name,
    exploitationTypes: row.exploitationTypes,
    scope: row.scope,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    leadAgencyId: row.leadAgencyId,
    briefing: row.briefing,
    locations,
    safeguarding: {
      expectedPotentialVictims: row.expectedPotentialVictims,
      languages: row.safeguardingLanguages,
      receptionCentre: row.receptionCentre,
    },
  };
}

/** Runs inside the transaction that changed where or when a plan happens (deconfliction listens). */
export type PlaceOrTimeListener = (manager: EntityManager, viewer: AuthUser, operationId: string) => Promise<void>;

@Injectable()
export class OperationsService {
  private readonly placeOrTimeListeners: PlaceOrTimeListener[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: OperationAccess,
    private readonly audit: AuditService,
    private readonly policy: PolicyService,
  ) {}

  /**
   * Modules built on this one (deconfliction) learn here of every change of a plan's places or
   * window, in its transaction: they may refuse it by throwing, or record what it caused.
   */
  onPlaceOrTimeChanged(listener: PlaceOrTimeListener): void {
    this.placeOrTimeListeners.push(listener);
  }

  private async placeOrTimeChanged(manager: EntityManager, viewer: AuthUser, operationId: string): Promise<void> {
    for (const listener of this.placeOrTimeListeners) await listener(manager, viewer, operationId);
  }

  async create(viewer: AuthUser, input: CreateOperationDto): Promise<OperationView> {
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    this.assertWindow(startsAt, endsAt);
    const id = await inTransaction(this.dataSource, async (manager) => {
      const reference = await this.nextReference(manager);
      const p = new SqlParams();
      const values = [
        reference,
        input.name,
        input.exploitationTypes,
        input.scope,
        startsAt,
        endsAt,
        JSON.stringify(input.briefing ?? {}),
        input.safeguarding?.expectedPotentialVictims ?? 0,
        input.safeguarding?.languages ?? [],
        input.safeguarding?.receptionCentre ?? null,
        viewer.id,
        viewer.agencyId,
        viewer.id,
      ].map((value) => p.add(value));
      const [row]: OperationRow[] = await manager.query(
        `INSERT INTO operations AS o (reference, name, exploitation_types, scope, starts_at, ends_at, briefing,
           expected_potential_victims, safeguarding_languages, reception_centre, created_by, created_by_agency_id, updated_by)
         VALUES (${values.join(', ')}) RETURNING ${OPERATION_COLUMNS}`,
        p.values,
      );
      const locations = input.locations ?? [];
      await this.replaceLocations(manager, row.id, locations);
      await this.audit.append(manager, { operationId: row.id, action: 'operation.created', actor: viewer, before: null, after: snapshot(row, locations) });
      if (locations.length) await this.placeOrTimeChanged(manager, viewer, row.id);
      return row.id;
    });
    return this.get(viewer, id);
  }

  async list(viewer: AuthUser, query: OperationQueryDto): Promise<OperationPage> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const p = new SqlParams();
    const filters: string[] = [];
    if (query.status) filters.push(`o.status = ${p.add(query.status)}`);
    if (query.from) filters.push(`o.ends_at >= ${p.add(query.from)}`);
    if (query.to) filters.push(`o.starts_at <= ${p.add(query.to)}`);
    if (query.q) {
      const pattern = p.add(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      filters.push(`(o.name ILIKE ${pattern} OR o.reference ILIKE ${pattern})`);
    }
    const before = query.cursor ? decodeCursor(query.cursor) : undefined;
    const candidates = newestVisible(viewer, p, { filters, before, limit: limit + 1 });
    const rows: SummaryRow[] = await this.dataSource.query(
      `WITH page AS (SELECT id FROM (${candidates}) c ORDER BY created_at DESC, id DESC LIMIT ${p.add(limit + 1)})
       SELECT ${OPERATION_COLUMNS}, o.created_at::text AS "cursorAt", ${agencyJson('la')} AS "leadAgency"
         FROM page JOIN operations o ON o.id = page.id LEFT JOIN agencies la ON la.id = o.lead_agency_id
        WHERE ${visibleTo(viewer, p)}
        ORDER BY o.created_at DESC, o.id DESC`,
      p.values,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toSummary),
      nextCursor: rows.length > limit && last ? encodeCursor({ at: last.cursorAt, id: last.id }) : null,
    };
  }

  /** The whole plan, in a query for the operation and one per list it holds. */
  async get(viewer: AuthUser, id: string, manager: EntityManager = this.dataSource.manager): Promise<OperationView> {
    const p = new SqlParams();
    const idParam = p.add(id);
    const [row]: DetailRow[] = await manager.query(
      prepared(`SELECT ${OPERATION_COLUMNS}, o.created_at::text AS "cursorAt",
              ${agencyJson('la')} AS "leadAgency", ${agencyJson('ca')} AS "createdByAgency",
              ${personJson('cu')} AS "createdByPerson", ${personJson('uu')} AS "updatedByPerson",
              CASE WHEN c.operation_id IS NULL THEN NULL ELSE json_build_object(
                'status', c.status, 'requestedAt', c.requested_at, 'requestNote', c.request_note, 'adviceNeededBy', c.advice_needed_by,
                'engagedAt', c.engaged_at, 'liaison', CASE WHEN lu.id IS NULL THEN NULL ELSE ${personJson('lu')} END,
                'leadTimeDays', floor(extract(epoch FROM (o.starts_at - c.engaged_at)) / 86400)::int,
                'declineReason', c.decline_reason, 'declinedAt', c.declined_at,
                'declinedBy', CASE WHEN du.id IS NULL THEN NULL ELSE ${personJson('du')} END,
                'closedAt', c.closed_at) END AS "cpsInvolvement",
              CASE WHEN au.id IS NULL THEN NULL ELSE ${personJson('au')} END AS "approvedByPerson"
         FROM operations o
         LEFT JOIN agencies la ON la.id = o.lead_agency_id
         JOIN agencies ca ON ca.id = o.created_by_agency_id
         JOIN users cu ON cu.id = o.created_by
         JOIN users uu ON uu.id = o.updated_by
         LEFT JOIN cps_involvements c ON c.operation_id = o.id
         LEFT JOIN users lu ON lu.id = c.liaison_id
         LEFT JOIN users du ON du.id = c.declined_by
         LEFT JOIN users au ON au.id = o.approved_by
        WHERE o.id = ${idParam} AND ${visibleTo(viewer, p)}`),
      p.values,
    );
    if (!row) throw DomainError.notFound('Operation', id);
    const [locations, deployments, evidenceRequirements] = await together(manager, [
      () => this.locations(manager, id),
      () => this.deployments(manager, { operationId: id }),
      () => evidenceViews(manager, { operationId: id }),
    ] as const);
    return {
      ...toSummary(row),
      owningAgency: row.leadAgency ?? row.createdByAgency,
      briefing: Object.fromEntries(BRIEFING_SECTIONS.map((section) => [section, row.briefing[section] ?? ''])) as OperationView['briefing'],
      locations,
      safeguarding: {
        expectedPotentialVictims: row.expectedPotentialVictims,
        languages: row.safeguardingLanguages,
        receptionCentre: row.receptionCentre,
      },
      deployments,
      cpsInvolvement: row.cpsInvolvement && {
        ...row.cpsInvolvement,
        requestedAt: new Date(row.cpsInvolvement.requestedAt).toISOString(),
        engagedAt: row.cpsInvolvement.engagedAt && new Date(row.cpsInvolvement.engagedAt).toISOString(),
        declinedAt: row.cpsInvolvement.declinedAt && new Date(row.cpsInvolvement.declinedAt).toISOString(),
        closedAt: row.cpsInvolvement.closedAt && new Date(row.cpsInvolvement.closedAt).toISOString(),
      },
      evidenceRequirements,
      approval: row.approvedByPerson && row.approvedAt ? { by: row.approvedByPerson, at: row.approvedAt.toISOString() } : null,
      outcomes: row.outcomes as OperationView['outcomes'],
      cancelReason: row.cancelReason,
      createdBy: row.createdByPerson,
      createdByAgency: row.createdByAgency,
      updatedBy: row.updatedByPerson,
      updatedAt: row.updatedAt.toISOString(),
      canEdit: mayEditPlan(viewer, row),
    };
  }

  /** Just enough of a visible operation to answer for it: 404 when the viewer may not see it. */
  async summary(viewer: AuthUser, id: string): Promise<{ id: string; reference: string; version: number }> {
    const p = new SqlParams();
    const [row] = await this.dataSource.query(
      prepared(`SELECT o.id, o.reference, o.version FROM operations o WHERE o.id = ${p.add(id)} AND ${visibleTo(viewer, p)}`),
      p.values,
    );
    if (!row) throw DomainError.notFound('Operation', id);
    return row;
  }

  async update(viewer: AuthUser, id: string, input: UpdateOperationDto): Promise<OperationView> {
    let moved: { startsAt: Date; endsAt: Date } | undefined;
    try {
      await inTransaction(this.dataSource, async (manager) => {
        const row = await this.access.lockForEdit(manager, viewer, id, input.version);
        const changes: Record<string, unknown> = {};
        const before: Record<string, unknown> = {};
        const after: Record<string, unknown> = {};
        const change = (field: string, column: string, from: unknown, to: unknown, stored: unknown = to) => {
          if (JSON.stringify(from) === JSON.stringify(to)) return;
          changes[column] = stored;
          before[field] = from;
          after[field] = to;
        };

        if (input.name !== undefined) change('name', 'name', row.name, input.name);
        if (input.exploitationTypes !== undefined) change('exploitationTypes', 'exploitation_types', row.exploitationTypes, input.exploitationTypes);
        if (input.scope !== undefined) change('scope', 'scope', row.scope, input.scope);
        const startsAt = input.startsAt ? new Date(input.startsAt) : row.startsAt;
        const endsAt = input.endsAt ? new Date(input.endsAt) : row.endsAt;
        if (input.startsAt || input.endsAt) {
          this.assertWindow(startsAt, endsAt);
          change('startsAt', 'starts_at', row.startsAt.toISOString(), startsAt.toISOString(), startsAt);
          change('endsAt', 'ends_at', row.endsAt.toISOString(), endsAt.toISOString(), endsAt);
        }
        if (input.briefing) {
          const briefing = { ...row.briefing, ...definedFields(input.briefing) };
          change('briefing', 'briefing', row.briefing, briefing, JSON.stringify(briefing));
        }
        if (input.safeguarding) {
          const { expectedPotentialVictims, languages, receptionCentre } = input.safeguarding;
          if (expectedPotentialVictims !== undefined) change('expectedPotentialVictims', 'expected_potential_victims', row.expectedPotentialVictims, expectedPotentialVictims);
          if (languages !== undefined) change('languages', 'safeguarding_languages', row.safeguardingLanguages, languages);
          if (receptionCentre !== undefined) change('receptionCentre', 'reception_centre', row.receptionCentre, receptionCentre);
        }
        let locationsChanged = false;
        let placesChanged = false;
        if (input.locations) {
          const current = await this.locations(manager, id);
          if (JSON.stringify(current) !== JSON.stringify(input.locations)) {
            locationsChanged = true;
            placesChanged = places(current) !== places(input.locations);
            before.locations = current;
            after.locations = input.locations;
          }
        }
        if (Object.keys(changes).length === 0 && !locationsChanged) return;

        if (row.leadAgencyId && ('exploitation_types' in changes || 'scope' in changes)) {
          await this.assertLeadStillPermitted(manager, row.leadAgencyId, {
            exploitationTypes: (changes.exploitation_types as ExploitationType[]) ?? row.exploitationTypes,
            scope: (changes.scope as Scope) ?? row.scope,
          });
        }
        if ('starts_at' in changes || 'ends_at' in changes) {
          moved = { startsAt, endsAt };
          await this.moveDeployments(manager, id, moved);
        }
        await this.access.updatePlan(manager, viewer, row, changes);
        if (locationsChanged && input.locations) await this.replaceLocations(manager, id, input.locations);
        await this.audit.append(manager, { operationId: id, action: 'operation.updated', actor: viewer, before, after });
        if (moved || placesChanged) {
          await this.askPartnersAgain(manager, viewer, row, moved && placesChanged ? 'the window and the places changed' : moved ? 'the window moved' : 'the places changed');
          await this.placeOrTimeChanged(manager, viewer, id);
        }
      });
    } catch (error) {
      if (pgErrorCode(error) === '23P01' && moved) {
        const teams: { teamId: string }[] = await this.dataSource.query(
          `SELECT team_id AS "teamId" FROM deployments WHERE operation_id = $1 AND follows_operation_window AND status IN ('REQUESTED', 'CONFIRMED')`,
          [id],
        );
        throw await doubleBookingError(this.dataSource.manager, viewer, { teamIds: teams.map((team) => team.teamId), operationId: id, ...moved });
      }
      throw error;
    }
    return this.get(viewer, id);
  }

  /**
   * Deployments that follow the operation's window move with it, under the same
   * exclusion constraint (R5); one with a window of its own must still fit inside.
   */
  private async moveDeployments(manager: EntityManager, operationId: string, window: { startsAt: Date; endsAt: Date }): Promise<void> {
    const outside: { name: string }[] = await manager.query(
      `SELECT t.name FROM deployments d JOIN teams t ON t.id = d.team_id
        WHERE d.operation_id = $1 AND NOT d.follows_operation_window AND d.status IN ('REQUESTED', 'CONFIRMED')
          AND (d.starts_at < $2 OR d.ends_at > $3)`,
      [operationId, window.startsAt, window.endsAt],
    );
    if (outside.length) {
      throw validationError([
        {
          field: 'endsAt',
          problems: [`the deployments of ${outside.map((team) => team.name).join(', ')} would fall outside the new window; change or release them first`],
        },
      ]);
    }
    await manager.query(
      `UPDATE deployments SET starts_at = $2, ends_at = $3
        WHERE operation_id = $1 AND follows_operation_window AND status IN ('REQUESTED', 'CONFIRMED')`,
      [operationId, window.startsAt, window.endsAt],
    );
  }

  /**
   * A partner confirmed a team for a day at a place; when the window or the places change, it
   * is asked again. The owning agency's own teams stay confirmed (R7).
   */
  private async askPartnersAgain(manager: EntityManager, viewer: AuthUser, row: OperationRow, reason: string): Promise<void> {
    const [asked]: [{ deploymentId: string; team: string; agency: string }[], number] = await manager.query(
      `UPDATE deployments d SET status = 'REQUESTED', responded_by = NULL, responded_at = NULL, version = d.version + 1
         FROM teams t, agencies a
        WHERE t.id = d.team_id AND a.id = d.team_agency_id
          AND d.operation_id = $1 AND d.status = 'CONFIRMED' AND d.team_agency_id <> $2
        RETURNING d.id AS "deploymentId", t.name AS team, a.code AS agency`,
      [row.id, owningAgencyId(row)],
    );
    if (asked.length === 0) return;
    await this.audit.append(manager, {
      operationId: row.id,
      action: 'deployment.asked-again',
      actor: viewer,
      before: { status: 'CONFIRMED', deployments: asked },
      after: { status: 'REQUESTED', reason: `${reason}, so each partner is asked to confirm again` },
    });
  }

  /** R1, R3, R4: the lead is one column, set only to an agency the policy lets lead this operation. */
  async setLead(viewer: AuthUser, id: string, input: SetLeadAgencyDto): Promise<OperationView> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.access.lockForEdit(manager, viewer, id, input.version);
      if (row.leadAgencyId === input.agencyId) return;
      let agency: Agency | null = null;
      if (input.agencyId) {
        agency = await manager.getRepository(Agency).findOneBy({ id: input.agencyId });
        if (!agency) throw DomainError.notFound('Agency', input.agencyId);
        const verdict = mayLead(agency.kind, row, await this.policy.rules(manager));
        if (!verdict.permitted) {
          throw new DomainError('LEAD_NOT_PERMITTED', verdict.reason, { rule: verdict.rule, agency: agency.code });
        }
      }
      const previous = row.leadAgencyId ? await manager.getRepository(Agency).findOneBy({ id: row.leadAgencyId }) : null;
      await this.access.updatePlan(manager, viewer, row, { lead_agency_id: input.agencyId });
      await this.audit.append(manager, {
        operationId: id,
        action: 'operation.lead-changed',
        actor: viewer,
        before: { leadAgency: previous ? previous.code : null },
        after: { leadAgency: agency ? agency.code : null },
      });
    });
    return this.get(viewer, id);
  }

  /** The agencies the current policy lets lead, and support, this operation. */
  async eligibleAgencies(viewer: AuthUser, id: string): Promise<EligibleAgenciesView> {
    const operation = await this.get(viewer, id);
    const [agencies, rules] = await Promise.all([
      this.dataSource.getRepository(Agency).find({ order: { code: 'ASC' } }),
      this.policy.rules(),
    ]);
    const kindOrder = (agency: Agency) => AGENCY_KINDS.indexOf(agency.kind);
    const sorted = agencies.sort((a, b) => kindOrder(a) - kindOrder(b) || a.code.localeCompare(b.code));
    return {
      lead: sorted.filter((agency) => mayLead(agency.kind, operation, rules).permitted).map(toAgencyView),
      support: sorted.filter((agency) => maySupport(agency.kind, operation, rules).permitted).map(toAgencyView),
    };
  }

  private async assertLeadStillPermitted(
    manager: EntityManager,
    leadAgencyId: string,
    facts: { exploitationTypes: ExploitationType[]; scope: Scope },
  ): Promise<void> {
    const lead = await manager.getRepository(Agency).findOneByOrFail({ id: leadAgencyId });
    const verdict = mayLead(lead.kind, facts, await this.policy.rules(manager));
    if (!verdict.permitted) {
      throw new DomainError('LEAD_NOT_PERMITTED', `${verdict.reason}; the lead is ${lead.code}, so change the lead first`, {
        rule: verdict.rule,
        agency: lead.code,
      });
    }
  }

  private assertWindow(startsAt: Date, endsAt: Date): void {
    const problems = windowProblems(startsAt, endsAt);
    if (problems.length) throw validationError([{ field: 'endsAt', problems }]);
  }

  /** OP-<year>-<number>: a counter row per year, incremented under its row lock, so concurrent creations never collide. */
  private async nextReference(manager: EntityManager): Promise<string> {
    const year = new Date().getUTCFullYear();
    const [{ number }] = await manager.query(
      `INSERT INTO operation_reference_counters (year, last_number) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_number = operation_reference_counters.last_number + 1
       RETURNING last_number AS number`,
      [year],
    );
    return `OP-${year}-${String(number).padStart(4, '0')}`;
  }

  /** One deployment as the plan shows it (for partners, who may lose sight of the plan by declining). */
  async deployment(deploymentId: string): Promise<DeploymentView> {
    const [deployment] = await this.deployments(this.dataSource.manager, { deploymentId });
    return deployment;
  }

  private async deployments(manager: EntityManager, of: { operationId: string } | { deploymentId: string }): Promise<DeploymentView[]> {
    const rows = await manager.query(
      prepared(`SELECT d.id, d.version, json_build_object('id', t.id, 'name', t.name, 'capabilities', t.capabilities, 'capacity', t.capacity) AS team,
              ${agencyJson('a')} AS agency, d.headcount, d.tasking, d.starts_at AS "startsAt", d.ends_at AS "endsAt",
              d.follows_operation_window AS "followsOperationWindow", d.status, ${personJson('rq')} AS "requestedBy",
              d.requested_at AS "requestedAt",
              CASE WHEN rs.id IS NULL THEN NULL ELSE ${personJson('rs')} END AS "respondedBy",
              d.responded_at AS "respondedAt", d.decline_reason AS "declineReason", d.released_at AS "releasedAt",
              d.release_reason AS "releaseReason",
              CASE WHEN d.status IN ('REQUESTED', 'CONFIRMED') THEN (
                SELECT min(x.status) /* CONFIRMED sorts before REQUESTED */ FROM deployments x
                 WHERE x.team_id = d.team_id AND x.operation_id <> d.operation_id AND x.status IN ('REQUESTED', 'CONFIRMED')
                   AND tstzrange(x.starts_at, x.ends_at, '[)') && tstzrange(d.starts_at, d.ends_at, '[)')) END AS "bookedElsewhere"
         FROM deployments d
         JOIN teams t ON t.id = d.team_id
         JOIN agencies a ON a.id = d.team_agency_id
         JOIN users rq ON rq.id = d.requested_by
         LEFT JOIN users rs ON rs.id = d.responded_by
        WHERE ${'operationId' in of ? 'd.operation_id' : 'd.id'} = $1
        ORDER BY d.requested_at, d.id`),
      ['operationId' in of ? of.operationId : of.deploymentId],
    );
    return rows.map((row: DeploymentRow) => ({
      ...row,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      requestedAt: row.requestedAt.toISOString(),
      respondedAt: row.respondedAt?.toISOString() ?? null,
      releasedAt: row.releasedAt?.toISOString() ?? null,
    }));
  }

  private locations(manager: EntityManager, operationId: string): Promise<LocationDto[]> {
    return manager.query(
      prepared(`SELECT label, address, postcode FROM operation_locations WHERE operation_id = $1 ORDER BY position`),
      [operationId],
    );
  }

  private async replaceLocations(manager: EntityManager, operationId: string, locations: LocationDto[]): Promise<void> {
    await manager.query(`DELETE FROM operation_locations WHERE operation_id = $1`, [operationId]);
    if (locations.length === 0) return;
    await manager.query(
      `INSERT INTO operation_locations (operation_id, position, label, address, postcode)
       SELECT $1, position, label, address, postcode
         FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS l(label, address, postcode, position)`,
      [operationId, locations.map((l) => l.label), locations.map((l) => l.address), locations.map((l) => l.postcode)],
    );
  }
}
