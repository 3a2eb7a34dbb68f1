import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth/auth-user';
import { AGENCY_KINDS, AgencyKind, Power, POWERS } from '../common/domain';
import { validationError } from '../common/validation';
import { inTransaction } from '../database/transaction';
import { AgencyKindPowersView, PutPowersDto } from './dto/powers.dto';
import { PowersRepository } from './powers.repository';

const CPS_HOLDS_NONE = 'The CPS takes part through early involvement only, never with teams, so it holds no powers';

/** The powers in the vocabulary's order. */
function ordered(powers: Iterable<Power>): Power[] {
  const held = new Set(powers);
  return POWERS.filter((power) => held.has(power));
}

function toView(kind: AgencyKind, powers: Iterable<Power>): AgencyKindPowersView {
  return { kind, powers: ordered(powers), ...(kind === 'CPS' ? { description: CPS_HOLDS_NONE } : {}) };
}

/**
 * Which kind of agency holds which power (reference data): a team is tasked only with powers
 * its agency's kind holds (POWER_NOT_HELD). Admins change them, with a reason, in the audit chain.
 * A change does not touch deployments already tasked.
 */
@Injectable()
export class PowersService {
  private readonly logger = new Logger(PowersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly powers: PowersRepository,
  ) {}

  /** Every kind of agency, in the vocabulary's order, with the powers it holds (none for some). */
  async list(): Promise<AgencyKindPowersView[]> {
    const rows = await this.powers.all(this.dataSource.manager);
    return AGENCY_KINDS.map((kind) =>
      toView(
        kind,
        rows.filter((row) => row.kind === kind).map((row) => row.power),
      ),
    );
  }

  async ofKind(kind: AgencyKind): Promise<AgencyKindPowersView> {
    return toView(kind, await this.powers.ofKind(this.dataSource.manager, kind));
  }

  /** The kind now holds exactly `input.powers`; the change and its reason are audited against what it replaced. */
  async replace(caller: AuthUser, kind: AgencyKind, input: PutPowersDto): Promise<AgencyKindPowersView> {
    if (kind === 'CPS' && input.powers.length > 0) throw validationError([{ field: 'powers', problems: [CPS_HOLDS_NONE] }]);
    const powers = ordered(input.powers);
    const before = await inTransaction(this.dataSource, async (manager) => {
      // Taken first, so that concurrent changes are applied, and audited, one after the other.
      await this.audit.serialiseReferenceChange(manager);
      const held = ordered(await this.powers.ofKind(manager, kind));
      await this.powers.replace(manager, kind, powers);
      await this.audit.appendReference(manager, {
        entity: 'powers',
        entityId: kind,
        action: 'powers.changed',
        actor: caller,
        before: { powers: held },
        after: { powers, reason: input.reason },
      });
      return held;
    });
    this.logger.log({ msg: 'powers changed', by: caller.id, kind, before, after: powers });
    return toView(kind, powers);
  }
}
