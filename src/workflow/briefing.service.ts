import { Injectable } from '@nestjs/common';
import { AuthUser } from '../common/auth/auth-user';
import { PlansService } from '../operations/plans.service';
import { Block, briefingBlocks, toHtml, toMarkdown } from './briefing';

/** The IIMARCH briefing pack of a plan the caller may see. */
@Injectable()
export class BriefingService {
  constructor(private readonly plans: PlansService) {}

  /** The pack as blocks, for a page to draw in its own style. */
  async blocks(viewer: AuthUser, id: string): Promise<Block[]> {
    return briefingBlocks(await this.plans.get(viewer, id));
  }

  async briefing(viewer: AuthUser, id: string, format: 'markdown' | 'html'): Promise<string> {
    const blocks = briefingBlocks(await this.plans.get(viewer, id));
    return format === 'html' ? toHtml(blocks) : toMarkdown(blocks);
  }
}
