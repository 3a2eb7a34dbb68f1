import { Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { WebPage } from '../../common/auth/decorators';
import { SignOffDto } from '../../workflow/dto/sign-off.dto';
import { SignOffService } from '../../workflow/sign-off.service';
import { validated } from '../form-errors';
import { FieldError } from '../page';
import { PlanContext } from '../plan-context';
import { PlanPages } from '../plan-page';
import { WebExceptionFilter } from '../web-exception.filter';
import { bannerOf, EMPTY_SIGN_OFF, SIGN_OFF_FIELDS, signOffBody, signOffDone, SignOffFormValues, signOffValues } from './sign-off.form';
import { signOffView } from './sign-off.view';

/** A supporting agency's manager signs off their agency's part of a submitted plan, or declines it; everyone who sees the plan sees where each sign-off stands. */
@ApiExcludeController()
@WebPage()
@UseFilters(WebExceptionFilter)
@Controller('plans/:reference')
export class PlanSignOffController {
  constructor(
    private readonly pages: PlanPages,
    private readonly signOffs: SignOffService,
  ) {}

  @Get('sign-off')
  page(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext() context: PlanContext,
    @Query() query: Record<string, unknown>,
  ): Promise<FastifyReply> {
    return this.draw(reply, request, context, EMPTY_SIGN_OFF, [], undefined, bannerOf(query));
  }

  @Post('sign-off')
  decide(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @PlanContext() context: PlanContext): Promise<FastifyReply> {
    const values = signOffValues(request.body);
    const decide = () =>
      validated(SignOffDto, signOffBody(request, values)).then((body) => this.signOffs.decide(request.user!, context.plan.id, body));
    const redraw = (errors: FieldError[], now: PlanContext, conflict?: unknown) => this.draw(reply, request, now, values, errors, conflict);
    return this.pages.change(request, reply, context, SIGN_OFF_FIELDS, decide, redraw, signOffDone(context.plan.reference, values));
  }

  /**
   * The page; for a partner whose sign-off a change withdrew, what changed in its part since (as the
   * task named it), and signing off again in one click, against the version the page shows.
   */
  private async draw(
    reply: FastifyReply,
    request: AuthenticatedRequest,
    context: PlanContext,
    values: SignOffFormValues,
    errors: FieldError[],
    conflict?: unknown,
    banner?: string,
  ): Promise<FastifyReply> {
    const viewer = request.user!;
    const changes = await this.signOffs.changesSinceSignOff(viewer, context.plan);
    const view = signOffView(context.plan, viewer, this.signOffs.whyNotSignOff(viewer, context.plan), changes, values);
    return this.pages.draw(
      reply,
      request,
      'sign-off/sign-off.njk',
      'Partner sign-off',
      context,
      { ...view, values, errors, conflict, banner },
      errors.length ? 400 : 200,
    );
  }
}
