import { Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { WebPage } from '../../common/auth/decorators';
import { UpdateOperationDto } from '../../operations/dto/operation.dto';
import { PlanEditingService } from '../../operations/plan-editing.service';
import { checkedBody } from '../form-errors';
import { inOrder } from '../order-form';
import { FieldError } from '../page';
import { PlanContext } from '../plan-context';
import { savePlanChange } from '../plan-change';
import { asPosted, formVersion, PlanPages } from '../plan-page';
import { WebExceptionFilter } from '../web-exception.filter';
import {
  changedCommand,
  COMMAND_ORDER,
  CommandForm,
  commandForm,
  commandOf,
  locationsWithSite,
  postedSite,
  SITE_FIELDS,
  SITE_ORDER,
  SiteForm,
  siteFormOf,
} from './command.form';
import { commandView } from './command.view';

/** The plan's command structure: Gold, Silver and the SIO, and the site commander of each location. */
@ApiExcludeController()
@WebPage()
@UseFilters(WebExceptionFilter)
@Controller('plans/:reference')
export class PlanCommandController {
  constructor(
    private readonly pages: PlanPages,
    private readonly editing: PlanEditingService,
  ) {}

  /** With `location`, the form for that location's site commander too. */
  @Get('command')
  command(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext() context: PlanContext,
    @Query('location') location?: string,
  ): FastifyReply {
    const values = commandOf(context.plan);
    return this.draw(reply, request, this.pages.editing(context, values), values, [], undefined, siteFormOf(context.plan, location));
  }

  /** One location's site commander, sent with the whole list of locations as it stands (R10); all four fields empty clears it. */
  @Post('command/site')
  async saveSite(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext() context: PlanContext,
  ): Promise<FastifyReply> {
    const site = postedSite(request.body);
    const redraw = (problems: FieldError[], now: PlanContext, conflict?: unknown) =>
      this.draw(reply, request, now, commandOf(now.plan), problems, conflict, site);
    const body = { version: formVersion(request), locations: locationsWithSite(context.plan, site) };
    const checked = await checkedBody(UpdateOperationDto, body, [], SITE_FIELDS, (ours, theirs) => inOrder(SITE_ORDER, ours, theirs));
    if (checked.errors) return redraw(checked.errors, asPosted(context, request));
    const save = () => this.editing.update(request.user!, context.plan.id, checked.input);
    return this.pages.change(request, reply, context, SITE_FIELDS, save, redraw, `/plans/${context.plan.reference}/command`);
  }

  /** The roles the person changed (R10): a role left wholly empty is cleared. */
  @Post('command')
  save(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const save = savePlanChange(this.editing, request, changedCommand, (ours, theirs) => inOrder(COMMAND_ORDER, ours, theirs));
    return this.pages.edit(
      request,
      reply,
      reference,
      commandForm(request.body),
      save,
      (errors, context, values, conflict) => this.draw(reply, request, context, values, inOrder(COMMAND_ORDER, errors), conflict),
      `/plans/${reference}/command`,
    );
  }

  private draw(
    reply: FastifyReply,
    request: AuthenticatedRequest,
    context: PlanContext,
    values: CommandForm,
    errors: FieldError[],
    conflict?: unknown,
    site: SiteForm | null = null,
  ): FastifyReply {
    const data = { values, site, ...commandView(context.plan, site?.location), errors, conflict };
    return this.pages.draw(reply, request, 'command/command.njk', 'Command', context, data, errors.length ? 400 : 200);
  }
}
