import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { JsonDocument } from '../json-document';

/** A kitchen's menu for one date and slot: the standard set meal first, then its alternatives. Frozen at the cutoff. */
@Entity({ schema: 'dispatch', name: 'kitchen_menu' })
export class KitchenMenu {
  @PrimaryColumn({ name: 'kitchen_id', type: 'uuid' })
  kitchenId!: string;

  @PrimaryColumn({ type: 'date' })
  date!: string;

  @PrimaryColumn({ type: 'text' })
  slot!: string;

  /** The domain's Dish[]. */
  @Column({ type: 'jsonb' })
  dishes!: JsonDocument[];

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
