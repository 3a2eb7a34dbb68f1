import { Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { WebPage } from '../../common/auth/decorators';
import { CancelDto, CompleteDto } from '../../workflow/dto/workflow.dto';
import { LifecycleService } from '../../workflow/lifecycle.service';
import { ReadinessService } from '../../workflow/readiness.service';
import { FieldMap, validated } from '../form-errors';
import { formText } from '../forms';
import { FieldError } from '../page';
import { formVersion, PlanContext, PlanPages } from '../plan-page';
import { readinessItems } from '../plan-sections';
import { WebExceptionFilter } from '../web-exception.filter';

const OUTCOMES = ['arrests', 'potentialVictimsSafeguarded', 'nrmReferrals', 'premisesVisited'] as const;
const OUTCOME_FIELDS: FieldMap = { id: (field) => field.replace(/^outcomes\./, '').replace(/^version$/, '') };
const CANCEL_FIELDS: FieldMap = { id: (field) => (field === 'reason' ? 'reason' : '') };

/** The owner withdraws a plan from review, starts the day of action, completes it with its outcomes, or cancels the plan; each after a page that says what will happen. */
@ApiExcludeController()
@WebPage()
@UseFilters(WebExceptionFilter)
@Controller('plans/:reference')
export class PlanLifecycleController {
  constructor(
    private readonly pages: PlanPages,
    private readonly lifecycle: LifecycleService,
    private readonly readiness: ReadinessService,
  ) {}

  @Get('start')
  async startPage(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    return this.drawStart(reply, request, await this.pages.load(request, reference), []);
  }

  @Post('start')
  async start(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    return this.pages.change(request, reply, context, { id: () => '' }, () => this.lifecycle.start(request.user!, context.plan.id, formVersion(request)), (errors, now, conflict) =>
      this.drawStart(reply, request, now, errors, conflict),
      `/plans/${reference}?started`,
    );
  }

  private async drawStart(reply: FastifyReply, request: AuthenticatedRequest, context: PlanContext, errors: FieldError[], conflict?: unknown): Promise<FastifyReply> {
    const readiness = await this.readiness.readinessOf(context.plan, undefined, 'start');
    return this.pages.draw(reply, request, 'start.njk', 'Start the day of action', context, { readiness, readinessItems: readinessItems(context.plan.reference, readiness), errors, conflict }, errors.length ? 400 : 200);
  }

  @Get('withdraw')
  async withdrawPage(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    return this.drawWithdraw(reply, request, await this.pages.load(request, reference), []);
  }

  @Post('withdraw')
  async withdraw(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    return this.pages.change(request, reply, context, { id: () => '' }, () => this.lifecycle.withdraw(request.user!, context.plan.id, formVersion(request)), (errors, now, conflict) =>
      this.drawWithdraw(reply, request, now, errors, conflict),
      `/plans/${reference}?withdrawn`,
    );
  }

  private drawWithdraw(reply: FastifyReply, request: AuthenticatedRequest, context: PlanContext, errors: FieldError[], conflict?: unknown): FastifyReply {
    return this.pages.draw(reply, request, 'withdraw.njk', 'Withdraw the plan from review', context, { errors, conflict }, errors.length ? 400 : 200);
  }

  @Get('complete')
  async completePage(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    return this.drawComplete(reply, request, await this.pages.load(request, reference), {}, []);
  }

  @Post('complete')
  async complete(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const values: Record<string, string> = Object.fromEntries([...OUTCOMES, 'notes'].map((field) => [field, formText(request.body, field).trim()]));
    const outcomes = Object.fromEntries(OUTCOMES.map((field) => [field, /^\d{1,6}$/.test(values[field]) ? Number(values[field]) : values[field]]));
    const complete = () =>
      validated(CompleteDto, { version: formVersion(request), outcomes: { ...outcomes, ...(values.notes ? { notes: values.notes } : {}) } }).then((input) =>
        this.lifecycle.complete(request.user!, context.plan.id, input),
      );
    return this.pages.change(request, reply, context, OUTCOME_FIELDS, complete, (problems, now, conflict) =>
      this.drawComplete(reply, request, now, values, problems, conflict),
      `/plans/${reference}?completed`,
    );
  }

  private drawComplete(reply: FastifyReply, request: AuthenticatedRequest, context: PlanContext, values: Record<string, string>, errors: FieldError[], conflict?: unknown): FastifyReply {
    return this.pages.draw(reply, request, 'complete.njk', 'Complete the day of action', context, { values, errors, conflict }, errors.length ? 400 : 200);
  }

  @Get('cancel')
  async cancelPage(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    return this.drawCancel(reply, request, await this.pages.load(request, reference), '', []);
  }

  @Post('cancel')
  async cancel(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const reason = formText(request.body, 'reason');
    return this.pages.change(request, reply, context, CANCEL_FIELDS, () => validated(CancelDto, { version: formVersion(request), reason }).then((input) => this.lifecycle.cancel(request.user!, context.plan.id, input.version, input.reason)), (errors, now, conflict) =>
      this.drawCancel(reply, request, now, reason, errors, conflict),
      `/plans/${reference}?cancelled`,
    );
  }

  private drawCancel(reply: FastifyReply, request: AuthenticatedRequest, context: PlanContext, reason: string, errors: FieldError[], conflict?: unknown): FastifyReply {
    const released = context.plan.deployments.filter((deployment) => deployment.status === 'REQUESTED' || deployment.status === 'CONFIRMED');
    return this.pages.draw(reply, request, 'cancel.njk', 'Cancel the plan', context, { released, reason, errors, conflict }, errors.length ? 400 : 200);
  }
}
