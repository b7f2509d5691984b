import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A senior's place on a district's bed waiting list. While `waiting` it is ranked by the priority
 * rules in force; `offered` while a bed is held for it; `admitted` or `withdrawn` when it ends.
 * A senior has at most one open application.
 */
@Entity({ schema: 'allocation', name: 'bed_application' })
@Index('bed_application_one_open_per_senior', ['seniorId'], { unique: true, where: `status IN ('waiting','offered')` })
@Index('bed_application_district_status', ['districtCode', 'status'])
@Index('bed_application_senior', ['seniorId'])
@Check('bed_application_kind_known', `kind IN ('long-stay','respite')`)
@Check('bed_application_status_known', `status IN ('waiting','offered','admitted','withdrawn')`)
@Check('bed_application_walk_sane', `max_walking_minutes IS NULL OR max_walking_minutes > 0`)
export class BedApplication {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'senior_id', type: 'uuid' })
  seniorId!: string;

  @Column({ name: 'district_code', type: 'text' })
  districtCode!: string;

  @Column({ type: 'text' })
  kind!: 'long-stay' | 'respite';

  /** Bed types asked for; empty: any the senior is entitled to. */
  @Column({ name: 'bed_types', type: 'text', array: true })
  bedTypes!: string[];

  /** Facilities the family would accept; empty: any within `maxWalkingMinutes` (or the district). */
  @Column({ name: 'facility_ids', type: 'uuid', array: true })
  facilityIds!: string[];

  @Column({ name: 'max_walking_minutes', type: 'integer', nullable: true })
  maxWalkingMinutes!: number | null;

  @Column({ type: 'text' })
  status!: 'waiting' | 'offered' | 'admitted' | 'withdrawn';

  @Column({ name: 'applied_at', type: 'timestamptz' })
  appliedAt!: Date;

  @Column({ name: 'closed_reason', type: 'text', nullable: true })
  closedReason!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
