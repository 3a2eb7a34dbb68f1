import { Injectable } from '@nestjs/common';
import { AuthUser } from '../common/auth/auth-user';
import { DayLogService } from '../day-log/day-log.service';
import type { DaySummary } from '../day-log/day-summary';
import type { OperationView } from '../operations/dto/plan-view.dto';
import { PlansService } from '../operations/plans.service';
import type { SubjectView } from '../subjects/dto/subject.dto';
import { SubjectsService } from '../subjects/subjects.service';
import { briefingBlocks, planFrame, toHtml, toMarkdown } from './briefing';
import { DocumentRenderer } from './documents/document-renderer';
import type { RenderTask } from './documents/documents.worker';
import type { Block } from './documents/printable';

/** The IIMARCH briefing pack of a plan the caller may see, as a page, Markdown, HTML, PDF or Word. */
@Injectable()
export class BriefingService {
  constructor(
    private readonly plans: PlansService,
    private readonly subjects: SubjectsService,
    private readonly renderer: DocumentRenderer,
    private readonly log: DayLogService,
  ) {}

  async briefing(viewer: AuthUser, id: string, format: 'markdown' | 'html'): Promise<string> {
    const plan = await this.plans.get(viewer, id);
    const blocks = await this.blocks(viewer, plan);
    return format === 'html' ? toHtml(blocks, plan.marking) : toMarkdown(blocks);
  }

  /**
   * The briefing's blocks for a plan the viewer has just read, with the subjects of interest if they see its Intelligence,
   * and the day as it happened once the day is over.
   */
  async blocks(viewer: AuthUser, plan: OperationView): Promise<Block[]> {
    return briefingBlocks(plan, await this.subjectsFor(viewer, plan), await this.dayOf(viewer, plan));
  }

  /** The briefing as an A4 PDF of a plan the viewer has just read. */
  pdf(viewer: AuthUser, plan: OperationView): Promise<Buffer> {
    return this.document(viewer, plan, 'pdf');
  }

  /** The PDF of a plan by id, or 404 for a plan the viewer may not see. */
  async pdfOf(viewer: AuthUser, id: string): Promise<Buffer> {
    return this.document(viewer, await this.plans.get(viewer, id), 'pdf');
  }

  /** The briefing as an A4 Word document of a plan the viewer has just read. */
  docx(viewer: AuthUser, plan: OperationView): Promise<Buffer> {
    return this.document(viewer, plan, 'docx');
  }

  /** The Word document of a plan by id, or 404 for a plan the viewer may not see. */
  async docxOf(viewer: AuthUser, id: string): Promise<Buffer> {
    return this.document(viewer, await this.plans.get(viewer, id), 'docx');
  }

  /** The briefing printed as the viewer may see it, rendered on a worker thread. */
  private async document(viewer: AuthUser, plan: OperationView, format: RenderTask['format']): Promise<Buffer> {
    const printable = { frame: planFrame(plan, new Date(), 'briefing pack'), pages: [await this.blocks(viewer, plan)] };
    return this.renderer.render({ format, printable });
  }

  /** The day's log as the viewer may see it, summed up, for a day of action completed or stood down; none before. */
  private async dayOf(viewer: AuthUser, plan: OperationView): Promise<DaySummary | null> {
    if (plan.status !== 'COMPLETED' && plan.status !== 'STOOD_DOWN') return null;
    return this.log.summary(viewer, plan.id, plan.locations ?? []);
  }

  /** The plan's subjects of interest, not even asked for when the reader does not see its Intelligence. */
  private async subjectsFor(viewer: AuthUser, plan: OperationView): Promise<SubjectView[]> {
    return plan.sections.includes('INTELLIGENCE') ? this.subjects.subjectsOf(viewer, plan) : [];
  }
}
