import { Check, Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryColumn } from 'typeorm';
import type { Point } from 'typeorm';
import { SeniorPriorityFlag } from './senior-priority-flag.entity';

/**
 * A registered senior, owned by the assessment service. The ID number is stored only as the
 * gateway's ciphertext and keyed hash; this service never sees it in clear.
 */
@Entity({ schema: 'assessment', name: 'senior' })
@Check('senior_sex_known', `sex IN ('female','male')`)
@Check('senior_living_arrangement_known', `living_arrangement IN ('alone','with-spouse-only','with-family','in-institution','other')`)
export class Senior {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  sex!: string;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate!: string;

  @Column({ name: 'id_number_cipher', type: 'text' })
  idNumberCipher!: string;

  @Column({ name: 'id_number_hash', type: 'text', unique: true })
  idNumberHash!: string;

  @Column({ name: 'id_number_last4', type: 'text' })
  idNumberLast4!: string;

  @Column({ name: 'address_text', type: 'text' })
  addressText!: string;

  /** The district (区县) the senior lives in: whose policy applies. 6-digit administrative code. */
  @Column({ name: 'district_code', type: 'text' })
  districtCode!: string;

  @Column({ name: 'street_code', type: 'text', nullable: true })
  streetCode!: string | null;

  @Index('senior_location', { spatial: true })
  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326 })
  location!: Point;

  @Column({ name: 'living_arrangement', type: 'text' })
  livingArrangement!: string;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ name: 'registered_by', type: 'uuid', nullable: true })
  registeredBy!: string | null;

  @CreateDateColumn({ name: 'registered_at', type: 'timestamptz' })
  registeredAt!: Date;

  @OneToMany(() => SeniorPriorityFlag, (flag) => flag.senior, { cascade: ['insert'] })
  priorityFlags?: SeniorPriorityFlag[];
}
