import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';

/** What changed about where or when a plan happens. */
export interface PlaceOrTimeChange {
  operationId: string;
  reference: string;
  owningAgencyId: string;
  /** The new window, when it moved. */
  moved?: { startsAt: Date; endsAt: Date };
  /** The set of places (address and postcode) changed, not only their labels or order. */
  placesChanged: boolean;
}

export type PlaceOrTimeListener = (manager: EntityManager, viewer: AuthUser, change: PlaceOrTimeChange) => Promise<void>;

/**
 * How the modules built on operations (deployments, deconfliction) take part in a change of a
 * plan's places or window without operations depending on them: each registers a listener,
 * run in the transaction that makes the change, in the order registered. A listener may refuse
 * the change by throwing (the transaction rolls back), or write to its own tables.
 */
@Injectable()
export class PlanEvents {
  private readonly listeners: PlaceOrTimeListener[] = [];

  onPlaceOrTimeChanged(listener: PlaceOrTimeListener): void {
    this.listeners.push(listener);
  }

  async placeOrTimeChanged(manager: EntityManager, viewer: AuthUser, change: PlaceOrTimeChange): Promise<void> {
    for (const listener of this.listeners) await listener(manager, viewer, change);
  }
}
