import { Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { WebPage } from '../../common/auth/decorators';
import { agencyNamed, inSentence, label } from '../../common/labels';
import { markingText } from '../../common/marking';
import { ukDateTime } from '../../common/uk-time';
import { briefingBlocks, SECTION_TITLES, toHtml, toMarkdown } from '../../workflow/briefing';
import { LifecycleService } from '../../workflow/lifecycle.service';
import { ReadinessService } from '../../workflow/readiness.service';
import { ReviewService } from '../../workflow/review.service';
import { DeconflictionService } from '../../workflow/deconfliction.service';
import { ReadinessView, ReviewDto } from '../../workflow/dto/workflow.dto';
import type { LocationView } from '../../operations/dto/operation.dto';
import type { RiskView } from '../../operations/dto/order.dto';
import type { OperationView } from '../../operations/dto/plan-view.dto';
import { FieldMap, validated } from '../form-errors';
import { formText } from '../forms';
import { BRIEFING_SECTIONS, isActiveDeployment } from '../../common/domain';
import { historyEntries } from '../history-view';
import { download, FieldError } from '../page';
import { formVersion, PlanContext, PlanPages } from '../plan-page';
import { readinessItems } from '../plan-sections';
import { WebExceptionFilter } from '../web-exception.filter';

/** What a row says of a section of the plan the reader's agency is not shown (R14a). */
const NOT_SHARED = 'Not shared with your agency';

/** Check your answers: a location's strike time and the basis on which officers enter. */
function strikeAndEntry(place: LocationView): string {
  const strike = place.strikeAt ? `Strike at ${ukDateTime(place.strikeAt)}` : 'No strike time set';
  const entry = place.entry;
  if (!entry) return `${strike}; entry basis not recorded`;
  const detail = entry.warrant ? ` (${entry.warrant.type}, ${entry.warrant.reference}, expires ${ukDateTime(entry.warrant.expiresAt)})` : entry.power ? ` (${entry.power})` : '';
  return `${strike}; entry by ${label('entryBasis', entry.basis).toLowerCase()}${detail}`;
}

/** Check your answers: the briefing, the RV points and the debrief. */
function timingRows(plan: OperationView): [string, string][] {
  const { briefingAt, briefingPlace, debriefAt } = plan.timings;
  return [
    ['Briefing', briefingAt ? `${ukDateTime(briefingAt)}${briefingPlace ? `, ${briefingPlace}` : ''}` : 'Not set'],
    ['RV points', plan.rvPoints.map((rv) => `${rv.name}, ${rv.address}, ${ukDateTime(rv.meetAt)}`).join('; ') || 'None'],
    ['Debrief', debriefAt ? ukDateTime(debriefAt) : 'Not set'],
  ];
}

const RESIDUAL_RANK: Record<string, number> = { HIGH: 0, MEDIUM: 1, LOW: 2 };

/** Check your answers: how many risks, and the highest residual one. */
function riskSummary(risks: RiskView[]): string {
  if (!risks.length) return 'No risks recorded';
  const [highest] = [...risks].sort((a, b) => RESIDUAL_RANK[a.residual] - RESIDUAL_RANK[b.residual] || b.score - a.score);
  const hazard = highest.hazard === 'OTHER' ? highest.hazardDetail || label('hazard', 'OTHER') : label('hazard', highest.hazard);
  const unaccepted = risks.filter((risk) => risk.residual === 'HIGH' && !risk.acceptedBy?.trim()).length;
  return `${risks.length} ${risks.length === 1 ? 'risk' : 'risks'}; highest residual rating: ${label('riskRating', highest.residual)} (${hazard})${unaccepted ? `; ${unaccepted} high not accepted by a senior officer` : ''}`;
}

/** Check your answers: the potential victims and the NRM arrangements. */
function safeguardingRows(plan: OperationView): [string, string][] {
  const s = plan.safeguarding;
  const hours = s.receptionOpensAt && s.receptionClosesAt ? `open ${ukDateTime(s.receptionOpensAt)} to ${ukDateTime(s.receptionClosesAt)}` : 'opening hours not recorded';
  return [
    ['Expected potential victims', `${s.expectedPotentialVictims}${s.languages.length ? `, who may speak ${s.languages.join(', ')}` : ''}`],
    ['Reception centre', `${s.receptionCentre || 'Not given'}; ${hours}`],
    ['NRM first responders', s.firstResponders.map((f) => `${f.name} (${f.agency.code})${f.phone ? `, ${f.phone}` : ''}`).join('; ') || 'None named'],
    ['Interpreters', s.interpreters.map((i) => `${i.language}: ${i.name}`).join('; ') || 'None booked'],
    ['Medical cover', s.medicalCover || 'Not arranged'],
  ];
}

/** Checking and submitting a plan, its briefing pack, and its history. */
@ApiExcludeController()
@WebPage()
@UseFilters(WebExceptionFilter)
@Controller('plans/:reference')
export class PlanRecordController {
  constructor(
    private readonly pages: PlanPages,
    private readonly readiness: ReadinessService,
    private readonly lifecycle: LifecycleService,
    private readonly reviews: ReviewService,
    private readonly deconfliction: DeconflictionService,
  ) {}

  @Get('submit')
  async checkAnswers(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    return this.drawSubmit(reply, request, await this.pages.load(request, reference), []);
  }

  @Post('submit')
  async submit(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    return this.pages.change(request, reply, context, { id: () => '' }, () => this.lifecycle.submit(request.user!, context.plan.id, formVersion(request)), async (errors, now, conflict) => {
      // NOT_READY names each failing check: each is listed with a link to where it is fixed.
      const readiness = await this.readiness.readinessOf(now.plan);
      const failing = readinessItems(reference, readiness).filter((_item, index) => readiness.checks[index].blocking && !readiness.checks[index].ok);
      const listed: FieldError[] = conflict || !failing.length ? errors : failing.map((item) => ({ field: '', text: `${item.title.text}: ${item.hint.text}`, href: item.href }));
      return this.drawSubmit(reply, request, now, listed, conflict, readiness);
    }, `/plans/${reference}?submitted`);
  }

  private async drawSubmit(reply: FastifyReply, request: AuthenticatedRequest, context: PlanContext, errors: FieldError[], conflict?: unknown, known?: ReadinessView): Promise<FastifyReply> {
    const { plan } = context;
    const readiness = known ?? (await this.readiness.readinessOf(plan));
    const change = (path: string, what: string) => ({ items: plan.canEdit ? [{ href: `/plans/${plan.reference}/${path}`, text: 'Change', visuallyHiddenText: what }] : [] });
    const row = (key: string, value: string, path: string) => ({ key: { text: key }, value: { text: value }, actions: change(path, inSentence(key)) });
    const rows = [
      row('Name', plan.name, 'details'),
      row('Types of exploitation', plan.exploitationTypes.map((type) => label('exploitationType', type)).join(', '), 'details'),
      row('Scope', label('scope', plan.scope), 'details'),
      row('Protective marking', markingText(plan.marking), 'details'),
      row('Window', `${ukDateTime(plan.startsAt)} to ${ukDateTime(plan.endsAt)}`, 'details'),
      ...(plan.locations
        ? [
            row('Locations', plan.locations.map((place) => `${place.label}, ${place.postcode}`).join('; ') || 'None', 'locations'),
            ...plan.locations.map((place) => row(`Strike and entry: ${place.label}`, strikeAndEntry(place), 'locations')),
          ]
        : [row('Locations', NOT_SHARED, 'locations')]),
      ...timingRows(plan).map(([key, value]) => row(key, value, 'timings')),
      row('Lead agency', plan.leadAgency ? agencyNamed(plan.leadAgency) : 'Not chosen', 'lead'),
      row('Teams', plan.deployments.filter((d) => isActiveDeployment(d.status)).map((d) => `${d.team.name} (${d.agency.code}), ${label('deploymentStatus', d.status).toLowerCase()}`).join('; ') || 'None', 'teams'),
      row('Risk register', riskSummary(plan.risks), 'risks'),
      ...safeguardingRows(plan).map(([key, value]) => row(key, value, 'safeguarding')),
      row('Radio channel or talkgroup', plan.communications.radioChannel || 'Not recorded', 'communications'),
      row('Control room number', plan.communications.controlRoomNumber || 'Not recorded', 'communications'),
      row('Early CPS involvement', plan.cpsInvolvement === undefined ? NOT_SHARED : plan.cpsInvolvement ? label('cpsStatus', plan.cpsInvolvement.status) : 'Not requested', 'cps'),
      ...BRIEFING_SECTIONS.map((name) => row(SECTION_TITLES[name], plan.briefing[name] === undefined ? NOT_SHARED : plan.briefing[name] || 'Not written yet', 'details')),
    ];
    return this.pages.draw(reply, request, 'submit.njk', 'Check your answers before submitting the plan', context, { rows, readiness, readinessItems: readinessItems(plan.reference, readiness), errors, conflict }, errors.length ? 400 : 200);
  }

  @Get('review')
  async reviewPage(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    return this.drawReview(reply, request, await this.pages.load(request, reference), { decision: '', comment: '' }, []);
  }

  @Post('review')
  async review(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const values = { decision: formText(request.body, 'decision'), comment: formText(request.body, 'comment') };
    const fields: FieldMap = { id: (field) => (field === 'decision' ? 'decision' : field === 'comment' ? 'comment' : ''), messages: { decision: 'Select whether to approve the plan or ask for changes' } };
    const redraw = (errors: FieldError[], now: PlanContext, conflict?: unknown) => this.drawReview(reply, request, now, values, errors, conflict);
    return this.pages.change(request, reply, context, fields, () => validated(ReviewDto, { version: formVersion(request), decision: values.decision, ...(values.comment.trim() ? { comment: values.comment } : {}) }).then((input) => this.reviews.review(request.user!, context.plan.id, input)), redraw, `/plans/${reference}?reviewed`);
  }

  private async drawReview(reply: FastifyReply, request: AuthenticatedRequest, context: PlanContext, values: Record<string, string>, errors: FieldError[], conflict?: unknown): Promise<FastifyReply> {
    const { plan } = context;
    const [history, readiness, hits, refusal] = await Promise.all([
      this.pages.history(request, context),
      this.readiness.readinessOf(plan),
      this.deconfliction.hitsSeenBy(request.user!, plan),
      plan.status === 'SUBMITTED' ? this.reviews.whyNotReview(request.user!, plan) : Promise.resolve(`The plan is ${label('status', plan.status).toLowerCase()}: only a plan submitted for review is reviewed.`),
    ]);
    // A plan approved before and sent back: what changed since that approval.
    const approvedAt = history.findLastIndex((event) => event.action === 'operation.approved');
    const sinceApproval = approvedAt >= 0 ? historyEntries(history.slice(approvedAt + 1)) : [];
    return this.pages.draw(
      reply,
      request,
      'review.njk',
      'Review the plan',
      context,
      {
        readinessItems: readinessItems(plan.reference, readiness),
        readiness,
        hits,
        hitsShared: plan.sections.includes('INTELLIGENCE'),
        refusal,
        sinceApproval,
        approvedBefore: approvedAt >= 0,
        values,
        errors,
        conflict,
      },
      errors.length ? 400 : 200,
    );
  }

  @Get('briefing')
  async briefingPage(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const blocks = briefingBlocks(context.plan);
    return this.pages.draw(reply, request, 'briefing.njk', 'Briefing pack', context, { blocks: blocks.filter((block) => block.kind !== 'title'), width: 'full' });
  }

  @Get('briefing/pack.md')
  async markdown(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const { plan } = await this.pages.load(request, reference);
    return download(reply, { filename: `${reference}-briefing.md`, type: 'text/markdown; charset=utf-8', body: toMarkdown(briefingBlocks(plan)) });
  }

  @Get('briefing/pack.html')
  async html(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const { plan } = await this.pages.load(request, reference);
    return download(reply, { filename: `${reference}-briefing.html`, type: 'text/html; charset=utf-8', body: toHtml(briefingBlocks(plan), plan.marking) });
  }

  @Get('history')
  async history(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    return this.pages.draw(reply, request, 'history.njk', 'History', context, { entries: historyEntries(await this.pages.history(request, context)).reverse() });
  }
}
