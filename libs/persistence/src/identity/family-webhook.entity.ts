import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where a family account's app wants booking status changes pushed, and the secret they are signed with (sealed). */
@Entity({ schema: 'identity', name: 'family_webhook' })
export class FamilyWebhook {
  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  @Column({ type: 'text' })
  url!: string;

  /** AES-256-GCM sealed by the gateway. */
  @Column({ name: 'secret_sealed', type: 'text' })
  secretSealed!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
