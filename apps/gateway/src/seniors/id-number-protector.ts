import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';
import type { ProtectedIdNumber } from '@app/contracts';
import { idNumberLookupHash } from '@app/domain';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Protects ID numbers before they leave the gateway: AES-256-GCM for storage, a keyed hash for
 * finding duplicates. Services, queues and logs only ever see the protected form.
 */
@Injectable()
export class IdNumberProtector {
  private readonly key: Buffer;

  constructor(@Inject(ENVIRONMENT) private readonly env: GatewayEnvironment) {
    this.key = Buffer.from(env.PII_ENCRYPTION_KEY, 'base64');
  }

  protect(idNumber: string): ProtectedIdNumber {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const encrypted = Buffer.concat([cipher.update(idNumber, 'utf8'), cipher.final()]);
    return {
      cipher: Buffer.concat([iv, cipher.getAuthTag(), encrypted]).toString('base64'),
      hash: this.hash(idNumber),
      last4: idNumber.slice(-4),
    };
  }

  reveal(protectedId: ProtectedIdNumber): string {
    const raw = Buffer.from(protectedId.cipher, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }

  hash(idNumber: string): string {
    return idNumberLookupHash(idNumber, this.env.PII_HASH_KEY);
  }
}

/** What a role without a reason to see the whole number sees. */
export function maskIdNumber(last4: string): string {
  return `**************${last4}`;
}
