import { Injectable } from '@nestjs/common';
import { AuthUser } from '../common/auth/auth-user';
import type { OperationView } from '../operations/dto/plan-view.dto';
import { PlansService } from '../operations/plans.service';
import { cardsPrintable } from './cards';
import { DocumentRenderer } from './documents/document-renderer';

/** The premises cards of a plan the caller may see: a page for each address, as officers there are briefed. */
@Injectable()
export class CardsService {
  constructor(
    private readonly plans: PlansService,
    private readonly renderer: DocumentRenderer,
  ) {}

  /** The cards as an A4 PDF of a plan the viewer has just read (so as they may see it), rendered on a worker thread. */
  cardsPdf(plan: OperationView): Promise<Buffer> {
    return this.renderer.render({ format: 'pdf', printable: cardsPrintable(plan, new Date()) });
  }

  /** The cards' PDF of a plan by id, or 404 for a plan the viewer may not see. */
  async cardsPdfOf(viewer: AuthUser, id: string): Promise<Buffer> {
    return this.cardsPdf(await this.plans.get(viewer, id));
  }
}
