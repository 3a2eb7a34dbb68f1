import { Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { AuthUser, hasRole } from '../../common/auth/auth-user';
import { WebPage } from '../../common/auth/decorators';
import { OFFENCES } from '../../common/domain';
import { label, LabelSet } from '../../common/labels';
import { AssignEvidenceDto, CreateEvidenceRequirementDto, GatheredEvidenceDto, RejectEvidenceDto, UpdateEvidenceRequirementDto } from '../../cps/dto/cps.dto';
import { CpsService } from '../../cps/cps.service';
import { EvidenceService } from '../../cps/evidence.service';
import type { EvidenceRequirementView, OperationView } from '../../operations/dto/plan-view.dto';
import { evidenceIsGathered } from '../../operations/plan-actions';
import { checkedBody, FieldMap, validated } from '../form-errors';
import { formText } from '../forms';
import { FieldError } from '../page';
import { asPosted, formVersion, PlanContext, PlanPages } from '../plan-page';
import { WebExceptionFilter } from '../web-exception.filter';

type RequirementForm = {
  requirementId: string;
  offence: string;
  offenceOther: string;
  evidenceType: string;
  description: string;
  priority: string;
};

const EMPTY: RequirementForm = { requirementId: '', offence: '', offenceOther: '', evidenceType: '', description: '', priority: '' };
const REQUIREMENT_FIELDS: FieldMap = {
  id: (field) => (field === 'version' ? '' : field),
  messages: { offence: 'Select the offence', evidenceType: 'Select the type of evidence', priority: 'Select whether the evidence is essential or desirable' },
};

/** The requirement form's fields as the plan holds them: the requirement being changed, or none to add one. */
function requirementFormOf(requirement: EvidenceRequirementView | undefined): RequirementForm {
  if (!requirement) return EMPTY;
  const { id, offence, offenceOther, evidenceType, description, priority } = requirement;
  return { requirementId: id, offence, offenceOther: offenceOther ?? '', evidenceType, description, priority };
}

const REQUIREMENT_LABELS: Record<keyof RequirementForm, string> = {
  requirementId: 'Requirement',
  offence: 'Offence',
  offenceOther: 'The other offence',
  evidenceType: 'Type of evidence',
  description: 'What is needed',
  priority: 'Priority',
};

function requirementWords(key: keyof RequirementForm, value: unknown): string {
  const sets: Partial<Record<keyof RequirementForm, LabelSet>> = { offence: 'offence', evidenceType: 'evidenceType', priority: 'evidencePriority' };
  const set = sets[key];
  return set && typeof value === 'string' && value ? label(set, value) : String(value || '(empty)');
}

/** What each person may do with the evidence of a plan: the rules are the service's; this only decides which forms to offer. */
function rolesOn(viewer: AuthUser, plan: OperationView) {
  const liaison = hasRole(viewer, 'CPS_LIAISON') && plan.cpsInvolvement?.status === 'ENGAGED' && plan.cpsInvolvement.liaison?.id === viewer.id;
  const owner = hasRole(viewer, 'COORDINATOR') && viewer.agencyId === plan.owningAgency.id;
  const gatherer = (requirement: EvidenceRequirementView) => hasRole(viewer, 'COORDINATOR') && requirement.assignedTeam?.agency.id === viewer.agencyId;
  return { liaison, owner, gatherer };
}

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
  async page(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string, @Query('change') change?: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const values = requirementFormOf(context.plan.evidenceRequirements.find((requirement) => requirement.id === change));
    return this.draw(reply, request, this.pages.editing(context, values), values, []);
  }

  /**
   * Adds a requirement, or changes what the liaison changed of the one the form names (R10),
   * against the requirement's own version.
   */
  @Post()
  async save(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const posted = Object.fromEntries(Object.keys(EMPTY).map((field) => [field, formText(request.body, field)])) as unknown as RequirementForm;
    const id = posted.requirementId;
    const requirementOf = (plan: OperationView) => plan.evidenceRequirements.find((requirement) => requirement.id === id);
    const save = async (values: RequirementForm, mine: (keyof RequirementForm)[], plan: OperationView) => {
      const body = {
        offence: values.offence,
        ...(values.offence === 'OTHER' || values.offenceOther.trim() ? { offenceOther: values.offenceOther } : {}),
        evidenceType: values.evidenceType,
        description: values.description,
        priority: values.priority,
      };
      const order = (ours: FieldError[], theirs: FieldError[] = []) => [...ours, ...theirs];
      if (!id) {
        const checked = await checkedBody(CreateEvidenceRequirementDto, { ...body, version: plan.version }, [], REQUIREMENT_FIELDS, order);
        if (checked.errors) return checked.errors;
        await this.evidence.add(request.user!, plan.id, checked.input);
        return;
      }
      const changed = Object.fromEntries(Object.entries(body).filter(([key]) => mine.includes(key as keyof RequirementForm) || (key === 'offence' && mine.includes('offenceOther'))));
      const checked = await checkedBody(UpdateEvidenceRequirementDto, { ...changed, version: requirementOf(plan)?.version ?? 0 }, [], REQUIREMENT_FIELDS, order);
      if (checked.errors) return checked.errors;
      await this.evidence.update(request.user!, plan.id, id, checked.input);
    };
    return this.pages.edit(
      request,
      reply,
      reference,
      {
        current: (plan) => requirementFormOf(requirementOf(plan)),
        posted,
        labels: REQUIREMENT_LABELS,
        fields: REQUIREMENT_FIELDS,
        words: requirementWords,
        creates: !id,
        ...(id ? { version: { posted: Number(formText(request.body, 'requirementVersion')), now: (plan: OperationView) => requirementOf(plan)?.version } } : {}),
      },
      save,
      (errors, context, values, conflict) => this.draw(reply, request, context, values, errors, conflict),
      `/plans/${reference}/evidence`,
    );
  }

  @Post('assign')
  async assign(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const teamId = formText(request.body, 'teamId');
    return this.onRequirement(request, reply, reference, 'team', teamId ? undefined : 'Select the confirmed team that gathers this evidence', (id, rid, version) =>
      validated(AssignEvidenceDto, { version, teamId }).then((input) => this.evidence.assign(request.user!, id, rid, input)),
    );
  }

  @Post('gathered')
  async gathered(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    return this.onRequirement(request, reply, reference, 'note', undefined, (id, rid, version) =>
      validated(GatheredEvidenceDto, { version, note: formText(request.body, 'note') }).then((input) => this.evidence.gathered(request.user!, id, rid, input)),
    );
  }

  @Post('decide')
  async decide(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    if (formText(request.body, 'decision') === 'accept') {
      return this.onRequirement(request, reply, reference, 'reason', undefined, (id, rid, version) => this.evidence.decide(request.user!, id, rid, version, 'ACCEPTED'));
    }
    return this.onRequirement(request, reply, reference, 'reason', undefined, (id, rid, version) =>
      validated(RejectEvidenceDto, { version, reason: formText(request.body, 'reason') }).then((input) => this.evidence.decide(request.user!, id, rid, input.version, 'REJECTED', input.reason)),
    );
  }

  /** The engaged liaison closes evidence gathering once the case file is complete (after the day). */
  @Post('close')
  async close(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    return this.pages.change(request, reply, context, { id: () => '' }, () => this.cps.close(request.user!, context.plan.id, formVersion(request)), (errors, now, conflict) =>
      this.draw(reply, request, now, EMPTY, errors, conflict),
      `/plans/${reference}?closed`,
    );
  }

  /**
   * A change to one requirement, against its own version (the form's `requirementVersion`): a
   * refusal is shown beside that requirement's field (`prefix`-id), keeping what was typed.
   */
  private async onRequirement(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    reference: string,
    prefix: 'team' | 'note' | 'reason',
    missing: string | undefined,
    action: (operationId: string, requirementId: string, version: number) => Promise<unknown>,
  ): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const requirementId = formText(request.body, 'requirementId');
    const fieldId = `${prefix}-${requirementId}`;
    const map: FieldMap = { id: (name) => (name === 'version' ? '' : fieldId) };
    const typed = { [requirementId]: { note: formText(request.body, 'note'), reason: formText(request.body, 'reason') } };
    const redraw = (errors: FieldError[], now: PlanContext, conflict?: unknown) => this.draw(reply, request, now, EMPTY, errors, conflict, typed);
    if (missing) return redraw([{ field: fieldId, text: missing }], asPosted(context, request));
    const version = Number(formText(request.body, 'requirementVersion'));
    return this.pages.change(request, reply, context, map, () => action(context.plan.id, requirementId, version), redraw, `/plans/${reference}/evidence`);
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
    const { plan } = context;
    const roles = rolesOn(request.user!, plan);
    // Evidence is gathered from the day of action on, and recorded after it ends (completed or stood down).
    const dayHasCome = evidenceIsGathered(plan.status);
    const groups = OFFENCES.map((offence) => ({
      offence,
      requirements: plan.evidenceRequirements
        .filter((requirement) => requirement.offence === offence)
        .map((requirement) => ({ ...requirement, mayGather: roles.gatherer(requirement) && ['ASSIGNED', 'REJECTED'].includes(requirement.status) && dayHasCome })),
    })).filter((group) => group.requirements.length > 0);
    const teams = plan.deployments.filter((deployment) => deployment.status === 'CONFIRMED').map((deployment) => ({ value: deployment.team.id, text: `${deployment.team.name} (${deployment.agency.code})` }));
    return this.pages.draw(
      reply,
      request,
      'evidence.njk',
      'Evidence a prosecution will need',
      context,
      { groups, teams, roles: { liaison: roles.liaison, owner: roles.owner }, values, typed, errors, conflict, width: 'full' },
      errors.length ? 400 : 200,
    );
  }
}
