import { Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { WebPage } from '../../common/auth/decorators';
import { SharingDto } from '../../operations/dto/sharing.dto';
import { SharingService } from '../../operations/sharing.service';
import { validated } from '../form-errors';
import { FieldError } from '../page';
import { PlanContext } from '../plan-context';
import { PlanPages } from '../plan-page';
import { WebExceptionFilter } from '../web-exception.filter';
import { sharingForm, SharingTyped } from './sharing.form';
import { sharingView } from './sharing.view';

/** R14b: the plan's owner chooses, agency by agency, which sections each partner sees beyond its default. */
@ApiExcludeController()
@WebPage()
@UseFilters(WebExceptionFilter)
@Controller('plans/:reference')
export class PlanSharingController {
  constructor(
    private readonly pages: PlanPages,
    private readonly sharing: SharingService,
  ) {}

  @Get('sharing')
  page(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext() context: PlanContext,
    @Query('saved') saved?: string,
  ): FastifyReply {
    return this.draw(reply, request, context, {}, [], undefined, saved);
  }

  @Post('sharing')
  save(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @PlanContext() context: PlanContext): Promise<FastifyReply> {
    const { agencyId, typed, fields, body } = sharingForm(request);
    const share = () => validated(SharingDto, body).then((input) => this.sharing.share(request.user!, context.plan.id, input));
    const redraw = (errors: FieldError[], now: PlanContext, conflict?: unknown) => this.draw(reply, request, now, typed, errors, conflict);
    return this.pages.change(
      request,
      reply,
      context,
      fields,
      share,
      redraw,
      `/plans/${context.plan.reference}/sharing?saved=${encodeURIComponent(agencyId)}`,
    );
  }

  private draw(
    reply: FastifyReply,
    request: AuthenticatedRequest,
    context: PlanContext,
    typed: SharingTyped,
    errors: FieldError[],
    conflict?: unknown,
    saved?: string,
  ): FastifyReply {
    const view = sharingView(context.plan, typed, saved);
    return this.pages.draw(
      reply,
      request,
      'sharing/sharing.njk',
      'Sharing with partner agencies',
      context,
      { ...view, errors, conflict, width: 'full' },
      errors.length ? 400 : 200,
    );
  }
}
