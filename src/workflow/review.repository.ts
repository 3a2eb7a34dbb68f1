import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { first, query } from '../database/query';
import { sql } from '../database/sql';

/** The reviews of plans: who decided what, against which version (R12). */
@Injectable()
export class ReviewRepository {
  /** Who has changed the plan's content since it was last approved (R12). */
  async contentEditors(manager: EntityManager, operationId: string): Promise<string[]> {
    return (
      (await first<{ editors: string[] }>(manager, sql`SELECT content_editors AS editors FROM operations WHERE id = ${operationId}`))
        ?.editors ?? []
    );
  }

  async record(
    manager: EntityManager,
    review: { operationId: string; decision: string; comment: string; reviewerId: string; versionReviewed: number },
  ): Promise<void> {
    await query(
      manager,
      sql`INSERT INTO reviews (operation_id, decision, comment, reviewer_id, version_reviewed)
          VALUES (${review.operationId}, ${review.decision}, ${review.comment}, ${review.reviewerId}, ${review.versionReviewed})`,
    );
  }
}
