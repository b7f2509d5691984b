import { Entity } from 'typeorm';
import { InboxReceipt } from '../outbox/inbox-receipt.entity';

@Entity({ schema: 'assessment', name: 'inbox_receipt' })
export class AssessmentInboxReceipt extends InboxReceipt {}
