import { Injectable } from '@nestjs/common';
import { AuthUser } from '../common/auth/auth-user';
import { PlansService } from '../operations/plans.service';
import { briefingBlocks, toHtml, toMarkdown } from './briefing';

/** The IIMARCH briefing pack of a plan the caller may see. */
@Injectable()
export class BriefingService {
  constructor(private readonly plans: PlansService) {}

  async briefing(viewer: AuthUser, id: string, format: 'markdown' | 'html'): Promise<string> {
    const plan = await this.plans.get(viewer, id);
    const blocks = briefingBlocks(plan);
    return format === 'html' ? toHtml(blocks, plan.marking) : toMarkdown(blocks);
  }
}
