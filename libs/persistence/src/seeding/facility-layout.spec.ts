import { generateDistrict, MINHANG_PROFILE } from '@app/domain';
import { layoutRooms } from './facility-layout';

describe('rooms and beds of a synthetic facility', () => {
  const district = generateDistrict(MINHANG_PROFILE, 1);
  const residential = district.facilities.filter((f) => f.beds !== null);

  it("lays out exactly the generator's beds by type and respite beds, with unique room names and bed labels", () => {
    for (const facility of residential) {
      const rooms = layoutRooms(facility, district.seed);
      const beds = rooms.flatMap((r) => r.beds);
      for (const type of ['general', 'nursing', 'dementia-care'] as const) expect(beds.filter((b) => b.bedType === type)).toHaveLength(facility.beds![type]);
      expect(beds.filter((b) => b.respite)).toHaveLength(facility.respiteBeds);
      expect(new Set(rooms.map((r) => r.name)).size).toBe(rooms.length);
      expect(new Set(beds.map((b) => b.label)).size).toBe(beds.length);
      expect(rooms.every((r) => new Set(r.beds.map((b) => b.bedType)).size === 1 && (r.beds.length > 1 || r.genderRule === 'any'))).toBe(true);
    }
  });

  it('gives the same rooms, ids and labels for the same seed, and none to non-residential sites', () => {
    const facility = residential[0]!;
    expect(layoutRooms(facility, district.seed)).toEqual(layoutRooms(facility, district.seed));
    expect(layoutRooms(facility, district.seed + 1)).not.toEqual(layoutRooms(facility, district.seed));
    expect(layoutRooms(district.facilities.find((f) => f.beds === null)!, district.seed)).toEqual([]);
  });
});
