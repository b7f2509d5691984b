import { Check, Column, CreateDateColumn, Entity, Exclusion, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Bed } from './bed.entity';

/**
 * A hold or a stay of one senior in one bed over a period. Exclusion constraints make PostgreSQL
 * refuse a second hold or stay of the same bed at the same time, and a second bed for the same
 * senior at the same time, whatever the code does.
 */
@Entity({ schema: 'allocation', name: 'bed_occupancy' })
@Exclusion('bed_occupancy_no_overlap', 'USING gist ("bed_id" WITH =, "during" WITH &&)')
@Exclusion('bed_occupancy_one_bed_per_senior', 'USING gist ("senior_id" WITH =, "during" WITH &&)')
@Index('bed_occupancy_senior', ['seniorId'])
@Check('bed_occupancy_kind_known', `kind IN ('hold','stay')`)
export class BedOccupancy {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'bed_id', type: 'uuid' })
  bedId!: string;

  @ManyToOne(() => Bed, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'bed_id' })
  bed?: Bed;

  @Column({ name: 'senior_id', type: 'uuid' })
  seniorId!: string;

  @Column({ type: 'text' })
  kind!: 'hold' | 'stay';

  /** [from, until): an open-ended stay has no upper bound; a hold ends when it expires. */
  @Column({ type: 'tstzrange' })
  during!: string;

  /** Who ended it early and why (discharge, declined, withdrawn). */
  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
