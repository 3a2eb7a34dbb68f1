import { Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { WebPage } from '../../common/auth/decorators';
import { PlanEditingService } from '../../operations/plan-editing.service';
import { inOrder } from '../order-form';
import { FieldError } from '../page';
import { PlanContext } from '../plan-context';
import { savePlanChange } from '../plan-change';
import { PlanPages } from '../plan-page';
import { WebExceptionFilter } from '../web-exception.filter';
import { changedCommand, COMMAND_ORDER, CommandForm, commandForm, commandOf } from './command.form';
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

  @Get('command')
  command(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @PlanContext() context: PlanContext): FastifyReply {
    const values = commandOf(context.plan);
    return this.draw(reply, request, this.pages.editing(context, values), values, []);
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
  ): FastifyReply {
    const data = { values, ...commandView(context.plan), errors, conflict };
    return this.pages.draw(reply, request, 'command/command.njk', 'Command', context, data, errors.length ? 400 : 200);
  }
}
