import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A one-off change to one meal before its cutoff: skip it, or add one on a day not subscribed. */
@Entity({ schema: 'dispatch', name: 'meal_change' })
@Index('meal_change_once', ['seniorId', 'date', 'slot'], { unique: true })
@Check('meal_change_kind_known', `kind IN ('skip','extra')`)
export class MealChange {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'senior_id', type: 'uuid' })
  seniorId!: string;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'text' })
  slot!: string;

  @Column({ type: 'text' })
  kind!: 'skip' | 'extra';

  @Column({ type: 'text', nullable: true })
  mode!: 'delivery' | 'canteen' | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
