import { Entity, Index } from 'typeorm';
import { OutboxEvent } from '../outbox/outbox-event.entity';

@Entity({ schema: 'allocation', name: 'outbox_event' })
@Index('allocation_outbox_unpublished', ['id'], { where: 'published_at IS NULL' })
export class AllocationOutboxEvent extends OutboxEvent {}
