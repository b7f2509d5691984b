import { ageOn } from '../calendar';
import { PRIORITY_GROUP_IDS } from '../entitlements';
import { readResidentIdNumber } from '../identity';
import { type DistrictProfile, MINHANG_PROFILE, SMALL_PROFILE, validateDistrictProfile } from './district-profiles';
import { generateDistrict, type SyntheticDistrict, type SyntheticFacility, type SyntheticSenior } from './synthetic-district';
import { haversineMetres } from './walk-time';

const bedsOf = (f: SyntheticFacility) => (f.beds ? f.beds.general + f.beds.nursing + f.beds['dementia-care'] : 0);
const countBy = <T>(items: readonly T[], key: (item: T) => string) => items.reduce<Record<string, number>>((acc, item) => ({ ...acc, [key(item)]: (acc[key(item)] ?? 0) + 1 }), {});

describe('district profiles', () => {
  it('are valid as shipped', () => {
    expect(validateDistrictProfile(MINHANG_PROFILE)).toEqual([]);
    expect(validateDistrictProfile(SMALL_PROFILE)).toEqual([]);
  });

  it('list every problem of a broken profile', () => {
    const broken: DistrictProfile = {
      ...SMALL_PROFILE,
      bounds: { south: 31.2, north: 31.1, west: 121.3, east: 121.4 },
      streets: [{ ...SMALL_PROFILE.streets[0], code: '310113101' }, { ...SMALL_PROFILE.streets[0], code: '310113101', seniorWeight: 0 }],
      ageBands: [{ fromAge: 60, toAge: 99, share: 0.9 }],
      facilities: { ...SMALL_PROFILE.facilities, smallCareHomes: 9, communityHubs: 1 },
    };
    const paths = validateDistrictProfile(broken).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['bounds', 'streets[0].code', 'streets[1].code', 'streets[1].seniorWeight', 'ageBands', 'facilities.smallCareHomes', 'facilities.communityHubs']),
    );
    expect(() => generateDistrict(broken, 1)).toThrow(/invalid district profile small/);
  });
});

describe('synthetic district: small profile', () => {
  let district: SyntheticDistrict;
  let seniors: SyntheticSenior[];
  beforeAll(() => {
    district = generateDistrict(SMALL_PROFILE, 1);
    seniors = [...district.seniors()];
  });

  it('is reproducible from its seed, and another seed gives another district', () => {
    const again = generateDistrict(SMALL_PROFILE, 1);
    expect(JSON.stringify(again.facilities)).toBe(JSON.stringify(district.facilities));
    expect(JSON.stringify([...again.seniors()])).toBe(JSON.stringify(seniors));
    // The iterator restarts: a second pass gives the same seniors.
    expect(JSON.stringify([...district.seniors()].slice(0, 50))).toBe(JSON.stringify(seniors.slice(0, 50)));
    const other = generateDistrict(SMALL_PROFILE, 2);
    expect(other.facilities[0].facilityId).not.toBe(district.facilities[0].facilityId);
    expect(other.seniors().next().value?.seniorId).not.toBe(seniors[0].seniorId);
  });

  it('is plain JSON data', () => {
    const { seniors: _stream, ...data } = district;
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    expect(JSON.parse(JSON.stringify(seniors[0]))).toEqual(seniors[0]);
  });

  it('has the profile counts of seniors, streets and facilities', () => {
    expect(seniors).toHaveLength(2000);
    expect(district.streets.map((s) => s.code)).toEqual(['310112101', '310112006', '310112108']);
    // Weights 3:2:2 of 2,000: 857.14, 571.43, 571.43 → 857, 572, 571 by largest remainder.
    expect(district.streets.map((s) => s.seniors)).toEqual([857, 572, 571]);
    expect(countBy(seniors, (s) => s.address.streetCode)).toEqual({ '310112101': 857, '310112006': 572, '310112108': 571 });
    expect(countBy(district.facilities, (f) => f.type)).toEqual({
      'care-institution': 2,
      'small-care-home': 2,
      'day-care-centre': 3,
      'community-hub': 3,
      'meal-site': 4,
      'neighbourhood-point': 3,
    });
    expect(new Set(district.facilities.map((f) => f.facilityId)).size).toBe(district.facilities.length);
    expect(new Set(district.facilities.map((f) => f.name)).size).toBe(district.facilities.length);
  });

  it('gives every street a hub and every facility what its type needs', () => {
    for (const street of district.streets) expect(district.facilities.some((f) => f.type === 'community-hub' && f.streetCode === street.code)).toBe(true);
    const residential = district.facilities.filter((f) => f.type === 'care-institution' || f.type === 'small-care-home');
    expect(residential.reduce((sum, f) => sum + bedsOf(f), 0)).toBe(420);
    expect(residential.reduce((sum, f) => sum + f.beds!['dementia-care'], 0)).toBe(20);
    for (const f of residential) expect(bedsOf(f)).toBeGreaterThan(0);
    for (const f of district.facilities.filter((f) => f.type === 'small-care-home')) expect(bedsOf(f)).toBeLessThan(50);
    for (const f of district.facilities.filter((f) => f.beds === null)) expect(['day-care-centre', 'community-hub', 'meal-site', 'neighbourhood-point']).toContain(f.type);
    for (const f of district.facilities.filter((f) => f.type === 'day-care-centre')) expect(f.dayCarePlaces).toBeGreaterThanOrEqual(20);
    for (const f of district.facilities.filter((f) => f.type === 'meal-site')) expect(f.mealCapacityPerSlot).toBeGreaterThan(0);
    for (const f of district.facilities) {
      expect(f.floorAreaM2).toBeGreaterThan(0);
      expect(f.openingHours).not.toBe('');
      expect(f.coordinateSystem).toBe('WGS-84');
    }
  });

  it('keeps every point inside the bounds', () => {
    const { south, north, west, east } = SMALL_PROFILE.bounds;
    const inside = (p: { lat: number; lng: number }) => p.lat >= south && p.lat <= north && p.lng >= west && p.lng <= east;
    expect(district.facilities.every((f) => inside(f.location))).toBe(true);
    expect(seniors.every((s) => inside(s.address.location))).toBe(true);
  });

  it('clusters homes around their estates', () => {
    const estates = new Map(district.estates.map((e) => [e.estateId, e]));
    const distances = seniors.map((s) => haversineMetres(s.address.location, estates.get(s.estateId)!.centre)).sort((a, b) => a - b);
    // Estate spreads are 100–450 m (σ per axis); a few seniors are scattered across the street.
    expect(distances[Math.floor(distances.length / 2)]).toBeLessThan(500);
    expect(distances[Math.floor(distances.length * 0.99)]).toBeGreaterThan(500);
  });

  it('issues unique, valid ID numbers that agree with birth date and sex', () => {
    expect(new Set(seniors.map((s) => s.idNumber)).size).toBe(seniors.length);
    expect(new Set(seniors.map((s) => s.seniorId)).size).toBe(seniors.length);
    for (const s of seniors) {
      const read = readResidentIdNumber(s.idNumber);
      expect(read).toEqual({ ok: true, facts: { birthDate: s.birthDate, sex: s.sex } });
      expect(s.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
    }
  });

  it('has everyone 60+ on the profile date, with 15–20% aged 80+', () => {
    const ages = seniors.map((s) => ageOn(s.birthDate, SMALL_PROFILE.asOf));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(60);
    expect(Math.max(...ages)).toBeLessThanOrEqual(104);
    const over80 = ages.filter((a) => a >= 80).length / ages.length;
    expect(over80).toBeGreaterThan(0.13);
    expect(over80).toBeLessThan(0.21);
  });

  it('gives flags that match the facts they rest on, with evidence and validity', () => {
    for (const s of seniors) {
      const age = ageOn(s.birthDate, SMALL_PROFILE.asOf);
      for (const flag of s.priorityFlags) {
        expect(PRIORITY_GROUP_IDS).toContain(flag.flag);
        expect(flag.evidence.length).toBeGreaterThan(4);
        expect(flag.validFrom <= SMALL_PROFILE.asOf).toBe(true);
        if (flag.validUntil !== null) expect(flag.validUntil > flag.validFrom).toBe(true);
        if (flag.flag === 'very-old') expect(age).toBeGreaterThanOrEqual(80);
        if (flag.flag === 'living-alone') expect(s.livingArrangement).toBe('alone');
        if (flag.flag === 'empty-nest') expect(s.livingArrangement).toBe('with-spouse-only');
        if (flag.flag === 'disabled') expect(s.gbt?.level).toBeGreaterThanOrEqual(3);
        if (flag.flag === 'cognitive-impairment') expect(s.cognitiveImpairmentDiagnosed).toBe(true);
      }
      const incomeFlags = s.priorityFlags.filter((f) => ['extreme-poverty', 'minimum-income', 'low-income'].includes(f.flag));
      expect(incomeFlags.length).toBeLessThanOrEqual(1);
      if (s.dementiaDiagnosed) expect(s.cognitiveImpairmentDiagnosed).toBe(true);
    }
  });

  it('puts most assessed seniors at GB/T levels 0–1', () => {
    const assessed = seniors.filter((s) => s.gbt !== null);
    expect(assessed.length / seniors.length).toBeGreaterThan(0.4);
    const low = assessed.filter((s) => s.gbt!.level <= 1).length / assessed.length;
    expect(low).toBeGreaterThan(0.7);
    expect(assessed.some((s) => s.gbt!.level === 4)).toBe(true);
    for (const s of assessed) expect(s.gbt!.assessedOn <= SMALL_PROFILE.asOf).toBe(true);
  });
});

describe('synthetic district: Minhang profile', () => {
  const minhang = generateDistrict(MINHANG_PROFILE, 1);
  const residential = minhang.facilities.filter((f) => f.beds !== null);

  it('has the scale Minhang reported for 2020', () => {
    expect(minhang.streets).toHaveLength(14);
    expect(minhang.streets.reduce((sum, s) => sum + s.seniors, 0)).toBe(379_000);
    expect(minhang.estates.reduce((sum, e) => sum + e.seniors, 0)).toBe(379_000);
    const types = countBy(minhang.facilities, (f) => f.type);
    expect(types).toEqual({ 'care-institution': 48, 'small-care-home': 15, 'day-care-centre': 80, 'meal-site': 106, 'community-hub': 79, 'neighbourhood-point': 150 });
    expect(residential).toHaveLength(63);
    expect(residential.reduce((sum, f) => sum + bedsOf(f), 0)).toBe(15_650);
    expect(residential.reduce((sum, f) => sum + f.beds!['dementia-care'], 0)).toBe(555);
  });

  it.each([1, 2, 3])('meets the nursing-type bed targets (seed %i)', (seed) => {
    const district = seed === 1 ? minhang : generateDistrict(MINHANG_PROFILE, seed);
    const sites = district.facilities.filter((f) => f.beds !== null);
    const beds = sites.reduce((sum, f) => sum + bedsOf(f), 0);
    const nursing = sites.reduce((sum, f) => sum + f.beds!.nursing, 0);
    expect(nursing / beds).toBeGreaterThanOrEqual(0.6);
    expect(nursing / beds).toBeLessThan(0.8);
    for (const f of sites.filter((f) => f.publicOwned && bedsOf(f) >= 150)) expect(f.beds!.nursing / bedsOf(f)).toBeGreaterThanOrEqual(0.8);
  });

  it('streams seniors without building them all: the first thousand come from the first street', () => {
    const stream = minhang.seniors();
    const first: SyntheticSenior[] = [];
    for (const senior of stream) {
      first.push(senior);
      if (first.length === 1000) break;
    }
    expect(first.every((s) => s.address.streetCode === minhang.streets[0].code)).toBe(true);
    expect(first.every((s) => readResidentIdNumber(s.idNumber).ok)).toBe(true);
  });
});
