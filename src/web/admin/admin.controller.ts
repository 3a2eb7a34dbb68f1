import { randomBytes } from 'node:crypto';
import { Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { AuthUser } from '../../common/auth/auth-user';
import { Roles, WebPage } from '../../common/auth/decorators';
import { PutPolicyRulesDto } from '../../lead-policy/dto/policy-rule.dto';
import { PolicyService } from '../../lead-policy/policy.service';
import { AuditService } from '../../audit/audit.service';
import { ReferenceEventQueryDto } from '../../audit/dto/audit.dto';
import { AgenciesService } from '../../reference-data/agencies.service';
import { CreateAgencyDto, UpdateAgencyDto } from '../../reference-data/dto/agency.dto';
import { CreateUserDto, UpdateUserDto, UserView } from '../../reference-data/dto/user.dto';
import { UsersService } from '../../reference-data/users.service';
import { formErrors, refusalOf, validated } from '../form-errors';
import { FieldError, render } from '../page';
import { WebExceptionFilter } from '../web-exception.filter';
import {
  agencyForm,
  newUser,
  policyForm,
  policyFormErrors,
  policyWithChange,
  userChanges,
  userForm,
  UserValues,
  Values,
} from './admin.form';
import { agencyValuesOf, auditQuery, auditView, passwordShownView, policyValuesOf, userValuesOf } from './admin.view';
import { REFERENCE_FIELDS as FIELDS, saveThen, savedNow } from './reference-forms';

/**
 * Reference data for admins (DESIGN §6): agencies, users and the lead and support policy (teams: TeamsPagesController),
 * through the same services and validation as the API. Admins see no operations.
 */
@ApiExcludeController()
@WebPage()
@Roles('ADMIN')
@UseFilters(WebExceptionFilter)
@Controller('admin')
export class AdminController {
  constructor(
    private readonly agencies: AgenciesService,
    private readonly users: UsersService,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  index(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): FastifyReply {
    return render(reply, request, 'admin/index.njk', { pageTitle: 'Admin', section: 'admin' });
  }

  @Get('agencies')
  async agenciesPage(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Query('change') change?: string,
  ): Promise<FastifyReply> {
    const editing = (await this.agencies.list()).find((agency) => agency.id === change);
    return this.drawAgencies(reply, request, agencyValuesOf(editing), []);
  }

  @Post('agencies')
  async saveAgency(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const { values, body } = agencyForm(request.body);
    const save = () =>
      values.id
        ? validated(UpdateAgencyDto, body).then((input) => this.agencies.update(request.user!, values.id, input))
        : validated(CreateAgencyDto, body).then((input) => this.agencies.create(request.user!, input));
    return saveThen(reply, save, '/admin/agencies', (errors) => this.drawAgencies(reply, request, values, errors));
  }

  private async drawAgencies(
    reply: FastifyReply,
    request: AuthenticatedRequest,
    values: Values,
    errors: FieldError[],
  ): Promise<FastifyReply> {
    const agencies = await this.agencies.list();
    return render(
      reply,
      request,
      'admin/agencies.njk',
      { pageTitle: 'Agencies', section: 'admin', agencies, values, errors, saved: savedNow(request, 'Agency saved') },
      errors.length ? 400 : 200,
    );
  }

  @Get('users')
  async usersPage(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Query('change') change?: string,
  ): Promise<FastifyReply> {
    const editing = (await this.users.list()).find((user) => user.id === change);
    return this.drawUsers(reply, request, userValuesOf(editing), []);
  }

  /** A new user gets an initial password, shown once on the next page and never again; a changed user keeps theirs. */
  @Post('users')
  async saveUser(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const { values, reset } = userForm(request.body);
    const redraw = (errors: FieldError[]) => this.drawUsers(reply, request, values, errors);
    if (values.id && !reset) return saveThen(reply, () => this.changeUser(request.user!, values), '/admin/users', redraw);
    const password = randomBytes(18).toString('base64url');
    try {
      const user = await this.withPassword(request.user!, values, password);
      return render(reply, request, 'admin/user-created.njk', passwordShownView(user, password, reset));
    } catch (thrown) {
      const error = refusalOf(thrown);
      if (!error) throw thrown;
      return redraw(formErrors(error, FIELDS));
    }
  }

  /** Changes a user as the API does, their password kept. */
  private async changeUser(viewer: AuthUser, values: UserValues): Promise<UserView> {
    return this.users.update(viewer, values.id, await validated(UpdateUserDto, userChanges(values)));
  }

  /** Adds the user with `password` as their initial one; or, for a forgotten password, gives the user it as a new one-time password. */
  private async withPassword(viewer: AuthUser, values: UserValues, password: string): Promise<UserView> {
    if (values.id) return this.users.update(viewer, values.id, await validated(UpdateUserDto, { ...userChanges(values), password }));
    return this.users.create(viewer, await validated(CreateUserDto, newUser(values, password)));
  }

  private async drawUsers(reply: FastifyReply, request: AuthenticatedRequest, values: Values, errors: FieldError[]): Promise<FastifyReply> {
    const [users, agencies] = await Promise.all([this.users.list(), this.agencies.list()]);
    return render(
      reply,
      request,
      'admin/users.njk',
      { pageTitle: 'Users', section: 'admin', users, agencies, values, errors, saved: savedNow(request, 'User saved') },
      errors.length ? 400 : 200,
    );
  }

  /** The reference-data history (who changed what, before → after), a page at a time, and a check of every audit chain. */
  @Get('audit')
  async auditPage(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Query('cursor') cursor?: string,
    @Query('verify') verify?: string,
  ): Promise<FastifyReply> {
    const query = await validated(ReferenceEventQueryDto, auditQuery(cursor));
    const [page, verified] = await Promise.all([this.audit.referenceEvents(query), verify !== undefined ? this.audit.verify() : undefined]);
    return render(reply, request, 'admin/audit.njk', auditView(page, verified, cursor));
  }

  @Get('policy')
  async policyPage(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Query('change') change?: string,
  ): Promise<FastifyReply> {
    return this.drawPolicy(reply, request, policyValuesOf(await this.policy.list(), change), []);
  }

  /** One rule changed, the others kept: the whole policy is replaced through the API's validation (and its audit). */
  @Post('policy')
  async savePolicy(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const values = policyForm(request.body);
    const rules = policyWithChange(await this.policy.list(), values);
    const save = () =>
      validated(PutPolicyRulesDto, { rules, reason: values.reason }).then((input) =>
        this.policy.replace(request.user!, input.rules, input.reason),
      );
    return saveThen(reply, save, '/admin/policy', (errors) => this.drawPolicy(reply, request, values, policyFormErrors(errors)));
  }

  private async drawPolicy(
    reply: FastifyReply,
    request: AuthenticatedRequest,
    values: Values | undefined,
    errors: FieldError[],
  ): Promise<FastifyReply> {
    const saved = savedNow(request, 'Policy saved: the change and its reason are in the reference data’s history');
    return render(
      reply,
      request,
      'admin/policy.njk',
      { pageTitle: 'Lead and support policy', section: 'admin', rules: await this.policy.list(), values, errors, saved },
      errors.length ? 400 : 200,
    );
  }
}
