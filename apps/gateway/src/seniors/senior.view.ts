import { type Actor, ERASED_TEXT, type LivingArrangement, type PriorityFlagRecord, type SeniorRecord, type Sex } from '@app/contracts';
import { IdNumberProtector, maskIdNumber } from './id-number-protector';

/** A senior as the API shows them. The whole ID number only to roles that register and assess. */
export interface SeniorView {
  seniorId: string;
  name: string;
  sex: Sex;
  birthDate: string;
  idNumber: string;
  address: SeniorRecord['address'];
  livingArrangement: LivingArrangement;
  priorityFlags: PriorityFlagRecord[];
  phone: string | null;
  registeredAt: string;
}

const SEE_WHOLE_ID_NUMBER = new Set(['admin', 'assessor']);

export function presentSenior(record: SeniorRecord, actor: Actor, protector: IdNumberProtector): SeniorView {
  const wholeId = actor.roles.some((r) => SEE_WHOLE_ID_NUMBER.has(r));
  const isFamilyOnly = actor.roles.every((r) => r === 'family');
  return {
    seniorId: record.seniorId,
    name: record.name,
    sex: record.sex,
    birthDate: record.birthDate,
    // An erased senior's ID number is gone (docs/adr/007): nothing to reveal or mask.
    idNumber: record.idNumber.cipher === '' ? ERASED_TEXT : wholeId ? protector.reveal(record.idNumber) : maskIdNumber(record.idNumber.last4),
    address: record.address,
    livingArrangement: record.livingArrangement,
    // Evidence references (certificate numbers) are for staff.
    priorityFlags: isFamilyOnly ? record.priorityFlags.map((f) => ({ ...f, evidence: '[staff only]' })) : record.priorityFlags,
    phone: record.phone,
    registeredAt: record.registeredAt,
  };
}
