import { Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { WebPage } from '../../common/auth/decorators';
import { label } from '../../common/labels';
import { ukClock, ukDateTime } from '../../common/uk-time';
import type { OperationView } from '../../operations/dto/plan-view.dto';
import { seenInFull } from '../../operations/plan-views';
import { SignOffDto } from '../../workflow/dto/sign-off.dto';
import { SignOffService } from '../../workflow/sign-off.service';
import { FieldMap, validated } from '../form-errors';
import { formText } from '../forms';
import { FieldError } from '../page';
import { formVersion, PlanContext, PlanPages } from '../plan-page';
import { WebExceptionFilter } from '../web-exception.filter';

const FIELDS: FieldMap = {
  id: (field) => (field === 'decision' ? 'decision' : field === 'reason' ? 'reason' : ''),
  messages: { decision: 'Select whether to sign off your agency’s part or decline it' },
};

const BANNERS: Record<string, string> = {
  'signed-off': 'Your agency’s part is signed off. A change to it would withdraw the sign-off and ask you again.',
  declined: 'You declined to sign off: the plan went back to its owner for changes, with your reason.',
};

/** The agency's part of the plan as its manager signs it off: what the sign-off covers, and what changing it withdraws. */
function partOf(plan: OperationView, agencyId: string) {
  const { briefingAt, briefingPlace, debriefAt } = plan.timings;
  return {
    rows: [
      ['Window', `${ukDateTime(plan.startsAt)} to ${ukDateTime(plan.endsAt)}`],
      ['Briefing', briefingAt ? `${ukDateTime(briefingAt)}${briefingPlace ? `, ${briefingPlace}` : ''}` : 'Not set'],
      ['Debrief', debriefAt ? ukDateTime(debriefAt) : 'Not set'],
      ...(plan.locations ?? []).map((place) => [
        `${place.label}, ${place.postcode}`,
        `${place.address}. ${place.strikeAt ? `Strike at ${ukDateTime(place.strikeAt)}` : 'No strike time set'}; ${place.entry ? `entry by ${label('entryBasis', place.entry.basis).toLowerCase()}` : 'entry basis not recorded'}`,
      ]),
    ].map(([key, value]) => ({ key: { text: key }, value: { text: value } })),
    teams: plan.deployments
      .filter(seenInFull)
      .filter((deployment) => deployment.status === 'CONFIRMED' && deployment.agency.id === agencyId)
      .map((deployment) => ({
        name: deployment.team.name,
        rows: [
          ['Officers', String(deployment.headcount)],
          ['When', deployment.followsOperationWindow ? 'The whole window' : `${ukDateTime(deployment.startsAt)} to ${ukDateTime(deployment.endsAt)}`],
          ['Tasking', deployment.tasking || 'None given'],
          ['Powers needed', deployment.powers.map((power) => label('power', power)).join(', ') || 'None'],
          ['RV point', deployment.rvPoint ? `${deployment.rvPoint.name}, ${deployment.rvPoint.address}, at ${ukClock(deployment.rvPoint.meetAt)}` : 'None given'],
          ['Call sign', deployment.callSign || 'None given'],
        ].map(([key, value]) => ({ key: { text: key }, value: { text: value } })),
      })),
  };
}

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
  async page(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string, @Query() query: Record<string, unknown>): Promise<FastifyReply> {
    const banner = Object.keys(BANNERS).find((flag) => flag in query);
    return this.draw(reply, request, await this.pages.load(request, reference), { decision: '', reason: '' }, [], undefined, banner && BANNERS[banner]);
  }

  @Post('sign-off')
  async decide(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const values = { decision: formText(request.body, 'decision'), reason: formText(request.body, 'reason') };
    // The reason box stays in the form whichever is chosen (it shows only under Decline with JavaScript on): it counts only for a decline.
    const input = { version: formVersion(request), decision: values.decision, ...(values.decision === 'DECLINED' ? { reason: values.reason } : {}) };
    return this.pages.change(
      request,
      reply,
      context,
      FIELDS,
      () => validated(SignOffDto, input).then((body) => this.signOffs.decide(request.user!, context.plan.id, body)),
      (errors, now, conflict) => this.draw(reply, request, now, values, errors, conflict),
      `/plans/${reference}/sign-off?${values.decision === 'DECLINED' ? 'declined' : 'signed-off'}`,
    );
  }

  /**
   * The page; for a partner whose sign-off a change withdrew, what changed in its part since (as the
   * task named it), and signing off again in one click, against the version the page shows.
   */
  private async draw(
    reply: FastifyReply,
    request: AuthenticatedRequest,
    context: PlanContext,
    values: Record<string, string>,
    errors: FieldError[],
    conflict?: unknown,
    banner?: string,
  ): Promise<FastifyReply> {
    const viewer = request.user!;
    const { plan } = context;
    const mine = plan.signOffs.find((signOff) => signOff.agency.id === viewer.agencyId) ?? null;
    const refusal = this.signOffs.whyNotSignOff(viewer, plan);
    const changes = await this.signOffs.changesSinceSignOff(viewer, plan);
    const rows = plan.signOffs.map((signOff) => [
      { text: `${signOff.agency.name} (${signOff.agency.code})` },
      { text: label('signOffState', signOff.state) },
      { text: signOff.by ? `${signOff.by.name}, ${ukDateTime(signOff.at as string)}` : '–' },
      { text: signOff.reason ?? '–' },
    ]);
    return this.pages.draw(
      reply,
      request,
      'sign-off.njk',
      'Partner sign-off',
      context,
      { rows, mine, part: mine ? partOf(plan, mine.agency.id) : null, deciding: mine !== null && refusal === null, refusal, withdrawn: changes !== null, changes, values, errors, conflict, banner },
      errors.length ? 400 : 200,
    );
  }
}
