import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '../common/domain';

@Entity({ name: 'users' })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @Column({ type: 'text', array: true })
  roles: Role[];

  /** Never selected unless asked for by name: only the login path reads it. */
  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Tokens, sessions and the calendar feed carry it; bumped when the password or the user's authority changes, which ends all of them. */
  @Column({ name: 'token_generation', type: 'int', default: 1 })
  tokenGeneration: number;

  /** Set while the user still signs in with a password an admin issued: they must set their own before anything else. */
  @Column({ name: 'password_change_required', type: 'boolean', default: false })
  passwordChangeRequired: boolean;

  /** When an admin last issued this user a one-time password (it stops signing in 72 hours later). */
  @Column({ name: 'password_issued_at', type: 'timestamptz', nullable: true })
  passwordIssuedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
