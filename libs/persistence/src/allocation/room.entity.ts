import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Facility } from './facility.entity';

/** A room of a residential facility, with the gender rule every bed in it follows. */
@Entity({ schema: 'allocation', name: 'room' })
@Index('room_name_per_facility', ['facilityId', 'name'], { unique: true })
@Check('room_gender_rule_known', `gender_rule IN ('female','male','any')`)
export class Room {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'facility_id', type: 'uuid' })
  facilityId!: string;

  @ManyToOne(() => Facility, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'facility_id' })
  facility?: Facility;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'gender_rule', type: 'text' })
  genderRule!: 'female' | 'male' | 'any';
}
