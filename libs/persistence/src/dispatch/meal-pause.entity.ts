import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** Meals paused for a senior from a date until a date (inclusive; null: until resumed), e.g. a hospital stay or a family visit. */
@Entity({ schema: 'dispatch', name: 'meal_pause' })
@Index('meal_pause_senior', ['seniorId', 'fromDate'])
export class MealPause {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'senior_id', type: 'uuid' })
  seniorId!: string;

  @Column({ name: 'from_date', type: 'date' })
  fromDate!: string;

  @Column({ name: 'until_date', type: 'date', nullable: true })
  untilDate!: string | null;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
