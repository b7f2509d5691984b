/**
 * China's 18-character resident identity number (GB 11643-1999): 6-digit region, 8-digit birth
 * date, 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

export interface ResidentIdFacts {
  birthDate: string;
  sex: 'female' | 'male';
}

/** The facts an ID number encodes, or the reason it is not a valid number. */
export function readResidentIdNumber(value: string): { ok: true; facts: ResidentIdFacts } | { ok: false; reason: string } {
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, reason: 'must be 17 digits followed by a digit or X' };
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(value[i]), 0);
  if (CHECK_CHARACTERS[sum % 11] !== value[17]) return { ok: false, reason: 'has a wrong check character' };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const parsed = new Date(`${birthDate}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== birthDate) return { ok: false, reason: 'encodes an impossible birth date' };
  return { ok: true, facts: { birthDate, sex: Number(value[16]) % 2 === 1 ? 'male' : 'female' } };
}

/** Completes 17 digits with their check character: for test data and synthetic districts. */
export function withCheckCharacter(first17: string): string {
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(first17[i]), 0);
  return first17 + CHECK_CHARACTERS[sum % 11];
}
