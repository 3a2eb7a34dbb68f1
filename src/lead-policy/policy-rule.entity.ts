import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AgencyKind, ExploitationType, PolicyRole, Scope } from '../common/domain';

/**
 * One row per agency kind and role (LEAD or SUPPORT). A null condition means
 * "no restriction"; `permitted = false` forbids the role outright.
 */
@Entity({ name: 'policy_rules' })
export class PolicyRule {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'agency_kind', type: 'text' })
  agencyKind: AgencyKind;

  @Column({ type: 'text' })
  role: PolicyRole;

  @Column({ type: 'boolean' })
  permitted: boolean;

  /** The operation's scope must be one of these. */
  @Column({ name: 'allowed_scopes', type: 'text', array: true, nullable: true })
  allowedScopes: Scope[] | null;

  /** Every exploitation type of the operation must be one of these. */
  @Column({ name: 'exploitation_types_within', type: 'text', array: true, nullable: true })
  exploitationTypesWithin: ExploitationType[] | null;

  /** At least one exploitation type of the operation must be one of these. */
  @Column({ name: 'exploitation_types_any_of', type: 'text', array: true, nullable: true })
  exploitationTypesAnyOf: ExploitationType[] | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;
}
