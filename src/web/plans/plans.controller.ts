import { Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { Roles, WebPage } from '../../common/auth/decorators';
import { label } from '../../common/labels';
import { isActiveDeployment, OPERATION_STATUSES } from '../../common/domain';
import { OperationView, PlanActionsView } from '../../operations/dto/plan-view.dto';
import { ukInstant } from '../../common/uk-time';
import { CreateOperationDto, OperationPage, OperationQueryDto } from '../../operations/dto/operation.dto';
import { PlanEditingService } from '../../operations/plan-editing.service';
import { PlansService } from '../../operations/plans.service';
import { ReadinessService } from '../../workflow/readiness.service';
import { ExportsService, PLAN_EXPORT_LIMIT } from '../../dashboard/exports.service';
import { PlanViewsService } from '../plan-views.service';
import { formErrors, isRefusal, validated } from '../form-errors';
import { csvReply, FieldError, redirect, render } from '../page';
import { inFormOrder, PLAN_FIELDS, planBody, planFormValues, PlanFormValues } from '../plan-form';
import { happenedOf } from '../plan-page';
import { planRecord, readinessSection, SECTIONS } from '../plan-sections';
import { WebExceptionFilter } from '../web-exception.filter';

const EMPTY_DAY = { day: '', month: '', year: '', time: '' };
const EMPTY_PLAN: PlanFormValues = {
  name: '',
  exploitationTypes: [],
  scope: '',
  startsAt: EMPTY_DAY,
  endsAt: EMPTY_DAY,
  location: { label: '', address: '', postcode: '' },
  expectedPotentialVictims: '0',
  languages: '',
  receptionCentre: '',
  classification: 'OFFICIAL-SENSITIVE',
  handlingInstruction: '',
  briefing: {},
};
/** What the plan's page says after the change that led to it. */
const BANNERS: [string, string][] = [
  ['created', 'Plan created'],
  ['saved', 'Details saved'],
  ['submitted', 'Plan submitted for review'],
  ['reviewed', 'Decision sent: the plan’s owner can see it'],
  ['started', 'The day of action is under way'],
  ['completed', 'Day of action completed: its teams are released'],
  ['cancelled', 'Plan cancelled: its teams are released'],
  ['stood-down', 'Day of action stood down: its teams are released, and its record is kept'],
  ['withdrawn', 'Plan withdrawn from review: it is a draft again'],
  ['closed', 'Evidence gathering closed'],
];

/**
 * The moves a plan's page offers, each through the page that says what will happen: exactly those
 * the plan view's `actions` allow the reader (R8), in the order a plan goes through them.
 */
const ACTION_LINKS: { offered: (actions: PlanActionsView) => boolean; path: string; text: string }[] = [
  { offered: (actions) => actions.submit, path: 'submit', text: 'Check your answers and submit the plan' },
  { offered: (actions) => actions.withdraw, path: 'withdraw', text: 'Withdraw the plan from review' },
  { offered: (actions) => actions.approve || actions.requestChanges, path: 'review', text: 'Review the plan: approve it or ask for changes' },
  { offered: (actions) => actions.start, path: 'start', text: 'Start the day of action' },
  { offered: (actions) => actions.complete, path: 'complete', text: 'Complete the day of action' },
  { offered: (actions) => actions.standDown, path: 'stand-down', text: 'Stand the day of action down' },
  { offered: (actions) => actions.cancel, path: 'cancel', text: 'Cancel the plan' },
];

function offeredActions(plan: OperationView): { path: string; text: string }[] {
  return ACTION_LINKS.filter((link) => link.offered(plan.actions)).map(({ path, text }) => ({ path, text }));
}

type DayFields = { day: string; month: string; year: string };

/** A filter date (UK midnight at the start of the day, or the end of it), or an error for the date input. */
function filterDay(name: 'from' | 'to', fields: DayFields): { iso?: string; error?: FieldError } {
  if (!fields.day && !fields.month && !fields.year) return {};
  const [d, m, y] = [fields.day, fields.month, fields.year].map((part) => (/^\d{1,4}$/.test(part) ? Number(part) : NaN));
  const instant = !Number.isNaN(d + m + y) && y >= 1000 ? ukInstant({ year: y, month: m, day: d, hour: 0, minute: 0 }) : undefined;
  const real = instant && new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d && m >= 1 && m <= 12;
  if (!real || !instant) return { error: { field: `${name}-day`, text: `The ${name === 'from' ? 'first' : 'last'} date must be a real date, for example 1 3 2027` } };
  return { iso: name === 'from' ? instant.toISOString() : new Date(instant.getTime() + 24 * 3600_000 - 1).toISOString() };
}

/** The list's filters as the form shows them, what is wrong with them, and the API's query they make. */
function listCriteria(query: Record<string, string | undefined>) {
  const text = (name: string) => (typeof query[name] === 'string' ? (query[name] as string).trim() : '');
  const day = (name: string): DayFields => ({ day: text(`${name}-day`), month: text(`${name}-month`), year: text(`${name}-year`) });
  const filters = { q: text('q'), status: text('status'), from: day('from'), to: day('to') };
  const errors: FieldError[] = [];
  const from = filterDay('from', filters.from);
  const to = filterDay('to', filters.to);
  for (const problem of [from.error, to.error]) if (problem) errors.push(problem);
  if (filters.status && !(OPERATION_STATUSES as readonly string[]).includes(filters.status)) errors.push({ field: 'status', text: 'Select a status from the list' });
  if (filters.q.length > 100) errors.push({ field: 'q', text: 'Reference or name must be 100 characters or fewer' });
  const criteria = {
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(from.iso ? { from: from.iso } : {}),
    ...(to.iso ? { to: to.iso } : {}),
  };
  return { filters, errors, criteria };
}

@ApiExcludeController()
@WebPage()
@UseFilters(WebExceptionFilter)
@Controller('plans')
export class PlansPagesController {
  constructor(
    private readonly plans: PlansService,
    private readonly editing: PlanEditingService,
    private readonly readiness: ReadinessService,
    private readonly views: PlanViewsService,
    private readonly exports: ExportsService,
  ) {}

  @Get()
  async list(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Query() query: Record<string, string | undefined>): Promise<FastifyReply> {
    const { filters, errors, criteria } = listCriteria(query);
    const cursor = typeof query.cursor === 'string' ? query.cursor.trim() : '';
    let page: OperationPage = { items: [], nextCursor: null };
    if (!errors.length) {
      try {
        page = await this.plans.list(request.user!, await validated(OperationQueryDto, { ...criteria, ...(cursor ? { cursor } : {}) }));
      } catch (error) {
        if (!isRefusal(error)) throw error;
        errors.push(...formErrors(error, { id: (field) => (field === 'cursor' ? '' : field) }));
      }
    }
    const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== 'cursor' && entry[1] !== ''));
    const withCursor = (next: string) => `/plans?${new URLSearchParams([...params, ['cursor', next]])}`;
    return render(reply, request, 'plans/plans.njk', {
      pageTitle: cursor ? 'Plans (next page)' : 'Plans',
      section: 'plans',
      filters,
      plans: page.items,
      changed: await this.views.changedSince(request.user!, page.items),
      errors,
      nextHref: page.nextCursor ? withCursor(page.nextCursor) : undefined,
      firstHref: cursor ? `/plans${params.size ? `?${params}` : ''}` : undefined,
      exportHref: `/plans/export.csv${params.size ? `?${params}` : ''}`,
      exportLimit: PLAN_EXPORT_LIMIT.toLocaleString('en-GB'),
    }, errors.length ? 400 : 200);
  }

  /** Every plan the list's filters match (not one page), as CSV; with filters in error, the list says what is wrong. */
  @Get('export.csv')
  async download(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Query() query: Record<string, string | undefined>): Promise<FastifyReply> {
    const { errors, criteria } = listCriteria(query);
    if (errors.length) return this.list(request, reply, { ...query, cursor: undefined });
    try {
      const checked = await validated(OperationQueryDto, criteria);
      return csvReply(reply, await this.exports.plans(request.user!, checked));
    } catch (error) {
      if (!isRefusal(error)) throw error;
      return this.list(request, reply, { ...query, cursor: undefined });
    }
  }

  @Get('new')
  @Roles('COORDINATOR')
  newPlan(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): FastifyReply {
    return render(reply, request, 'plans/plan-new.njk', { pageTitle: 'New plan', section: 'new', values: EMPTY_PLAN });
  }

  @Post('new')
  @Roles('COORDINATOR')
  async create(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const values = planFormValues(request.body);
    const { body, errors } = planBody(values);
    const again = (theirs: FieldError[] = []) => render(reply, request, 'plans/plan-new.njk', { pageTitle: 'New plan', section: 'new', values, errors: inFormOrder(errors, theirs) }, 400);
    try {
      const input = await validated(CreateOperationDto, body);
      if (errors.length) return again();
      const plan = await this.editing.create(request.user!, input);
      return redirect(reply, `/plans/${plan.reference}?created`);
    } catch (error) {
      if (!isRefusal(error)) throw error;
      return again(formErrors(error, PLAN_FIELDS));
    }
  }

  @Get(':reference')
  async show(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string, @Query() query: Record<string, unknown>): Promise<FastifyReply> {
    const viewer = request.user!;
    const plan = await this.plans.getByReference(viewer, reference);
    // A plan under way or ended shows its record in place of readiness: there is no next step to be ready for.
    const record = planRecord(plan);
    const [readiness] = await Promise.all([record ? null : this.readiness.readinessOf(plan), this.views.seen(viewer, plan, request)]);
    return render(reply, request, 'plans/plan.njk', {
      pageTitle: `${plan.reference}: ${plan.name}`,
      section: 'plans',
      plan,
      readiness: readiness && readinessSection(plan, readiness),
      record,
      typesText: plan.exploitationTypes.map((type) => label('exploitationType', type)).join(', '),
      activeTeams: plan.deployments.filter((deployment) => isActiveDeployment(deployment.status)).length,
      sections: SECTIONS,
      actions: offeredActions(plan),
      banner: happenedOf(request) ?? BANNERS.find(([flag]) => flag in query)?.[1],
    });
  }
}
