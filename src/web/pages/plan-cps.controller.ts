import { Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { hasRole } from '../../common/auth/auth-user';
import { WebPage } from '../../common/auth/decorators';
import { CpsRequestDto, DeclineCpsRequestDto } from '../../cps/dto/cps.dto';
import { CpsService } from '../../cps/cps.service';
import { AcknowledgeDto } from '../../workflow/dto/workflow.dto';
import { DeconflictionService } from '../../workflow/deconfliction.service';
import { FieldMap, validated } from '../form-errors';
import { hitsOnPage } from '../hits-view';
import { formText } from '../forms';
import { FieldError } from '../page';
import { formVersion, PlanContext, PlanPages } from '../plan-page';
import { WebExceptionFilter } from '../web-exception.filter';

const CPS_FIELDS: FieldMap = {
  id: (field) => (field === 'adviceNeededBy' ? 'adviceNeededBy-day' : field === 'version' ? '' : field),
  messages: { 'adviceNeededBy-day': 'Enter the date advice is needed by, a real date from today up to the day of action' },
};
/** Early CPS involvement (request, withdraw, answer) and the deconfliction hits of a plan. */
@ApiExcludeController()
@WebPage()
@UseFilters(WebExceptionFilter)
@Controller('plans/:reference')
export class PlanCpsController {
  constructor(
    private readonly pages: PlanPages,
    private readonly cps: CpsService,
    private readonly deconfliction: DeconflictionService,
  ) {}

  @Get('cps')
  async cpsPage(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    return this.drawCps(reply, request, await this.pages.load(request, reference), { note: '', day: '', month: '', year: '' }, []);
  }

  @Post('cps')
  async requestCps(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const values = { note: formText(request.body, 'note'), day: formText(request.body, 'adviceNeededBy-day').trim(), month: formText(request.body, 'adviceNeededBy-month').trim(), year: formText(request.body, 'adviceNeededBy-year').trim() };
    const two = (part: string) => part.padStart(2, '0');
    const redraw = (errors: FieldError[], now: PlanContext, conflict?: unknown) => this.drawCps(reply, request, now, values, errors, conflict);
    return this.pages.change(request, reply, context, CPS_FIELDS, () => validated(CpsRequestDto, { version: formVersion(request), note: values.note, adviceNeededBy: `${values.year}-${two(values.month)}-${two(values.day)}` }).then((input) => this.cps.request(request.user!, context.plan.id, input)), redraw, `/plans/${reference}/cps`);
  }

  @Post('cps/withdraw')
  async withdrawCps(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const values = { note: '', day: '', month: '', year: '' };
    return this.pages.change(request, reply, context, CPS_FIELDS, () => this.cps.withdraw(request.user!, context.plan.id, formVersion(request)), (errors, now, conflict) =>
      this.drawCps(reply, request, now, values, errors, conflict),
      `/plans/${reference}/cps`,
    );
  }

  /** A CPS liaison accepts a request for early involvement (and becomes the plan's liaison), or declines it with a reason. */
  @Post('cps/answer')
  async answerCps(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const values = { note: '', day: '', month: '', year: '', reason: formText(request.body, 'reason') };
    const fields: FieldMap = { id: (field) => (field === 'reason' ? 'reason' : '') };
    const redraw = (errors: FieldError[], now: PlanContext, conflict?: unknown) => this.drawCps(reply, request, now, values, errors, conflict);
    if (formText(request.body, 'answer') === 'accept') {
      return this.pages.change(request, reply, context, fields, () => this.cps.accept(request.user!, context.plan.id, formVersion(request)), redraw, `/plans/${reference}/cps`);
    }
    // A declined request leaves every liaison's view of the plan (R14): back to their tasks.
    return this.pages.change(request, reply, context, fields, () => validated(DeclineCpsRequestDto, { version: formVersion(request), reason: values.reason }).then((input) => this.cps.decline(request.user!, context.plan.id, input)), redraw, '/?declined');
  }

  private drawCps(reply: FastifyReply, request: AuthenticatedRequest, context: PlanContext, values: Record<string, string>, errors: FieldError[], conflict?: unknown, status = errors.length ? 400 : 200): FastifyReply {
    const mayAnswer = hasRole(request.user!, 'CPS_LIAISON') && context.plan.cpsInvolvement?.status === 'REQUESTED';
    return this.pages.draw(reply, request, 'cps.njk', 'Early CPS involvement', context, { values, errors, conflict, mayAnswer }, status);
  }

  @Get('conflicts')
  async conflictsPage(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    return this.drawConflicts(reply, request, await this.pages.load(request, reference), {}, []);
  }

  @Post('conflicts')
  async acknowledge(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const hitId = formText(request.body, 'hitId');
    const notes = { [hitId]: formText(request.body, 'note') };
    const fields: FieldMap = { id: (field) => (field === 'note' ? `note-${hitId}` : '') };
    const redraw = (errors: FieldError[], now: PlanContext, conflict?: unknown) => this.drawConflicts(reply, request, now, notes, errors, conflict);
    return this.pages.change(request, reply, context, fields, () => validated(AcknowledgeDto, { version: formVersion(request), note: notes[hitId] }).then((input) => this.deconfliction.acknowledge(request.user!, context.plan.id, hitId, input)), redraw, `/plans/${reference}/conflicts`);
  }

  private async drawConflicts(reply: FastifyReply, request: AuthenticatedRequest, context: PlanContext, notes: Record<string, string>, errors: FieldError[], conflict?: unknown): Promise<FastifyReply> {
    const hits = hitsOnPage(await this.deconfliction.hitsSeenBy(request.user!, context.plan));
    const hitsShared = context.plan.sections.includes('INTELLIGENCE');
    return this.pages.draw(reply, request, 'conflicts.njk', 'Deconfliction', context, { hits, hitsShared, notes, errors, conflict }, errors.length ? 400 : 200);
  }
}
