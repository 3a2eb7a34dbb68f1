import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';

/** A team that no longer takes part in a plan: its agency declined, or the owner released it. */
export interface TeamWithdrawn {
  operationId: string;
  teamId: string;
  teamName: string;
}

export type TeamWithdrawnListener = (manager: EntityManager, viewer: AuthUser, withdrawn: TeamWithdrawn) => Promise<void>;

/** How modules built on deployments (CPS evidence) hear, in the same transaction, that a team left a plan. */
@Injectable()
export class DeploymentEvents {
  private readonly listeners: TeamWithdrawnListener[] = [];

  onTeamWithdrawn(listener: TeamWithdrawnListener): void {
    this.listeners.push(listener);
  }

  async teamWithdrawn(manager: EntityManager, viewer: AuthUser, withdrawn: TeamWithdrawn): Promise<void> {
    for (const listener of this.listeners) await listener(manager, viewer, withdrawn);
  }
}
