import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../common/password-hashing';
import { AuthUser } from '../common/auth/auth-user';
import { definedFields } from '../common/defined';
import { DomainError } from '../common/errors/domain-error';
import { AGENCY_KIND_NOUNS } from '../common/labels';
import type { Role } from '../common/domain';
import { passwordProblems } from '../common/password-policy';
import { validationError } from '../common/validation';
import { inTransaction } from '../database/transaction';
import { issuedPasswordExpiresAt } from './issued-password';
import { Agency } from './agency.entity';
import { AgencyRepository } from './agency.repository';
import { toAgencyView } from './agencies.service';
import { CreateUserDto, UpdateUserDto, UserView } from './dto/user.dto';
import { User } from './user.entity';
import { UserRepository } from './user.repository';

export function toUserView(user: User, agency: Agency): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    active: user.active,
    passwordChangeRequired: user.passwordChangeRequired,
    agency: toAgencyView(agency),
  };
}

/** What the audit records of a user: never the password or its hash. */
function audited(user: Pick<User, 'email' | 'name' | 'agencyId' | 'roles' | 'active'>) {
  return { email: user.email, name: user.name, agencyId: user.agencyId, roles: user.roles, active: user.active };
}

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly users: UserRepository,
    private readonly agencies: AgencyRepository,
  ) {}

  async list(): Promise<UserView[]> {
    const [users, agencies] = await Promise.all([this.users.all(this.dataSource.manager), this.agencies.all(this.dataSource.manager)]);
    const byId = new Map(agencies.map((agency) => [agency.id, agency]));
    return users.map((user) => toUserView(user, byId.get(user.agencyId) as Agency));
  }

  async view(id: string): Promise<UserView> {
    const user = await this.users.find(this.dataSource.manager, id);
    if (!user) throw DomainError.notFound('User', id);
    return toUserView(user, await this.agencies.get(this.dataSource.manager, user.agencyId));
  }

  async create(caller: AuthUser, input: CreateUserDto): Promise<UserView> {
    assertPassword(input.password, input.email);
    const passwordHash = await hashPassword(input.password);
    const id = await inTransaction(this.dataSource, async (manager) => {
      await this.assertRolesFitAgency(manager, input.agencyId, input.roles);
      const { password: _password, ...fields } = definedFields(input);
      const user = await this.users.insert(manager, { ...fields, passwordHash, ...oneTime() });
      await this.audit.appendReference(manager, {
        entity: 'user',
        entityId: user.id,
        action: 'user.created',
        actor: caller,
        before: null,
        after: audited(user),
      });
      await this.auditIssued(manager, caller, user, user.passwordIssuedAt as Date);
      return user.id;
    });
    this.logger.log({ msg: 'user created', userId: id, agencyId: input.agencyId, roles: input.roles });
    return this.view(id);
  }

  /**
   * An admin changes a user. Nobody changes their own roles, agency or whether they are active
   * (another admin must), the last active admin stays one, and a change of password or of
   * authority ends everything the user holds: sessions, tokens and the calendar feed. A password
   * an admin sets is one-time, as a new user's is.
   */
  async update(caller: AuthUser, id: string, input: UpdateUserDto): Promise<UserView> {
    const changes = definedFields(input);
    await inTransaction(this.dataSource, async (manager) => {
      // First the chain's lock: changes of users queue in one order, so two admins demoting
      // each other cannot each hold one user and wait for the other (a deadlock).
      await this.audit.serialiseReferenceChange(manager);
      const user = await this.users.lock(manager, id);
      if (!user) throw DomainError.notFound('User', id);
      const next = { ...audited(user), ...changes };
      const authorityChanged =
        next.agencyId !== user.agencyId || next.active !== user.active || [...next.roles].sort().join() !== [...user.roles].sort().join();
      if (authorityChanged && caller.id === id) {
        throw DomainError.forbidden('Nobody changes their own roles, agency or access: ask another admin to do it');
      }
      if (user.active && user.roles.includes('ADMIN') && (!next.active || !next.roles.includes('ADMIN')))
        await this.assertAnotherAdmin(manager, id);
      if (changes.password !== undefined) assertPassword(changes.password, user.email);
      await this.assertRolesFitAgency(manager, next.agencyId, next.roles);
      const { password, ...fields } = changes;
      const endsTokens = authorityChanged || password !== undefined;
      const issued = oneTime();
      await this.users.update(manager, id, {
        ...fields,
        ...(password !== undefined ? { passwordHash: await hashPassword(password), ...issued } : {}),
        ...(endsTokens ? { tokenGeneration: () => 'token_generation + 1' } : {}),
      });
      if (password === undefined || Object.keys(fields).length > 0) {
        await this.audit.appendReference(manager, {
          entity: 'user',
          entityId: id,
          action: 'user.updated',
          actor: caller,
          before: audited(user),
          after: audited({ ...user, ...fields }),
        });
      }
      if (password !== undefined) await this.auditIssued(manager, caller, user, issued.passwordIssuedAt as Date);
    });
    this.logger.log({ msg: 'user updated', userId: id, by: caller.id, fields: Object.keys(changes) });
    return this.view(id);
  }

  /** Who issued a one-time password, for whom and when (the event's time): never the password. */
  private async auditIssued(manager: EntityManager, caller: AuthUser, user: Pick<User, 'id' | 'email'>, issuedAt: Date): Promise<void> {
    const expiresAt = issuedPasswordExpiresAt(issuedAt).toISOString();
    await this.audit.appendReference(manager, {
      entity: 'user',
      entityId: user.id,
      action: 'user.password_issued',
      actor: caller,
      before: null,
      after: { email: user.email, expiresAt },
    });
  }

  /** Locks every active admin, so that two admins removing each other at once cannot both succeed. */
  private async assertAnotherAdmin(manager: EntityManager, leaving: string): Promise<void> {
    const admins = await this.users.lockActiveAdmins(manager);
    if (admins.every((admin) => admin === leaving)) {
      throw new DomainError(
        'CONFLICT',
        'This is the last active admin: make another user an admin first, so that someone can still manage reference data',
      );
    }
  }

  private async assertRolesFitAgency(manager: EntityManager, agencyId: string, roles: Role[]): Promise<void> {
    const agency = await this.agencies.find(manager, agencyId);
    if (!agency)
      throw new DomainError('VALIDATION_FAILED', 'The agency chosen does not exist', {
        fields: [{ field: 'agencyId', problems: ['Choose an agency from the list'] }],
      });
    if (roles.includes('CPS_LIAISON') && agency.kind !== 'CPS') {
      throw new DomainError(
        'VALIDATION_FAILED',
        `Only users of the Crown Prosecution Service can be CPS liaisons, and ${agency.name} is ${AGENCY_KIND_NOUNS[agency.kind]}`,
        {
          fields: [{ field: 'roles', problems: ['Only a user of the Crown Prosecution Service can be a CPS liaison'] }],
        },
      );
    }
  }
}

/** What makes a password one an admin issued: its user must replace it, within 72 hours of now. */
function oneTime(): Pick<User, 'passwordChangeRequired' | 'passwordIssuedAt'> {
  return { passwordChangeRequired: true, passwordIssuedAt: new Date() };
}

function assertPassword(password: string, email: string): void {
  const problems = passwordProblems(password, email);
  if (problems.length) throw validationError([{ field: 'password', problems }]);
}
