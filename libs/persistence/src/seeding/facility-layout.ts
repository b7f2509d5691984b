import { SeededRandom, type SyntheticFacility } from '@app/domain';

/**
 * Rooms and beds for a synthetic residential facility. The generator gives only bed counts by type
 * and a number of respite beds; this lays them out the way Shanghai institutions usually are, from
 * the same seed, so the same district always gets the same rooms, ids and labels:
 * - each bed type has its own floors (a dementia-care unit is a floor of its own), 12 rooms a floor,
 *   rooms named like the e2e tests' ("301"), beds "301-1", "301-2";
 * - dementia-care rooms take 1–2 beds, nursing 2–4, general 2–3 (the last room takes what is left);
 * - single rooms take anyone; a two-bed room is a couples' room ('any') one time in seven; every
 *   other room is for women (58%, the majority of residents) or men;
 * - respite (喘息) beds are the last nursing beds, then the last general beds if there are not enough.
 * No equipment is invented.
 */
export interface LaidOutBed {
  id: string;
  label: string;
  bedType: 'general' | 'nursing' | 'dementia-care';
  respite: boolean;
}

export interface LaidOutRoom {
  id: string;
  name: string;
  genderRule: 'female' | 'male' | 'any';
  beds: LaidOutBed[];
}

const ROOMS_PER_FLOOR = 12;
/** Layout order, floor after floor. */
const BED_TYPES_BY_FLOOR = ['dementia-care', 'nursing', 'general'] as const;
const ROOM_SIZES: Record<LaidOutBed['bedType'], [number, number]> = { 'dementia-care': [1, 2], nursing: [2, 4], general: [2, 3] };
const FEMALE_SHARE = 0.58;
const COUPLES_ROOM_SHARE = 1 / 7;

export function layoutRooms(facility: SyntheticFacility, seed: number): LaidOutRoom[] {
  if (!facility.beds) return [];
  const random = SeededRandom.stream(seed, `rooms:${facility.facilityId}`);
  const rooms: LaidOutRoom[] = [];
  let floor = 0;
  for (const bedType of BED_TYPES_BY_FLOOR) {
    let left = facility.beds[bedType];
    if (left === 0) continue;
    floor += 1;
    let number = 0;
    while (left > 0) {
      if (number === ROOMS_PER_FLOOR) {
        floor += 1;
        number = 0;
      }
      number += 1;
      const [min, max] = ROOM_SIZES[bedType];
      const size = Math.min(left, random.int(min, max));
      left -= size;
      const name = `${floor}${String(number).padStart(2, '0')}`;
      const genderRule = size === 1 || (size === 2 && random.chance(COUPLES_ROOM_SHARE)) ? 'any' : random.chance(FEMALE_SHARE) ? 'female' : 'male';
      const beds = Array.from({ length: size }, (_, k) => ({ id: random.uuid(), label: `${name}-${k + 1}`, bedType, respite: false }));
      rooms.push({ id: random.uuid(), name, genderRule, beds });
    }
  }
  markRespite(rooms, facility.respiteBeds);
  return rooms;
}

function markRespite(rooms: LaidOutRoom[], count: number): void {
  const beds = rooms.flatMap((r) => r.beds);
  const candidates = [...beds.filter((b) => b.bedType === 'nursing').reverse(), ...beds.filter((b) => b.bedType === 'general').reverse()];
  for (const bed of candidates.slice(0, count)) bed.respite = true;
}
