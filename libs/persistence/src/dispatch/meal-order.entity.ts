import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { JsonDocument } from '../json-document';

/**
 * One meal for one senior, frozen at the cutoff: where it is cooked, what dish (with the clash and
 * substitution), how it reaches the senior, what it costs and who pays, and what happened at the door.
 */
@Entity({ schema: 'dispatch', name: 'meal_order' })
@Index('meal_order_once', ['seniorId', 'date', 'slot'], { unique: true })
@Index('meal_order_kitchen_day', ['kitchenId', 'date', 'slot'])
@Index('meal_order_route', ['routeId'])
@Check('meal_order_mode_known', `mode IN ('delivery','canteen','day-care')`)
@Check('meal_order_status_known', `status IN ('planned','unassigned','delivered','served','not-home','refused','hospitalised','address-problem')`)
export class MealOrder {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'district_code', type: 'text' })
  districtCode!: string;

  @Column({ name: 'senior_id', type: 'uuid' })
  seniorId!: string;

  /** The date the meal is eaten. */
  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'text' })
  slot!: string;

  @Column({ type: 'text' })
  mode!: 'delivery' | 'canteen' | 'day-care';

  /** Null when no kitchen could take it (the reason is in `unassignedReason`). */
  @Column({ name: 'kitchen_id', type: 'uuid', nullable: true })
  kitchenId!: string | null;

  @Column({ name: 'unassigned_reason', type: 'text', nullable: true })
  unassignedReason!: string | null;

  @Column({ type: 'text' })
  diet!: string;

  @Column({ type: 'text' })
  texture!: string;

  /** The domain's DishChoice: the dish, whether substituted, the clashes. */
  @Column({ type: 'jsonb' })
  choice!: JsonDocument;

  @Column({ name: 'delivery_notes', type: 'text', nullable: true })
  deliveryNotes!: string | null;

  @Column({ name: 'route_id', type: 'uuid', nullable: true })
  routeId!: string | null;

  @Column({ name: 'stop_number', type: 'integer', nullable: true })
  stopNumber!: number | null;

  @Column({ name: 'planned_arrival', type: 'timestamptz', nullable: true })
  plannedArrival!: Date | null;

  @Column({ name: 'price_fen', type: 'integer' })
  priceFen!: number;

  @Column({ name: 'subsidy_fen', type: 'integer' })
  subsidyFen!: number;

  @Column({ name: 'co_pay_fen', type: 'integer' })
  coPayFen!: number;

  @Column({ name: 'subsidy_tier', type: 'text', nullable: true })
  subsidyTier!: string | null;

  @Column({ type: 'text' })
  status!: 'planned' | 'unassigned' | 'delivered' | 'served' | 'not-home' | 'refused' | 'hospitalised' | 'address-problem';

  @Column({ name: 'frozen_at', type: 'timestamptz' })
  frozenAt!: Date;
}
