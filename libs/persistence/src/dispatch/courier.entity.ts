import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** Someone who delivers a kitchen's meals: by mode (walk, bicycle, e-bike, van), within a shift (minutes after midnight). */
@Entity({ schema: 'dispatch', name: 'courier' })
@Index('courier_kitchen', ['kitchenId'])
@Index('courier_account', ['accountId'], { unique: true, where: 'account_id IS NOT NULL' })
@Check('courier_mode_known', `mode IN ('walk','bicycle','e-bike','van')`)
@Check('courier_shift_sane', `shift_from >= 0 AND shift_to <= 1440 AND shift_from < shift_to`)
export class Courier {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'kitchen_id', type: 'uuid' })
  kitchenId!: string;

  /** The gateway account the courier signs in with (to see their own route and record outcomes). */
  @Column({ name: 'account_id', type: 'uuid', nullable: true })
  accountId!: string | null;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  mode!: 'walk' | 'bicycle' | 'e-bike' | 'van';

  /** Meals carried at once; null: the mode's usual. */
  @Column({ type: 'integer', nullable: true })
  capacity!: number | null;

  @Column({ name: 'shift_from', type: 'integer' })
  shiftFrom!: number;

  @Column({ name: 'shift_to', type: 'integer' })
  shiftTo!: number;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
