import { randomBytes } from 'node:crypto';
import { Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { Roles, WebPage } from '../../common/auth/decorators';
import { PutPolicyRulesDto } from '../../lead-policy/dto/policy-rule.dto';
import { PolicyService } from '../../lead-policy/policy.service';
import { AuditService } from '../../audit/audit.service';
import { ReferenceEventQueryDto } from '../../audit/dto/audit.dto';
import { historyEntries } from '../history-view';
import { readableReferenceEntry } from './powers-audit';
import { AgenciesService } from '../../reference-data/agencies.service';
import { CreateAgencyDto, UpdateAgencyDto } from '../../reference-data/dto/agency.dto';
import { CreateUserDto, UpdateUserDto } from '../../reference-data/dto/user.dto';
import { UsersService } from '../../reference-data/users.service';
import { formErrors, isRefusal, validated } from '../form-errors';
import { REFERENCE_FIELDS as FIELDS, saveThen, savedNow } from './reference-forms';
import { formList, formText } from '../forms';
import { FieldError, render } from '../page';
import { WebExceptionFilter } from '../web-exception.filter';


type Values = Record<string, string | string[]>;

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
  async agenciesPage(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Query('change') change?: string): Promise<FastifyReply> {
    const agencies = await this.agencies.list();
    const editing = agencies.find((agency) => agency.id === change);
    return this.drawAgencies(reply, request, editing ? { id: editing.id, code: editing.code, name: editing.name, kind: editing.kind } : {}, []);
  }

  @Post('agencies')
  async saveAgency(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const values = { id: formText(request.body, 'id'), code: formText(request.body, 'code').trim().toUpperCase(), name: formText(request.body, 'name'), kind: formText(request.body, 'kind') };
    const body = { code: values.code, name: values.name, kind: values.kind };
    return saveThen(reply, () => (values.id ? validated(UpdateAgencyDto, body).then((input) => this.agencies.update(request.user!, values.id, input)) : validated(CreateAgencyDto, body).then((input) => this.agencies.create(request.user!, input))), '/admin/agencies', (errors) =>
      this.drawAgencies(reply, request, values, errors),
    );
  }

  private async drawAgencies(reply: FastifyReply, request: AuthenticatedRequest, values: Values, errors: FieldError[]): Promise<FastifyReply> {
    return render(reply, request, 'admin/agencies.njk', { pageTitle: 'Agencies', section: 'admin', agencies: await this.agencies.list(), values, errors, saved: savedNow(request, 'Agency saved') }, errors.length ? 400 : 200);
  }

  @Get('users')
  async usersPage(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Query('change') change?: string): Promise<FastifyReply> {
    const users = await this.users.list();
    const editing = users.find((user) => user.id === change);
    return this.drawUsers(reply, request, editing ? { id: editing.id, email: editing.email, name: editing.name, agencyId: editing.agency.id, roles: editing.roles, active: String(editing.active) } : { roles: [] }, []);
  }

  /** A new user gets an initial password, shown once on the next page and never again; a changed user keeps theirs. */
  @Post('users')
  async saveUser(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const values = { id: formText(request.body, 'id'), email: formText(request.body, 'email').trim(), name: formText(request.body, 'name'), agencyId: formText(request.body, 'agencyId'), roles: formList(request.body, 'roles'), active: formText(request.body, 'active') };
    const redraw = (errors: FieldError[]) => this.drawUsers(reply, request, values, errors);
    const password = randomBytes(18).toString('base64url');
    if (values.id) {
      // A forgotten password is replaced by a new initial one, shown once like a new user's.
      const reset = formText(request.body, 'newPassword') === 'yes';
      const changes = { name: values.name, agencyId: values.agencyId, roles: values.roles, active: values.active !== 'false', ...(reset ? { password } : {}) };
      if (!reset) return saveThen(reply, () => validated(UpdateUserDto, changes).then((input) => this.users.update(request.user!, values.id, input)), '/admin/users', redraw);
      try {
        const user = await this.users.update(request.user!, values.id, await validated(UpdateUserDto, changes));
        return render(reply, request, 'admin/user-created.njk', { pageTitle: 'New one-time password', section: 'admin', created: user, password, reset: true });
      } catch (error) {
        if (!isRefusal(error)) throw error;
        return redraw(formErrors(error, FIELDS));
      }
    }
    try {
      const input = await validated(CreateUserDto, { email: values.email, name: values.name, agencyId: values.agencyId, roles: values.roles, password });
      const user = await this.users.create(request.user!, input);
      return render(reply, request, 'admin/user-created.njk', { pageTitle: 'User added', section: 'admin', created: user, password });
    } catch (error) {
      if (!isRefusal(error)) throw error;
      return redraw(formErrors(error, FIELDS));
    }
  }

  private async drawUsers(reply: FastifyReply, request: AuthenticatedRequest, values: Values, errors: FieldError[]): Promise<FastifyReply> {
    const [users, agencies] = await Promise.all([this.users.list(), this.agencies.list()]);
    return render(reply, request, 'admin/users.njk', { pageTitle: 'Users', section: 'admin', users, agencies, values, errors, saved: savedNow(request, 'User saved') }, errors.length ? 400 : 200);
  }

  /** The reference-data history (who changed what, before → after), a page at a time, and a check of every audit chain. */
  @Get('audit')
  async auditPage(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Query('cursor') cursor?: string, @Query('verify') verify?: string): Promise<FastifyReply> {
    const query = await validated(ReferenceEventQueryDto, { limit: 50, ...(cursor && /^\d{1,10}$/.test(cursor) ? { cursor } : {}) });
    const [page, verified] = await Promise.all([this.audit.referenceEvents(query), verify !== undefined ? this.audit.verify() : Promise.resolve(undefined)]);
    const entries = historyEntries(page.items);
    return render(reply, request, 'admin/audit.njk', {
      pageTitle: cursor ? 'Audit (older changes)' : 'Audit',
      section: 'admin',
      entries: entries.map((entry, index) => ({ ...readableReferenceEntry(entry, page.items[index]), entity: page.items[index].entity })),
      verified,
      nextHref: page.nextCursor ? `/admin/audit?cursor=${page.nextCursor}` : undefined,
    });
  }

  @Get('policy')
  async policyPage(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Query('change') change?: string): Promise<FastifyReply> {
    const rules = await this.policy.list();
    const editing = rules.find((rule) => `${rule.agencyKind}:${rule.role}` === change);
    const values = editing
      ? { rule: change!, permitted: String(editing.permitted), allowedScopes: editing.allowedScopes ?? [], exploitationTypesWithin: editing.exploitationTypesWithin ?? [], exploitationTypesAnyOf: editing.exploitationTypesAnyOf ?? [] }
      : undefined;
    return this.drawPolicy(reply, request, values, []);
  }

  /** One rule changed, the others kept: the whole policy is replaced through the API's validation (and its audit). */
  @Post('policy')
  async savePolicy(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const values = {
      rule: formText(request.body, 'rule'),
      permitted: formText(request.body, 'permitted'),
      allowedScopes: formList(request.body, 'allowedScopes'),
      exploitationTypesWithin: formList(request.body, 'exploitationTypesWithin'),
      exploitationTypesAnyOf: formList(request.body, 'exploitationTypesAnyOf'),
      reason: formText(request.body, 'reason'),
    };
    const [agencyKind, role] = values.rule.split(':');
    const orNull = (list: string[]) => (list.length ? list : null);
    const changed = { agencyKind, role, permitted: values.permitted === 'true', allowedScopes: orNull(values.allowedScopes), exploitationTypesWithin: orNull(values.exploitationTypesWithin), exploitationTypesAnyOf: orNull(values.exploitationTypesAnyOf) };
    const rules = (await this.policy.list()).map(({ description: _words, ...rule }) => (rule.agencyKind === agencyKind && rule.role === role ? changed : rule));
    return saveThen(reply, () => validated(PutPolicyRulesDto, { rules, reason: values.reason }).then((input) => this.policy.replace(request.user!, input.rules, input.reason)), '/admin/policy', (errors) =>
      this.drawPolicy(reply, request, values, errors.map((error) => ({ ...error, field: error.field === 'reason' ? 'reason' : error.field.replace(/^rules\.\d+\.?/, '') || 'permitted' }))),
    );
  }

  private async drawPolicy(reply: FastifyReply, request: AuthenticatedRequest, values: Values | undefined, errors: FieldError[]): Promise<FastifyReply> {
    return render(reply, request, 'admin/policy.njk', { pageTitle: 'Lead and support policy', section: 'admin', rules: await this.policy.list(), values, errors, saved: savedNow(request, 'Policy saved: the change and its reason are in the reference data’s history') }, errors.length ? 400 : 200);
  }
}
