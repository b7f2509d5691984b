import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { JsonDocument } from '../json-document';

/**
 * A caregiver (养老护理员) of the district's home care: the domain's Caregiver profile (gender,
 * certification, skills, languages, home base, travel mode, working days and hours, weekly maximum,
 * days off), and the account they sign in with to see and verify their own visits.
 */
@Entity({ schema: 'dispatch', name: 'caregiver' })
@Index('caregiver_district', ['districtCode'])
@Index('caregiver_account', ['accountId'], { unique: true, where: 'account_id IS NOT NULL' })
export class CaregiverRecord {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'district_code', type: 'text' })
  districtCode!: string;

  @Column({ name: 'account_id', type: 'uuid', nullable: true })
  accountId!: string | null;

  @Column({ type: 'text' })
  name!: string;

  /** The domain's Caregiver without its id. */
  @Column({ type: 'jsonb' })
  profile!: JsonDocument;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
