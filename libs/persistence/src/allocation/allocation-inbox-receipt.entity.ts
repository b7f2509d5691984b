import { Entity } from 'typeorm';
import { InboxReceipt } from '../outbox/inbox-receipt.entity';

@Entity({ schema: 'allocation', name: 'inbox_receipt' })
export class AllocationInboxReceipt extends InboxReceipt {}
