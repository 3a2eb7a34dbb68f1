import { Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { WebPage } from '../../common/auth/decorators';
import { DomainError } from '../../common/errors/domain-error';
import { label } from '../../common/labels';
import { RiskDto, RiskView } from '../../operations/dto/order.dto';
import { UpdateOperationDto } from '../../operations/dto/operation.dto';
import type { OperationView } from '../../operations/dto/plan-view.dto';
import { PlanEditingService } from '../../operations/plan-editing.service';
import { checkedBody, FieldMap, validated } from '../form-errors';
import { formText } from '../forms';
import { inOrder } from '../order-form';
import { FieldError } from '../page';
import { PlanContext } from '../plan-context';
import { Conflict, formVersion, PlanPages } from '../plan-page';
import { WebExceptionFilter } from '../web-exception.filter';

/** The risk form as typed: kept when it comes back with errors. */
type RiskFormValues = {
  hazard: string;
  hazardDetail: string;
  likelihood: string;
  impact: string;
  controls: string;
  residual: string;
  owner: string;
  acceptedBy: string;
  /** 'yes' when ticked: the risk was derived from intelligence (R14a). */
  intelligenceDerived: string;
};

/** The form's fields in the order they appear (each id is the API's field name). */
const RISK_FORM_ORDER = ['hazard', 'hazardDetail', 'likelihood', 'impact', 'controls', 'residual', 'owner', 'acceptedBy', 'intelligenceDerived'] as const;
const MAX_RISKS = 50;
const EMPTY: RiskFormValues = { hazard: '', hazardDetail: '', likelihood: '', impact: '', controls: '', residual: '', owner: '', acceptedBy: '', intelligenceDerived: '' };
/** Highest residual first. */
const RESIDUAL_RANK: Record<string, number> = { HIGH: 0, MEDIUM: 1, LOW: 2 };

/** The API's fields of the risk at `index` → the form's; a problem of another risk goes in the error summary alone. */
function riskFields(index: number): FieldMap {
  return {
    id: (field) => {
      const match = /^risks\.(\d+)\.(\w+)/.exec(field);
      if (!match || Number(match[1]) !== index) return '';
      return (RISK_FORM_ORDER as readonly string[]).includes(match[2]) ? match[2] : '';
    },
    messages: {
      hazard: 'Select the hazard',
      likelihood: 'Select how likely the hazard is, from 1 (very unlikely) to 5 (almost certain)',
      impact: 'Select how bad the harm would be, from 1 (very low) to 5 (very high)',
      residual: 'Select the residual rating: how high the risk is once the controls are in place',
    },
  };
}

function riskFormValues(form: unknown): RiskFormValues {
  return Object.fromEntries(RISK_FORM_ORDER.map((field) => [field, field === 'likelihood' || field === 'impact' ? formText(form, field).trim() : formText(form, field)])) as unknown as RiskFormValues;
}

/** The risk form's fields as the plan holds them now: the risk at `index`, or none to add one. */
function riskAt(index: number | undefined): (plan: OperationView) => RiskFormValues {
  return (plan) => (index === undefined || !plan.risks[index] ? EMPTY : riskFormValuesOf(plan.risks[index]));
}

const RISK_LABELS: Record<keyof RiskFormValues, string> = {
  hazard: 'Hazard',
  hazardDetail: 'Description of the hazard',
  likelihood: 'Likelihood',
  impact: 'Impact',
  controls: 'Control measures',
  residual: 'Residual rating',
  owner: 'Risk owner',
  acceptedBy: 'Senior officer accepting this risk',
  intelligenceDerived: 'Derived from intelligence',
};

function riskFormValuesOf(risk: RiskView): RiskFormValues {
  return {
    ...risk,
    hazardDetail: risk.hazardDetail ?? '',
    likelihood: String(risk.likelihood),
    impact: String(risk.impact),
    acceptedBy: risk.acceptedBy ?? '',
    intelligenceDerived: risk.intelligenceDerived ? 'yes' : '',
  };
}

/** A 1–5 score as the API takes it: a number when typed as one, else as typed, for the API to refuse. */
const scoreOf = (text: string): number | string | undefined => (/^\d{1,3}$/.test(text) ? Number(text) : text || undefined);

/** The form's risk as the API takes it: a description only for Other (with JavaScript off every field is posted). */
function riskBody(values: RiskFormValues): Record<string, unknown> {
  return {
    hazard: values.hazard || undefined,
    hazardDetail: values.hazard === 'OTHER' ? values.hazardDetail : null,
    likelihood: scoreOf(values.likelihood),
    impact: scoreOf(values.impact),
    controls: values.controls,
    residual: values.residual || undefined,
    owner: values.owner,
    acceptedBy: values.acceptedBy,
    intelligenceDerived: values.intelligenceDerived === 'yes',
  };
}

/** A stored risk, sent back whole with the register: nothing about it changes. */
function storedRisk(risk: RiskView): RiskDto {
  const { hazard, hazardDetail, likelihood, impact, controls, residual, owner, acceptedBy, intelligenceDerived } = risk;
  return { hazard, hazardDetail, likelihood, impact, controls, residual, owner, acceptedBy, intelligenceDerived };
}

function hazardName(risk: Pick<RiskView, 'hazard' | 'hazardDetail'>): string {
  return risk.hazard === 'OTHER' ? risk.hazardDetail || label('hazard', 'OTHER') : label('hazard', risk.hazard);
}

/** The risk register of a plan: each hazard, how likely and how bad, its controls, the residual rating and who owns and accepts it. */
@ApiExcludeController()
@WebPage()
@UseFilters(WebExceptionFilter)
@Controller('plans/:reference')
export class PlanRisksController {
  constructor(
    private readonly pages: PlanPages,
    private readonly editing: PlanEditingService,
  ) {}

  @Get('risks')
  risks(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @PlanContext() context: PlanContext, @Query('change') change?: string): FastifyReply {
    const index = change !== undefined && /^\d{1,2}$/.test(change) && Number(change) < context.plan.risks.length ? Number(change) : undefined;
    const values = riskAt(index)(context.plan);
    return this.draw(reply, request, this.pages.editing(context, values), values, index, []);
  }

  /**
   * Adds, changes or removes one risk. The API replaces the whole register, so every other risk
   * goes back as stored, in its place: entries are addressed by their place in the register; and
   * of the one changed, only what the person changed (R10).
   */
  @Post('risks')
  async save(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string): Promise<FastifyReply> {
    const remove = formText(request.body, 'remove');
    const indexText = remove || formText(request.body, 'index');
    if (remove) return this.remove(request, reply, reference, indexText);
    const index = /^\d{1,2}$/.test(indexText) ? Number(indexText) : undefined;
    const redraw = (errors: FieldError[], context: PlanContext, values: RiskFormValues, conflict?: Conflict) =>
      this.draw(reply, request, context, values, index, inOrder([...RISK_FORM_ORDER], errors), conflict);
    const save = async (values: RiskFormValues, _mine: (keyof RiskFormValues)[], plan: OperationView): Promise<FieldError[] | void> => {
      const risks: Record<string, unknown>[] = plan.risks.map(storedRisk) as unknown as Record<string, unknown>[];
      if (index !== undefined && index >= risks.length) return [{ field: '', text: 'That risk is no longer in the register: the list below is up to date' }];
      if (index === undefined && risks.length >= MAX_RISKS) return [{ field: '', text: `The register holds up to ${MAX_RISKS} risks: remove one before adding another` }];
      const at = index ?? risks.length;
      risks[at] = riskBody(values);
      const checked = await checkedBody(UpdateOperationDto, { version: plan.version, risks }, [], riskFields(at), (ours, theirs = []) => [...ours, ...theirs]);
      if (checked.errors) return checked.errors;
      await this.editing.update(request.user!, plan.id, checked.input);
    };
    const form = {
      current: riskAt(index),
      posted: riskFormValues(request.body),
      labels: RISK_LABELS,
      fields: (plan: OperationView) => riskFields(index ?? plan.risks.length),
      creates: index === undefined,
    };
    return this.pages.edit(request, reply, reference, form, save, redraw, `/plans/${reference}/risks`);
  }

  /** Before a risk is removed: what removing it will do. */
  @Get('risks/:index/remove')
  async removePage(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('reference') reference: string, @Param('index') index: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const at = /^\d{1,2}$/.test(index) && Number(index) < context.plan.risks.length ? Number(index) : undefined;
    if (at === undefined) throw DomainError.notFound('Risk', index);
    const risk = context.plan.risks[at];
    return this.pages.confirmPage(
      request,
      reply,
      context,
      {
        title: `Remove the risk: ${hazardName(risk)}`,
        doing: `Removing ${hazardName(risk)} takes it out of the risk register with its control measures${risk.acceptedBy ? ` and ${risk.acceptedBy}’s acceptance` : ''}.`,
        action: `/plans/${reference}/risks`,
        fields: { remove: String(at) },
        button: 'Remove the risk',
        back: `/plans/${reference}/risks`,
      },
      (plan) => {
        const risks = plan.risks.map(storedRisk).filter((_risk, position) => position !== at);
        return validated(UpdateOperationDto, { version: plan.version, risks }).then((input) => this.editing.update(request.user!, plan.id, input));
      },
    );
  }

  private async remove(request: AuthenticatedRequest, reply: FastifyReply, reference: string, indexText: string): Promise<FastifyReply> {
    const context = await this.pages.load(request, reference);
    const index = /^\d{1,2}$/.test(indexText) && Number(indexText) < context.plan.risks.length ? Number(indexText) : undefined;
    const redraw = (errors: FieldError[], now: PlanContext, conflict?: unknown) => this.draw(reply, request, now, EMPTY, undefined, errors, conflict);
    if (index === undefined) return redraw([{ field: '', text: 'That risk is no longer in the register: the list below is up to date' }], context);
    const risks = context.plan.risks.map(storedRisk);
    risks.splice(index, 1);
    const removeRisk = () => validated(UpdateOperationDto, { version: formVersion(request), risks }).then((input) => this.editing.update(request.user!, context.plan.id, input));
    return this.pages.change(request, reply, context, riskFields(-1), removeRisk, redraw, `/plans/${reference}/risks`);
  }

  private draw(reply: FastifyReply, request: AuthenticatedRequest, context: PlanContext, values: RiskFormValues, index: number | undefined, errors: FieldError[], conflict?: unknown): FastifyReply {
    const register = context.plan.risks
      .map((risk, at) => ({ ...risk, index: at, name: hazardName(risk) }))
      .sort((a, b) => RESIDUAL_RANK[a.residual] - RESIDUAL_RANK[b.residual] || b.score - a.score || a.index - b.index);
    const unaccepted = register.filter((risk) => risk.residual === 'HIGH' && !risk.acceptedBy?.trim()).map((risk) => risk.name);
    return this.pages.draw(reply, request, 'risks.njk', 'Risk assessment', context, { register, unaccepted, values, index, errors, conflict, width: 'full' }, errors.length ? 400 : 200);
  }
}
