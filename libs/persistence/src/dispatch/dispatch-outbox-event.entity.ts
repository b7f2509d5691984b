import { Entity, Index } from 'typeorm';
import { OutboxEvent } from '../outbox/outbox-event.entity';

@Entity({ schema: 'dispatch', name: 'outbox_event' })
@Index('dispatch_outbox_unpublished', ['id'], { where: 'published_at IS NULL' })
export class DispatchOutboxEvent extends OutboxEvent {}
