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
  /** The postcodes the plan did not hold before the change (a location added, or its postcode changed). */
  newPostcodes: string[];
}

/** A subject of interest added to a plan (what it is stays with the subjects). */
export interface SubjectAdded {
  operationId: string;
  /** The keyed hashes the subject is matched by. */
  keys: Buffer[];
}

export type PlaceOrTimeListener = (manager: EntityManager, viewer: AuthUser, change: PlaceOrTimeChange) => Promise<void>;
export type SubjectAddedListener = (manager: EntityManager, viewer: AuthUser, added: SubjectAdded) => Promise<void>;

/**
 * How the modules built on operations (deployments, subjects, deconfliction) take part in a change
 * of a plan's places, window or subjects without depending on each other: each registers a
 * listener, run in the transaction that makes the change, in the order registered. A listener may
 * refuse the change by throwing (the transaction rolls back), or write to its own tables.
 */
@Injectable()
export class PlanEvents {
  private readonly placeOrTimeListeners: PlaceOrTimeListener[] = [];
  private readonly subjectListeners: SubjectAddedListener[] = [];

  onPlaceOrTimeChanged(listener: PlaceOrTimeListener): void {
    this.placeOrTimeListeners.push(listener);
  }

  onSubjectAdded(listener: SubjectAddedListener): void {
    this.subjectListeners.push(listener);
  }

  async placeOrTimeChanged(manager: EntityManager, viewer: AuthUser, change: PlaceOrTimeChange): Promise<void> {
    for (const listener of this.placeOrTimeListeners) await listener(manager, viewer, change);
  }

  async subjectAdded(manager: EntityManager, viewer: AuthUser, added: SubjectAdded): Promise<void> {
    for (const listener of this.subjectListeners) await listener(manager, viewer, added);
  }
}

/** The postcodes of `after` that `before` did not hold, each once. */
export function postcodesAdded(before: readonly { postcode: string }[], after: readonly { postcode: string }[]): string[] {
  const held = new Set(before.map((location) => location.postcode));
  return [...new Set(after.map((location) => location.postcode))].filter((postcode) => !held.has(postcode));
}
