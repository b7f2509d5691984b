import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One courier's round from a kitchen for a date and slot; its stops are the meal orders that point to it, in stop order. */
@Entity({ schema: 'dispatch', name: 'delivery_route' })
@Index('delivery_route_kitchen_day', ['kitchenId', 'date', 'slot'])
@Index('delivery_route_courier_day', ['courierId', 'date', 'slot'], { unique: true })
export class DeliveryRoute {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'kitchen_id', type: 'uuid' })
  kitchenId!: string;

  @Column({ name: 'courier_id', type: 'uuid' })
  courierId!: string;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'text' })
  slot!: string;

  @Column({ type: 'text' })
  mode!: string;

  @Column({ name: 'depart_at', type: 'timestamptz' })
  departAt!: Date;

  @Column({ name: 'return_at', type: 'timestamptz' })
  returnAt!: Date;

  @Column({ type: 'integer' })
  metres!: number;

  @Column({ type: 'integer' })
  meals!: number;

  @Column({ name: 'longest_pack_to_door_minutes', type: 'double precision' })
  longestPackToDoorMinutes!: number;
}
