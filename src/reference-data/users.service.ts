import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../auth/password';
import { definedFields } from '../common/defined';
import { DomainError } from '../common/errors/domain-error';
import type { Role } from '../common/domain';
import { Agency } from './agency.entity';
import { toAgencyView } from './agencies.service';
import { CreateUserDto, UpdateUserDto, UserView } from './dto/user.dto';
import { User } from './user.entity';

export function toUserView(user: User, agency: Agency): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    active: user.active,
    agency: toAgencyView(agency),
  };
}

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(): Promise<UserView[]> {
    const [users, agencies] = await Promise.all([
      this.dataSource.getRepository(User).find({ order: { email: 'ASC' } }),
      this.dataSource.getRepository(Agency).find(),
    ]);
    const byId = new Map(agencies.map((agency) => [agency.id, agency]));
    return users.map((user) => toUserView(user, byId.get(user.agencyId) as Agency));
  }

  async view(id: string): Promise<UserView> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user) throw DomainError.notFound('User', id);
    const agency = await this.dataSource.getRepository(Agency).findOneByOrFail({ id: user.agencyId });
    return toUserView(user, agency);
  }

  async create(input: CreateUserDto): Promise<UserView> {
    const passwordHash = await hashPassword(input.password);
    const id = await this.dataSource.transaction(async (manager) => {
      await this.assertRolesFitAgency(manager, input.agencyId, input.roles);
      const repository = manager.getRepository(User);
      const { password: _password, ...fields } = input;
      const user = await repository.save(repository.create({ ...fields, passwordHash }));
      return user.id;
    });
    this.logger.log({ msg: 'user created', userId: id, agencyId: input.agencyId, roles: input.roles });
    return this.view(id);
  }

  async update(id: string, input: UpdateUserDto): Promise<UserView> {
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(User);
      const user = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw DomainError.notFound('User', id);
      await this.assertRolesFitAgency(manager, input.agencyId ?? user.agencyId, input.roles ?? user.roles);
      const { password: _password, ...fields } = definedFields(input);
      await repository.update({ id }, passwordHash ? { ...fields, passwordHash } : fields);
    });
    this.logger.log({ msg: 'user updated', userId: id, fields: Object.keys(definedFields(input)) });
    return this.view(id);
  }

  private async assertRolesFitAgency(manager: EntityManager, agencyId: string, roles: Role[]): Promise<void> {
    const agency = await manager.getRepository(Agency).findOneBy({ id: agencyId });
    if (!agency) throw new DomainError('VALIDATION_FAILED', `Agency ${agencyId} does not exist`, { fields: [{ field: 'agencyId', problems: ['agency does not exist'] }] });
    if (roles.includes('CPS_LIAISON') && agency.kind !== 'CPS') {
      throw new DomainError('VALIDATION_FAILED', `CPS_LIAISON is only for users of a CPS agency; ${agency.code} is ${agency.kind}`, {
        fields: [{ field: 'roles', problems: ['CPS_LIAISON needs a CPS agency'] }],
      });
    }
  }
}
