import { Entity, Index } from 'typeorm';
import { OutboxEvent } from '../outbox/outbox-event.entity';

@Entity({ schema: 'assessment', name: 'outbox_event' })
@Index('assessment_outbox_unpublished', ['id'], { where: 'published_at IS NULL' })
export class AssessmentOutboxEvent extends OutboxEvent {}
