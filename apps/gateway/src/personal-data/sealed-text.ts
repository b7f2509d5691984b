import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Personal text sealed before it leaves the gateway (ID numbers, caregivers' notes, concerns about
 * a senior's health): AES-256-GCM with the key from config, as base64 of iv | tag | ciphertext.
 * Queues, services, logs and backups only ever hold the sealed form.
 */
@Injectable()
export class SealedText {
  private readonly key: Buffer;

  constructor(@Inject(ENVIRONMENT) env: GatewayEnvironment) {
    this.key = Buffer.from(env.PII_ENCRYPTION_KEY, 'base64');
  }

  seal(text: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const encrypted = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), encrypted]).toString('base64');
  }

  open(sealed: string): string {
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }
}
