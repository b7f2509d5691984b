import { randomInt } from 'node:crypto';
import { withCheckCharacter } from '@app/domain';

/** A valid registration body for POST /v1/seniors, with overrides. Each call gets a fresh ID number. */
export function seniorRegistration(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const year = 1930 + randomInt(0, 25);
  const birthDate = `${year}-0${randomInt(1, 10)}-1${randomInt(0, 10)}`;
  const sequence = String(randomInt(0, 500) * 2 + 1).padStart(3, '0'); // odd: male
  const idNumber = withCheckCharacter(`310112${birthDate.replace(/-/g, '')}${sequence}`);
  return {
    name: '张建国',
    sex: 'male',
    birthDate,
    idNumber,
    address: { text: '莘庄镇莘松路 123 弄 4 号 502 室', streetCode: '310112102', location: { lat: 31.1124, lng: 121.3817 }, coordinateSystem: 'WGS-84' },
    livingArrangement: 'alone',
    priorityFlags: [{ flag: 'minimum-income', evidence: '低保证 2024-0311', validFrom: '2024-01-01', validUntil: `${new Date().getUTCFullYear() + 1}-12-31` }],
    phone: '13800138000',
    ...overrides,
  };
}

/** GB/T 42195-2022 items all at their best (total 90), with overrides: `gbtItems({ 'B1.1': 2 })`. */
export function gbtItems(overrides: Record<string, number> = {}): Record<string, number> {
  const best: Record<string, number> = {
    'B1.1': 4, 'B1.2': 4, 'B1.3': 4, 'B1.4': 4, 'B1.5': 4, 'B1.6': 4, 'B1.7': 4, 'B1.8': 4,
    'B2.1': 4, 'B2.2': 4, 'B2.3': 4, 'B2.4': 3,
    'B3.1': 4, 'B3.2': 4, 'B3.3': 4, 'B3.4': 4, 'B3.5': 4, 'B3.6': 4, 'B3.7': 1, 'B3.8': 1, 'B3.9': 2,
    'B4.1': 2, 'B4.2': 2, 'B4.3': 4, 'B4.4': 3, 'B4.5': 4,
  };
  return { ...best, ...overrides };
}
