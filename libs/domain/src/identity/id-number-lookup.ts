import { createHmac } from 'node:crypto';

/**
 * The keyed hash (HMAC-SHA256, hex) that finds a senior by ID number without storing or
 * decrypting the number. The gateway computes it at registration, the bulk import to match rows.
 */
export function idNumberLookupHash(idNumber: string, key: string): string {
  return createHmac('sha256', key).update(idNumber).digest('hex');
}
