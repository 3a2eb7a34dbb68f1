import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { counted } from '../common/labels';
import { validationError } from '../common/validation';
import { PlaceOrTimeChange, PlanEvents } from '../operations/plan-events';
import { TeamsService } from '../reference-data/teams.service';
import { DeploymentRepository } from './deployment.repository';
import { DeploymentsService } from './deployments.service';

/**
 * What deployments do when the rest of the system changes under them: they follow their plan's
 * window (under R5), partners are asked again when the window or the places change, and a team's
 * capacity cannot drop below what it is booked for.
 */
@Injectable()
export class PlanFollowers implements OnModuleInit {
  constructor(
    private readonly planEvents: PlanEvents,
    private readonly teams: TeamsService,
    private readonly deployments: DeploymentsService,
    private readonly audit: AuditService,
    private readonly deploymentRecords: DeploymentRepository,
  ) {}

  onModuleInit(): void {
    this.planEvents.onPlaceOrTimeChanged((manager, viewer, change) => this.follow(manager, viewer, change));
    this.teams.guardCapacity((manager, caller, team, capacity) => this.assertCapacity(manager, caller, team, capacity));
  }

  private async follow(manager: EntityManager, viewer: AuthUser, change: PlaceOrTimeChange): Promise<void> {
    if (change.moved) await this.move(manager, viewer, change.operationId, change.moved);
    const reason =
      change.moved && change.placesChanged ? 'the window and the places changed' : change.moved ? 'the window moved' : 'the places changed';
    await this.askPartnersAgain(manager, viewer, change, reason);
  }

  /** Deployments that follow the operation's window move with it, under R5; one with a window of its own must still fit inside. */
  private async move(
    manager: EntityManager,
    viewer: AuthUser,
    operationId: string,
    window: { startsAt: Date; endsAt: Date },
  ): Promise<void> {
    const outside = await this.deploymentRecords.outside(manager, operationId, window);
    if (outside.length) {
      throw validationError([
        {
          field: 'endsAt',
          problems: [`the deployments of ${outside.join(', ')} would fall outside the new window; change or release them first`],
        },
      ]);
    }
    const following = await this.deploymentRecords.followingTeams(manager, operationId);
    await this.deployments.booking(manager, viewer, { teamIds: following, operationId, ...window }, () =>
      this.deploymentRecords.moveFollowing(manager, operationId, window),
    );
  }

  /** A partner confirmed a team for a day at a place; when the window or the places change, it is asked again (R7). */
  private async askPartnersAgain(manager: EntityManager, viewer: AuthUser, change: PlaceOrTimeChange, reason: string): Promise<void> {
    const asked = await this.deploymentRecords.askAgain(manager, change.operationId, change.owningAgencyId);
    if (asked.length === 0) return;
    await this.audit.append(manager, {
      operationId: change.operationId,
      action: 'deployment.asked-again',
      actor: viewer,
      before: { status: 'CONFIRMED', deployments: asked },
      after: { status: 'REQUESTED', reason: `${reason}, so each partner is asked to confirm again` },
    });
  }

  /** R6 kept when a team shrinks: refused while a confirmed deployment needs more officers, naming those the caller may see. */
  private async assertCapacity(
    manager: EntityManager,
    caller: AuthUser,
    team: { id: string; name: string },
    capacity: number,
  ): Promise<void> {
    const over = await this.deploymentRecords.overCapacity(manager, caller, team.id, capacity);
    if (over.length === 0) return;
    const visible = over.filter((booking) => booking.visible);
    const named = visible.map((booking) => `${booking.reference} (${booking.headcount})`);
    const hidden = over.length - visible.length;
    const where = [...named, ...(hidden ? [`${hidden} other operation${hidden === 1 ? '' : 's'}`] : [])].join(', ');
    throw new DomainError(
      'CAPACITY_EXCEEDED',
      `${team.name} is confirmed with more than ${counted(capacity, 'officer')} on ${where}; reduce those deployments first`,
      {
        capacity,
        deployments: visible.map((booking) => ({ operation: booking.reference, headcount: booking.headcount })),
        hiddenDeployments: hidden,
      },
    );
  }
}
