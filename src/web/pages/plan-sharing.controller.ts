import { Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { WebPage } from '../../common/auth/decorators';
import { GRANTABLE_SECTIONS, isActiveDeployment, NEVER_INTELLIGENCE_KINDS, PLAN_SECTIONS, PlanSection, seenByDefault } from '../../common/domain';
import { label } from '../../common/labels';
import { ukDateTime } from '../../common/uk-time';
import { SharingDto } from '../../operations/dto/sharing.dto';
import type { OperationView } from '../../operations/dto/plan-view.dto';
import type { AgencyView } from '../../reference-data/dto/agency.dto';
import { SharingService } from '../../operations/sharing.service';
import { FieldMap, validated } from '../form-errors';
import { formList, formText } from '../forms';
import { FieldError } from '../page';
import { formVersion, PlanContext, PlanPages } from '../plan-page';
import { WebExceptionFilter } from '../web-exception.filter';

/** What a partner agency sees of one section: by default, because the owner granted it, not, or never (R14a, R14b). */
type Seen = 'DEFAULT' | 'GRANTED' | 'NO' | 'NEVER';
const SEEN_TEXT: Record<Seen, string> = { DEFAULT: 'Yes', GRANTED: 'Shared by the owner', NO: 'No', NEVER: 'Never' };

/**
 * The agencies on a plan as its owner sees them, each with what it sees: those with a team asked
 * for or agreed, the creator that handed the lead on, and those granted sections.
 */
function partners(plan: OperationView) {
  const agencies = new Map<string, AgencyView>();
  for (const d of plan.deployments) if (isActiveDeployment(d.status)) agencies.set(d.agency.id, d.agency);
  agencies.set(plan.createdByAgency.id, plan.createdByAgency);
  for (const share of plan.sharing ?? []) agencies.set(share.agency.id, share.agency);
  agencies.delete(plan.owningAgency.id);
  return [...agencies.values()]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((agency) => {
      const share = plan.sharing?.find((each) => each.agency.id === agency.id);
      const seen = (section: PlanSection): Seen =>
        seenByDefault(agency.kind, section)
          ? 'DEFAULT'
          : share?.sections.includes(section as (typeof GRANTABLE_SECTIONS)[number])
            ? 'GRANTED'
            : section === 'INTELLIGENCE' && NEVER_INTELLIGENCE_KINDS.includes(agency.kind)
              ? 'NEVER'
              : 'NO';
      return {
        agency,
        cells: PLAN_SECTIONS.map((section) => ({ text: SEEN_TEXT[seen(section)] })),
        last: share ? `${share.reason} (${share.by.name}, ${ukDateTime(share.at)})` : null,
        // A section the agency may never be given is not offered (a disabled box helps nobody): the hint says why.
        items: GRANTABLE_SECTIONS.filter((section) => !seenByDefault(agency.kind, section) && seen(section) !== 'NEVER').map((section) => ({
          value: section,
          text: label('planSection', section),
          checked: seen(section) === 'GRANTED',
        })),
        never: NEVER_INTELLIGENCE_KINDS.includes(agency.kind),
      };
    });
}

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
  async page(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string, @Query('saved') saved?: string): Promise<FastifyReply> {
    return this.draw(reply, request, await this.pages.load(request, reference), {}, [], undefined, saved);
  }

  @Post('sharing')
  async save(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const agencyId = formText(request.body, 'agencyId');
    const typed = { [agencyId]: { sections: formList(request.body, 'sections'), reason: formText(request.body, 'reason') } };
    const fields: FieldMap = { id: (field) => (field === 'reason' ? `reason-${agencyId}` : field.startsWith('sections') ? `sections-${agencyId}` : '') };
    return this.pages.change(
      request,
      reply,
      context,
      fields,
      () =>
        validated(SharingDto, { version: formVersion(request), agencyId, sections: typed[agencyId].sections, reason: typed[agencyId].reason }).then((input) =>
          this.sharing.share(request.user!, context.plan.id, input),
        ),
      (errors, now, conflict) => this.draw(reply, request, now, typed, errors, conflict),
      `/plans/${reference}/sharing?saved=${encodeURIComponent(agencyId)}`,
    );
  }

  private draw(
    reply: FastifyReply,
    request: AuthenticatedRequest,
    context: PlanContext,
    typed: Record<string, { sections: string[]; reason: string }>,
    errors: FieldError[],
    conflict?: unknown,
    saved?: string,
  ): FastifyReply {
    const { plan } = context;
    const rows = partners(plan).map((partner) => {
      const posted = typed[partner.agency.id];
      return {
        ...partner,
        reason: posted?.reason ?? '',
        items: posted ? partner.items.map((item) => ({ ...item, checked: posted.sections.includes(item.value) })) : partner.items,
      };
    });
    const savedFor = rows.find((row) => row.agency.id === saved)?.agency;
    return this.pages.draw(
      reply,
      request,
      'sharing.njk',
      'Sharing with partner agencies',
      context,
      {
        rows,
        head: [{ text: 'Agency' }, ...PLAN_SECTIONS.map((section) => ({ text: label('sectionName', section) }))],
        yours: plan.sections.map((section) => label('planSection', section)),
        banner: savedFor && `Saved: ${savedFor.name} sees what the table shows, and the change is in the plan’s history`,
        errors,
        conflict,
        width: 'full',
      },
      errors.length ? 400 : 200,
    );
  }
}
