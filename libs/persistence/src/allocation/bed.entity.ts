import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Facility } from './facility.entity';
import { Room } from './room.entity';

/**
 * A bed, with its type and equipment. It has no status column: whether it is free, held or
 * occupied is read from its occupancies, which only admissions, holds and discharges write.
 */
@Entity({ schema: 'allocation', name: 'bed' })
@Index('bed_label_per_room', ['roomId', 'label'], { unique: true })
@Index('bed_facility', ['facilityId'])
@Check('bed_type_known', `bed_type IN ('general','nursing','dementia-care')`)
export class Bed {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'room_id', type: 'uuid' })
  roomId!: string;

  @ManyToOne(() => Room, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'room_id' })
  room?: Room;

  /** Denormalised from the room, so vacancy queries per facility need no join. */
  @Column({ name: 'facility_id', type: 'uuid' })
  facilityId!: string;

  @ManyToOne(() => Facility, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'facility_id' })
  facility?: Facility;

  @Column({ type: 'text' })
  label!: string;

  /** general, nursing-type (护理型) or dementia-care (认知障碍照护). */
  @Column({ name: 'bed_type', type: 'text' })
  bedType!: 'general' | 'nursing' | 'dementia-care';

  /** A respite (喘息) short-stay bed. */
  @Column({ type: 'boolean', default: false })
  respite!: boolean;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  equipment!: string[];
}
