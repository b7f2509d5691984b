import { Check, Column, CreateDateColumn, Entity, Exclusion, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Bed } from './bed.entity';

/**
 * A hold or a stay of one senior in one bed over a period. The exclusion constraint makes
 * PostgreSQL refuse a second hold or stay of the same bed at the same time, whatever the code does.
 */
@Entity({ schema: 'allocation', name: 'bed_occupancy' })
@Exclusion('bed_occupancy_no_overlap', 'USING gist ("bed_id" WITH =, "during" WITH &&)')
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
