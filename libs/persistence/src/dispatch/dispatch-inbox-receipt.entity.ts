import { Entity } from 'typeorm';
import { InboxReceipt } from '../outbox/inbox-receipt.entity';

@Entity({ schema: 'dispatch', name: 'inbox_receipt' })
export class DispatchInboxReceipt extends InboxReceipt {}
