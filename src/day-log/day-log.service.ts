import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser, hasRole } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { validationError } from '../common/validation';
import { inTransaction } from '../database/transaction';
import { PlansService } from '../operations/plans.service';
import { CorrectedEntry, DayLogRepository, NewLogEntry } from './day-log.repository';
import { DaySummary, daySummary, loggedOutcomes } from './day-summary';
import { DaySummaryView } from './dto/day-summary.dto';
import { DayLogView, LogEntryView, PostLogEntryDto } from './dto/day-log.dto';
import { inOrder } from './premises-moves';
import { LogStanding, logRefusal } from './rights';

/** The fields each kind of entry keeps, as posted (the rest of the body is ignored). */
const DETAILS: Record<PostLogEntryDto['kind'], (keyof PostLogEntryDto)[]> = {
  STATUS: ['note'],
  DECISION: ['decision', 'rationale', 'decidedBy', 'considered'],
  COUNT: ['count', 'number', 'offence', 'offenceOther', 'ageGroup', 'seized', 'note'],
  MESSAGE: ['exactLocation', 'incidentType', 'hazards', 'access', 'casualties', 'services'],
};

/**
 * The day's log (issue 29): what happened on the day, recorded as it happens by the agencies on the plan.
 * Who writes what (the table is in rights.ts, which the day's page offers its forms by):
 * - coordinators and managers of the plan's owner (its command) write every kind of entry, at any place;
 * - those of an agency with a confirmed team write messages, and the status and counts of the places their
 *   teams are allocated to (or counts with no place);
 * - decisions are the command's; a CPS liaison and anyone else on the plan only read.
 * The database keeps the log append-only and open only while the plan is under way and 72 hours after.
 */
@Injectable()
export class DayLogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: PlansService,
    private readonly log: DayLogRepository,
  ) {}

  /** The plan's log as the viewer may see it; entries recorded after `afterId` when given (a stream resuming). */
  async list(viewer: AuthUser, operationId: string, afterId?: string): Promise<DayLogView> {
    await this.plans.section(viewer, operationId, 'CORE');
    return { entries: await this.entries(viewer, operationId, afterId) };
  }

  /** Entries of a plan the viewer has been shown to see, after `afterId`: for the stream, without reading the plan again. */
  entries(
    viewer: AuthUser,
    operationId: string,
    afterId?: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<LogEntryView[]> {
    return this.log.list(manager, viewer, operationId, afterId);
  }

  /**
   * Where the viewer stands on a plan they have been shown to see, for writing its log (rights.ts), and whether the
   * log is open: what the day's page offers its forms by.
   */
  async standing(
    viewer: AuthUser,
    operationId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<LogStanding & { open: boolean }> {
    const plan = await this.log.standing(manager, viewer, operationId);
    return { ...plan, writes: hasRole(viewer, 'COORDINATOR', 'MANAGER') };
  }

  /** Appends the entry; answers it as the poster sees it. */
  async post(viewer: AuthUser, operationId: string, input: PostLogEntryDto): Promise<LogEntryView> {
    await this.plans.section(viewer, operationId, 'CORE');
    const happenedAt = input.happenedAt ? new Date(input.happenedAt) : new Date();
    const id = await inTransaction(this.dataSource, async (manager) => {
      const locationId = input.locationId ?? null;
      const standing = await this.standing(viewer, operationId, manager);
      const refusal = logRefusal(input.kind, standing, locationId);
      if (refusal) throw DomainError.forbidden(refusal);
      await this.log.lockPlan(manager, operationId);
      if (input.kind === 'STATUS') await this.checkMove(manager, operationId, locationId!, input);
      const corrected = input.correctsId ? await this.correctable(manager, viewer, standing, operationId, input, locationId) : undefined;
      const entry: NewLogEntry = {
        operationId,
        kind: input.kind,
        // A correction of a decision from intelligence is as secret as the decision it corrects.
        section: (input.kind === 'DECISION' && input.intelligence) || corrected?.section === 'INTELLIGENCE' ? 'INTELLIGENCE' : 'CORE',
        locationId,
        status: input.kind === 'STATUS' ? input.status! : null,
        happenedAt,
        authorId: viewer.id,
        authorAgencyId: viewer.agencyId,
        correctsId: input.correctsId ?? null,
        details: Object.fromEntries(
          DETAILS[input.kind].flatMap((field) => (input[field] === undefined || input[field] === '' ? [] : [[field, input[field]]])),
        ),
      };
      return this.log.insert(manager, entry);
    });
    const [written] = await this.log.list(this.dataSource.manager, viewer, operationId, String(BigInt(id) - 1n));
    return written;
  }

  /**
   * The entry a correction names, when it may correct it: an entry of this plan's log of the same kind and at the same
   * place, recorded by the writer's own agency unless the writer is the plan's command.
   */
  private async correctable(
    manager: EntityManager,
    viewer: AuthUser,
    standing: LogStanding,
    operationId: string,
    input: PostLogEntryDto,
    locationId: string | null,
  ): Promise<CorrectedEntry> {
    const corrected = await this.log.corrected(manager, operationId, input.correctsId!);
    const refuse = (problem: string) => validationError([{ field: 'correctsId', problems: [problem] }]);
    if (!corrected) throw refuse('Choose an entry of this plan’s log to correct');
    if (corrected.kind !== input.kind || corrected.locationId !== locationId) {
      throw refuse('A correction is of the same kind as the entry it corrects, and at the same premises');
    }
    if (!standing.holds && corrected.authorAgencyId !== viewer.agencyId) {
      throw DomainError.forbidden('Only the plan’s command corrects what another agency recorded');
    }
    return corrected;
  }

  private async checkMove(manager: EntityManager, operationId: string, locationId: string, input: PostLogEntryDto): Promise<void> {
    const from = await this.log.lockedStatus(manager, operationId, locationId);
    if (from === undefined) {
      throw validationError([{ field: 'locationId', problems: ['Choose one of this plan’s locations'] }]);
    }
    if (!inOrder(from, input.status!) && !input.note) {
      throw validationError([
        { field: 'note', problems: ['Say why the premises’ status moves out of its order: a note is needed for a step skipped or back'] },
      ]);
    }
  }

  /**
   * The day as the viewer's view of its log tells it, for a plan the viewer has been shown to see: totals, the
   * timeline of each of `locations`, the premises entered and the decision log.
   */
  async summary(
    viewer: AuthUser,
    operationId: string,
    locations: { id: string; label: string }[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DaySummary> {
    return daySummary(await this.entries(viewer, operationId, undefined, manager), locations);
  }

  /** The day as the viewer's view of the log tells it, with the outcomes to complete the plan with as the log counted them. */
  async summaryOf(viewer: AuthUser, operationId: string): Promise<DaySummaryView> {
    const plan = await this.plans.get(viewer, operationId);
    const summary = await this.summary(viewer, operationId, plan.locations ?? []);
    return { ...summary, outcomes: loggedOutcomes(summary) };
  }
}
