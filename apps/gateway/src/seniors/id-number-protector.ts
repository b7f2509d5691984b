import { Inject, Injectable } from '@nestjs/common';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';
import type { ProtectedIdNumber } from '@app/contracts';
import { idNumberLookupHash } from '@app/domain';
import { SealedText } from '../personal-data/sealed-text';

/**
 * Protects ID numbers before they leave the gateway: sealed (AES-256-GCM) for storage, a keyed hash
 * for finding duplicates. Services, queues and logs only ever see the protected form.
 */
@Injectable()
export class IdNumberProtector {
  constructor(
    @Inject(ENVIRONMENT) private readonly env: GatewayEnvironment,
    private readonly sealed: SealedText,
  ) {}

  protect(idNumber: string): ProtectedIdNumber {
    return { cipher: this.sealed.seal(idNumber), hash: this.hash(idNumber), last4: idNumber.slice(-4) };
  }

  reveal(protectedId: ProtectedIdNumber): string {
    return this.sealed.open(protectedId.cipher);
  }

  hash(idNumber: string): string {
    return idNumberLookupHash(idNumber, this.env.PII_HASH_KEY);
  }
}

/** What a role without a reason to see the whole number sees. */
export function maskIdNumber(last4: string): string {
  return `**************${last4}`;
}
