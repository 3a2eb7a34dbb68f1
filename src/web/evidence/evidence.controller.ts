import { Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { WebPage } from '../../common/auth/decorators';
import {
  AssignEvidenceDto,
  CreateEvidenceRequirementDto,
  GatheredEvidenceDto,
  RejectEvidenceDto,
  UpdateEvidenceRequirementDto,
} from '../../cps/dto/cps.dto';
import { CpsService } from '../../cps/cps.service';
import { EvidenceService } from '../../cps/evidence.service';
import { checkedBody, FieldMap, validated } from '../form-errors';
import { formText } from '../forms';
import { FieldError } from '../page';
import { PlanContext } from '../plan-context';
import { asTheyCome } from '../plan-change';
import { asPosted, formVersion, PlanPages, Save } from '../plan-page';
import { WebExceptionFilter } from '../web-exception.filter';
import {
  changedRequirementBody,
  EMPTY,
  REQUIREMENT_FIELDS,
  requirementBody,
  requirementForm,
  RequirementForm,
  requirementFormOf,
  requirementIn,
} from './evidence.form';
import { evidenceView } from './evidence.view';

/** The evidence matrix by offence: the liaison adds and changes requirements and decides on gathered evidence, the owner assigns teams, the teams' agencies record what they gathered. */
@ApiExcludeController()
@WebPage()
@UseFilters(WebExceptionFilter)
@Controller('plans/:reference/evidence')
export class PlanEvidenceController {
  constructor(
    private readonly pages: PlanPages,
    private readonly evidence: EvidenceService,
    private readonly cps: CpsService,
  ) {}

  @Get()
  page(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext() context: PlanContext,
    @Query('change') change?: string,
  ): FastifyReply {
    const values = requirementFormOf(change ? requirementIn(context.plan, change) : undefined);
    return this.draw(reply, request, this.pages.editing(context, values), values, []);
  }

  /**
   * Adds a requirement, or changes what the liaison changed of the one the form names (R10),
   * against the requirement's own version.
   */
  @Post()
  save(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const form = requirementForm(request.body);
    const id = form.posted.requirementId;
    const redraw = (errors: FieldError[], context: PlanContext, values: RequirementForm, conflict?: unknown) =>
      this.draw(reply, request, context, values, errors, conflict);
    return this.pages.edit(request, reply, reference, form, this.saveRequirement(request, id), redraw, `/plans/${reference}/evidence`);
  }

  /** Adds the requirement (`id` empty), or changes what the liaison changed of it against its own version (R10). */
  private saveRequirement(request: AuthenticatedRequest, id: string): Save<RequirementForm> {
    const add: Save<RequirementForm> = async (values, _mine, plan) => {
      const checked = await checkedBody(
        CreateEvidenceRequirementDto,
        { ...requirementBody(values), version: plan.version },
        [],
        REQUIREMENT_FIELDS,
        asTheyCome,
      );
      if (checked.errors) return checked.errors;
      await this.evidence.add(request.user!, plan.id, checked.input);
    };
    const change: Save<RequirementForm> = async (values, mine, plan) => {
      const body = { ...changedRequirementBody(values, mine), version: requirementIn(plan, id)?.version ?? 0 };
      const checked = await checkedBody(UpdateEvidenceRequirementDto, body, [], REQUIREMENT_FIELDS, asTheyCome);
      if (checked.errors) return checked.errors;
      await this.evidence.update(request.user!, plan.id, id, checked.input);
    };
    return id ? change : add;
  }

  @Post('assign')
  assign(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @PlanContext() context: PlanContext): Promise<FastifyReply> {
    const teamId = formText(request.body, 'teamId');
    return this.onRequirement(
      request,
      reply,
      context,
      'team',
      teamId ? undefined : 'Select the confirmed team that gathers this evidence',
      (id, rid, version) =>
        validated(AssignEvidenceDto, { version, teamId }).then((input) => this.evidence.assign(request.user!, id, rid, input)),
    );
  }

  @Post('gathered')
  gathered(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @PlanContext() context: PlanContext): Promise<FastifyReply> {
    return this.onRequirement(request, reply, context, 'note', undefined, (id, rid, version) =>
      validated(GatheredEvidenceDto, { version, note: formText(request.body, 'note') }).then((input) =>
        this.evidence.gathered(request.user!, id, rid, input),
      ),
    );
  }

  @Post('decide')
  decide(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @PlanContext() context: PlanContext): Promise<FastifyReply> {
    if (formText(request.body, 'decision') === 'accept') {
      return this.onRequirement(request, reply, context, 'reason', undefined, (id, rid, version) =>
        this.evidence.decide(request.user!, id, rid, version, 'ACCEPTED'),
      );
    }
    return this.onRequirement(request, reply, context, 'reason', undefined, (id, rid, version) =>
      validated(RejectEvidenceDto, { version, reason: formText(request.body, 'reason') }).then((input) =>
        this.evidence.decide(request.user!, id, rid, input.version, 'REJECTED', input.reason),
      ),
    );
  }

  /** The engaged liaison closes evidence gathering once the case file is complete (after the day). */
  @Post('close')
  close(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @PlanContext() context: PlanContext): Promise<FastifyReply> {
    const closeGathering = () => this.cps.close(request.user!, context.plan.id, formVersion(request));
    const redraw = (errors: FieldError[], now: PlanContext, conflict?: unknown) => this.draw(reply, request, now, EMPTY, errors, conflict);
    return this.pages.change(request, reply, context, { id: () => '' }, closeGathering, redraw, `/plans/${context.plan.reference}?closed`);
  }

  /**
   * A change to one requirement, against its own version (the form's `requirementVersion`): a
   * refusal is shown beside that requirement's field (`prefix`-id), keeping what was typed.
   */
  private async onRequirement(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    context: PlanContext,
    prefix: 'team' | 'note' | 'reason',
    missing: string | undefined,
    action: (operationId: string, requirementId: string, version: number) => Promise<unknown>,
  ): Promise<FastifyReply> {
    const requirementId = formText(request.body, 'requirementId');
    const fieldId = `${prefix}-${requirementId}`;
    const map: FieldMap = { id: (name) => (name === 'version' ? '' : fieldId) };
    const typed = { [requirementId]: { note: formText(request.body, 'note'), reason: formText(request.body, 'reason') } };
    const redraw = (errors: FieldError[], now: PlanContext, conflict?: unknown) =>
      this.draw(reply, request, now, EMPTY, errors, conflict, typed);
    if (missing) return redraw([{ field: fieldId, text: missing }], asPosted(context, request));
    const version = Number(formText(request.body, 'requirementVersion'));
    return this.pages.change(
      request,
      reply,
      context,
      map,
      () => action(context.plan.id, requirementId, version),
      redraw,
      `/plans/${context.plan.reference}/evidence`,
    );
  }

  private draw(
    reply: FastifyReply,
    request: AuthenticatedRequest,
    context: PlanContext,
    values: RequirementForm,
    errors: FieldError[],
    conflict?: unknown,
    typed: Record<string, Record<string, string>> = {},
  ): FastifyReply {
    const data = { ...evidenceView(context.plan, request.user!), values, typed, errors, conflict, width: 'full' };
    return this.pages.draw(
      reply,
      request,
      'evidence/evidence.njk',
      'Evidence a prosecution will need',
      context,
      data,
      errors.length ? 400 : 200,
    );
  }
}
