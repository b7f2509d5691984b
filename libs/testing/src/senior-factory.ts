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
    priorityFlags: [{ flag: 'minimum-income', evidence: '低保证 2024-0311', validFrom: '2024-01-01', validUntil: '2026-12-31' }],
    phone: '13800138000',
    ...overrides,
  };
}
