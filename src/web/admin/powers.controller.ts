import { Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { Roles, WebPage } from '../../common/auth/decorators';
import { AGENCY_KINDS, AgencyKind } from '../../common/domain';
import { DomainError } from '../../common/errors/domain-error';
import { label } from '../../common/labels';
import { PutPowersDto } from '../../reference-data/dto/powers.dto';
import { PowersService } from '../../reference-data/powers.service';
import { validated } from '../form-errors';
import { FieldError, render } from '../page';
import { WebExceptionFilter } from '../web-exception.filter';
import { powersForm } from './admin.form';
import { powersBanner } from './admin.view';
import { saveThen } from './reference-forms';

/** A kind of agency in the address, or the 404 page. */
function kindOf(value: string): AgencyKind {
  if ((AGENCY_KINDS as readonly string[]).includes(value)) return value as AgencyKind;
  throw DomainError.notFound('Kind of agency', value);
}

/**
 * Which kind of agency holds which power (DESIGN §6, issue 16): admins change one kind at a time,
 * with a reason, through the API's validation and audit. Teams already tasked keep their powers.
 */
@ApiExcludeController()
@WebPage()
@Roles('ADMIN')
@UseFilters(WebExceptionFilter)
@Controller('admin/powers')
export class AdminPowersController {
  constructor(private readonly powers: PowersService) {}

  @Get()
  async list(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Query('changed') changed?: string): Promise<FastifyReply> {
    return render(reply, request, 'admin/powers.njk', {
      pageTitle: 'Powers',
      section: 'admin',
      kinds: await this.powers.list(),
      banner: powersBanner(changed),
    });
  }

  @Get(':kind')
  async form(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('kind') param: string): Promise<FastifyReply> {
    const kind = kindOf(param);
    return this.draw(reply, request, kind, { powers: (await this.powers.ofKind(kind)).powers, reason: '' }, []);
  }

  @Post(':kind')
  async save(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('kind') param: string): Promise<FastifyReply> {
    const kind = kindOf(param);
    const values = powersForm(request.body);
    return saveThen(
      reply,
      () => validated(PutPowersDto, values).then((input) => this.powers.replace(request.user!, kind, input)),
      `/admin/powers?changed=${kind}`,
      // The CPS's page has no form (R2): its refusal is the page's, not a field's.
      async (errors) => this.draw(reply, request, kind, values, kind === 'CPS' ? errors.map((error) => ({ ...error, field: '' })) : errors),
    );
  }

  private draw(
    reply: FastifyReply,
    request: AuthenticatedRequest,
    kind: AgencyKind,
    values: { powers: string[]; reason: string },
    errors: FieldError[],
  ): FastifyReply {
    return render(
      reply,
      request,
      'admin/powers-change.njk',
      { pageTitle: `Powers of ${label('agencyKind', kind)}`, section: 'admin', kind, values, errors },
      errors.length ? 400 : 200,
    );
  }
}
