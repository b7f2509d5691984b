import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The code on a senior's door tag (QR or NFC) that a caregiver scans at check-in and check-out; only its hash is kept. */
@Entity({ schema: 'dispatch', name: 'care_door_tag' })
export class CareDoorTag {
  @PrimaryColumn({ name: 'senior_id', type: 'uuid' })
  seniorId!: string;

  /** SHA-256 of the code, hex. */
  @Column({ name: 'code_hash', type: 'text' })
  codeHash!: string;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ name: 'issued_by', type: 'uuid' })
  issuedBy!: string;
}
