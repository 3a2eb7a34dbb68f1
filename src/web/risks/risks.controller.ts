import { Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { WebPage } from '../../common/auth/decorators';
import { DomainError } from '../../common/errors/domain-error';
import { UpdateOperationDto } from '../../operations/dto/operation.dto';
import type { OperationView } from '../../operations/dto/plan-view.dto';
import { PlanEditingService } from '../../operations/plan-editing.service';
import { validated } from '../form-errors';
import { formText } from '../forms';
import { inOrder } from '../order-form';
import { FieldError } from '../page';
import { PlanContext } from '../plan-context';
import { savePlanChange } from '../plan-change';
import { formVersion, PlanPages } from '../plan-page';
import { WebExceptionFilter } from '../web-exception.filter';
import {
  EMPTY,
  GONE,
  postedIndex,
  registerWith,
  registerWithout,
  RISK_FORM_ORDER,
  riskAt,
  riskFields,
  riskForm,
  RiskFormValues,
  riskIndex,
} from './risks.form';
import { removalPage, risksView } from './risks.view';

/** The risk register of a plan: each hazard, how likely and how bad, its controls, the residual rating and who owns and accepts it. */
@ApiExcludeController()
@WebPage()
@UseFilters(WebExceptionFilter)
@Controller('plans/:reference')
export class PlanRisksController {
  constructor(
    private readonly pages: PlanPages,
    private readonly editing: PlanEditingService,
  ) {}

  @Get('risks')
  risks(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext() context: PlanContext,
    @Query('change') change?: string,
  ): FastifyReply {
    const index = riskIndex(context.plan, change);
    const values = riskAt(index)(context.plan);
    return this.draw(reply, request, this.pages.editing(context, values), values, index, []);
  }

  /**
   * Adds, changes or removes one risk. The API replaces the whole register, so every other risk
   * goes back as stored, in its place: entries are addressed by their place in the register; and
   * of the one changed, only what the person changed (R10).
   */
  @Post('risks')
  async save(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('reference') reference: string,
  ): Promise<FastifyReply> {
    const remove = formText(request.body, 'remove');
    if (remove) return this.remove(request, reply, reference, remove);
    const index = postedIndex(request.body);
    return this.pages.edit(
      request,
      reply,
      reference,
      riskForm(request.body, index),
      savePlanChange(this.editing, request, (values: RiskFormValues, _mine, plan) => registerWith(plan, index, values)),
      (errors, context, values, conflict) => this.draw(reply, request, context, values, index, inOrder(RISK_FORM_ORDER, errors), conflict),
      `/plans/${reference}/risks`,
    );
  }

  /** Before a risk is removed: what removing it will do. */
  @Get('risks/:index/remove')
  removePage(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext() context: PlanContext,
    @Param('index') index: string,
  ): Promise<FastifyReply> {
    const at = riskIndex(context.plan, index);
    if (at === undefined) throw DomainError.notFound('Risk', index);
    const removeRisk = (plan: OperationView) =>
      validated(UpdateOperationDto, { version: plan.version, risks: registerWithout(plan, at) }).then((input) =>
        this.editing.update(request.user!, plan.id, input),
      );
    return this.pages.confirmPage(request, reply, context, removalPage(context.plan, at), removeRisk);
  }

  private async remove(request: AuthenticatedRequest, reply: FastifyReply, reference: string, indexText: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const index = riskIndex(context.plan, indexText);
    const redraw = (errors: FieldError[], now: PlanContext, conflict?: unknown) =>
      this.draw(reply, request, now, EMPTY, undefined, errors, conflict);
    if (index === undefined) return redraw([GONE], context);
    const risks = registerWithout(context.plan, index);
    const removeRisk = () =>
      validated(UpdateOperationDto, { version: formVersion(request), risks }).then((input) =>
        this.editing.update(request.user!, context.plan.id, input),
      );
    return this.pages.change(request, reply, context, riskFields(-1), removeRisk, redraw, `/plans/${reference}/risks`);
  }

  private draw(
    reply: FastifyReply,
    request: AuthenticatedRequest,
    context: PlanContext,
    values: RiskFormValues,
    index: number | undefined,
    errors: FieldError[],
    conflict?: unknown,
  ): FastifyReply {
    const data = { ...risksView(context.plan), values, index, errors, conflict, width: 'full' };
    return this.pages.draw(reply, request, 'risks/risks.njk', 'Risk assessment', context, data, errors.length ? 400 : 200);
  }
}
