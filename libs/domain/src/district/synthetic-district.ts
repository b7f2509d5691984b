/**
 * A reproducible synthetic district: streets, estate clusters, facilities of every type of the plans
 * and registered seniors with ages, ID numbers, homes, living arrangements, priority flags and GB/T
 * levels. Everything is plain JSON-serialisable data in WGS-84; the same profile and seed give the
 * same district. Seniors come from a generator so a Minhang-sized district streams instead of
 * sitting in memory: only the ID numbers already issued are remembered (to keep them unique).
 */
import { addMonths, ageOn } from '../calendar';
import type { LivingArrangement, PriorityGroupId, SeniorSex } from '../entitlements';
import { withCheckCharacter } from '../identity';
import { chineseName, estateName, ordinal, shortStreetName } from './chinese-names';
import { type DistrictProfile, validateDistrictProfile } from './district-profiles';
import type { LatLng } from './gcj02-coordinates';
import { apportion, apportionCapped, SeededRandom } from './seeded-random';

export const SYNTHETIC_FACILITY_TYPES = ['care-institution', 'small-care-home', 'day-care-centre', 'community-hub', 'meal-site', 'neighbourhood-point'] as const;
export type SyntheticFacilityType = (typeof SYNTHETIC_FACILITY_TYPES)[number];

export interface BedsByType {
  general: number;
  nursing: number;
  'dementia-care': number;
}

export interface SyntheticStreet {
  code: string;
  name: string;
  districtCode: string;
  /** WGS-84. */
  centre: LatLng;
  rural: boolean;
  /** Registered seniors generated in this street. */
  seniors: number;
}

/** A cluster of homes (小区 or 村): seniors live around its centre with a Gaussian spread. */
export interface SyntheticEstate {
  estateId: string;
  streetCode: string;
  name: string;
  /** WGS-84. */
  centre: LatLng;
  spreadMetres: number;
  seniors: number;
}

export interface SyntheticFacility {
  facilityId: string;
  type: SyntheticFacilityType;
  name: string;
  districtCode: string;
  streetCode: string;
  /** WGS-84 (`coordinateSystem`). */
  location: LatLng;
  coordinateSystem: 'WGS-84';
  operatorName: string;
  /** Government-built or government-run (公建): the plans hold these to ≥ 80% nursing-type beds when large. */
  publicOwned: boolean;
  floorAreaM2: number;
  /** OpenStreetMap opening_hours syntax. */
  openingHours: string;
  /** Residential types only (care institutions and small care homes); null otherwise. */
  beds: BedsByType | null;
  /** Of the beds, how many take short stays (喘息服务). */
  respiteBeds: number;
  /** Day-care (日托) places per session. */
  dayCarePlaces: number;
  /** Meals one service slot (lunch) can serve, eat-in and delivered together. */
  mealCapacityPerSlot: number;
}

/** The shape of the contracts' PriorityFlagGrant. */
export interface SyntheticPriorityFlag {
  flag: PriorityGroupId;
  evidence: string;
  validFrom: string;
  /** Null: open-ended. */
  validUntil: string | null;
}

export interface SyntheticSenior {
  seniorId: string;
  name: string;
  sex: SeniorSex;
  birthDate: string;
  /** A valid 18-character number consistent with birthDate and sex (synthetic: never a real person's). */
  idNumber: string;
  districtCode: string;
  address: { text: string; streetCode: string; location: LatLng };
  estateId: string;
  livingArrangement: LivingArrangement;
  priorityFlags: SyntheticPriorityFlag[];
  /** The latest GB/T 42195 level (0 能力完好 … 4 完全失能); null when never assessed. */
  gbt: { level: number; assessedOn: string } | null;
  dementiaDiagnosed: boolean;
  cognitiveImpairmentDiagnosed: boolean;
}

export interface SyntheticDistrict {
  profileId: string;
  seed: number;
  districtCode: string;
  districtName: string;
  asOf: string;
  coordinateSystem: 'WGS-84';
  population: { registered: number; permanent: number; seniors: number };
  streets: SyntheticStreet[];
  estates: SyntheticEstate[];
  facilities: SyntheticFacility[];
  /** A fresh, reproducible stream of all the district's seniors, street by street. */
  seniors(): Generator<SyntheticSenior, void, undefined>;
}

const METRES_PER_DEGREE = 111_195.08;
const DAY_MS = 86_400_000;

/** A point moved by metres east and north (small distances: equirectangular is exact enough). */
function offset(point: LatLng, eastMetres: number, northMetres: number): LatLng {
  return {
    lat: point.lat + northMetres / METRES_PER_DEGREE,
    lng: point.lng + eastMetres / (METRES_PER_DEGREE * Math.cos((point.lat * Math.PI) / 180)),
  };
}

function round6(point: LatLng): LatLng {
  return { lat: Math.round(point.lat * 1e6) / 1e6, lng: Math.round(point.lng * 1e6) / 1e6 };
}

/** A Gaussian point around a centre that stays inside the bounds (resampled, then clamped). */
function scatter(random: SeededRandom, centre: LatLng, sigmaMetres: number, bounds: DistrictProfile['bounds']): LatLng {
  for (let attempt = 0; attempt < 6; attempt++) {
    const p = offset(centre, random.gaussian() * sigmaMetres, random.gaussian() * sigmaMetres);
    if (p.lat >= bounds.south && p.lat <= bounds.north && p.lng >= bounds.west && p.lng <= bounds.east) return round6(p);
  }
  return round6({ lat: Math.min(bounds.north, Math.max(bounds.south, centre.lat)), lng: Math.min(bounds.east, Math.max(bounds.west, centre.lng)) });
}

function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Generates a district from a profile and a seed (a non-negative integer). */
export function generateDistrict(profile: DistrictProfile, seed: number): SyntheticDistrict {
  const problems = validateDistrictProfile(profile);
  if (problems.length > 0) throw new Error(`invalid district profile ${profile.id}: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`seed must be a non-negative integer, got ${seed}`);

  const streetSeniors = apportion(profile.seniors, profile.streets.map((s) => s.seniorWeight));
  const streets: SyntheticStreet[] = profile.streets.map((s, i) => ({
    code: s.code,
    name: s.name,
    districtCode: profile.districtCode,
    centre: s.centre,
    rural: s.rural,
    seniors: streetSeniors[i],
  }));
  const estates = generateEstates(profile, seed, streets);
  const facilities = generateFacilities(profile, seed, streets, estates);
  return {
    profileId: profile.id,
    seed,
    districtCode: profile.districtCode,
    districtName: profile.districtName,
    asOf: profile.asOf,
    coordinateSystem: 'WGS-84',
    population: { ...profile.population, seniors: profile.seniors },
    streets,
    estates,
    facilities,
    seniors: () => generateSeniors(profile, seed, streets, estates),
  };
}

function generateEstates(profile: DistrictProfile, seed: number, streets: SyntheticStreet[]): SyntheticEstate[] {
  const estates: SyntheticEstate[] = [];
  const usedNames = new Set<string>();
  streets.forEach((street, s) => {
    const spec = profile.streets[s];
    const random = SeededRandom.stream(seed, `estates:${street.code}`);
    const count = Math.max(2, Math.round(street.seniors / profile.seniorsPerEstate));
    // Estates differ in size: log-normal weights.
    const weights = Array.from({ length: count }, () => Math.exp(0.6 * random.gaussian()));
    const sizes = apportion(street.seniors, weights);
    for (let e = 0; e < count; e++) {
      let name = estateName(random, street.rural);
      for (let n = 2; usedNames.has(street.code + name); n++) name = `${name.replace(/\d+$/, '')}${n}`;
      usedNames.add(street.code + name);
      const spreadMetres = Math.round(street.rural ? random.uniform(200, 450) : random.uniform(100, 280));
      estates.push({
        estateId: `${street.code}-E${String(e + 1).padStart(3, '0')}`,
        streetCode: street.code,
        name,
        centre: scatter(random, street.centre, spec.spreadMetres * 0.8, profile.bounds),
        spreadMetres,
        seniors: sizes[e],
      });
    }
  });
  return estates;
}

const OPENING_HOURS: Record<SyntheticFacilityType, string> = {
  'care-institution': '24/7',
  'small-care-home': '24/7',
  'day-care-centre': 'Mo-Fr 08:00-17:00',
  'community-hub': 'Mo-Su 08:00-20:00',
  'meal-site': 'Mo-Su 10:30-13:00,16:30-18:30',
  'neighbourhood-point': 'Mo-Sa 09:00-16:00',
};

const FACILITY_SUFFIX: Record<SyntheticFacilityType, string> = {
  'care-institution': '养老院',
  'small-care-home': '长者照护之家',
  'day-care-centre': '日间照料中心',
  'community-hub': '社区综合为老服务中心',
  'meal-site': '社区长者食堂',
  'neighbourhood-point': '睦邻点',
};

const PRIVATE_OPERATORS = ['福寿康', '爱照护', '九如城', '亲和源', '福苑', '佰仁', '长乐', '康乐', '颐和', '安康'];

interface FacilityDraft {
  type: SyntheticFacilityType;
  street: SyntheticStreet;
  beds: number;
}

function generateFacilities(profile: DistrictProfile, seed: number, streets: SyntheticStreet[], estates: SyntheticEstate[]): SyntheticFacility[] {
  const random = SeededRandom.stream(seed, 'facilities');
  const f = profile.facilities;
  const seniorWeights = streets.map((s) => s.seniors);
  const drafts: FacilityDraft[] = [];
  const perStreet = (type: SyntheticFacilityType, total: number, weights: number[], minimum = 0) =>
    apportion(total, weights, minimum).forEach((n, i) => {
      for (let k = 0; k < n; k++) drafts.push({ type, street: streets[i], beds: 0 });
    });

  // Residential sites: placed per street, then some of them are small care homes.
  const residentialStart = drafts.length;
  perStreet('care-institution', f.residentialSites, seniorWeights);
  const residential = drafts.slice(residentialStart);
  const order = residential.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  for (let k = 0; k < f.smallCareHomes; k++) residential[order[k]].type = 'small-care-home';
  const homes = residential.filter((d) => d.type === 'small-care-home');
  const institutions = residential.filter((d) => d.type === 'care-institution');
  for (const home of homes) home.beds = random.int(15, 49);
  const institutionBeds = apportion(
    f.beds - homes.reduce((sum, h) => sum + h.beds, 0),
    institutions.map(() => Math.exp(0.6 * random.gaussian())),
    30,
  );
  institutions.forEach((d, i) => (d.beds = institutionBeds[i]));

  perStreet('community-hub', f.communityHubs, seniorWeights, 1);
  perStreet('day-care-centre', f.dayCareCentres, seniorWeights);
  perStreet('meal-site', f.mealSites, seniorWeights);
  perStreet('neighbourhood-point', f.neighbourhoodPoints, streets.map((s) => s.seniors * (s.rural ? 3 : 1)));

  // Ownership first: it decides nursing-type shares. Hubs and neighbourhood points are public.
  const ownership = new Map<FacilityDraft, boolean>(
    drafts.map((d) => [d, d.type === 'community-hub' || d.type === 'neighbourhood-point' ? true : random.chance(d.type === 'care-institution' ? 0.4 : 0.3)]),
  );
  const bedSplit = splitBeds(random, profile, residential, residential.map((d) => ownership.get(d)!));
  const estatesByStreet = new Map<string, { estates: SyntheticEstate[]; weights: number[] }>();
  for (const estate of estates) {
    const entry = estatesByStreet.get(estate.streetCode) ?? { estates: [], weights: [] };
    entry.estates.push(estate);
    entry.weights.push(estate.seniors);
    estatesByStreet.set(estate.streetCode, entry);
  }
  const usedNames = new Set<string>();
  const hubSeen = new Set<string>();
  const counters = new Map<string, number>();

  return drafts.map((draft) => {
    const { type, street } = draft;
    const local = estatesByStreet.get(street.code)!;
    const estate = local.estates[random.weightedIndex(local.weights)];
    const streetShort = shortStreetName(street.name);
    let location: LatLng;
    let place: string;
    if (type === 'community-hub' && !hubSeen.has(street.code)) {
      // The street's main hub sits near its centre (usually beside the street office).
      hubSeen.add(street.code);
      location = scatter(random, street.centre, 200, profile.bounds);
      place = '';
    } else {
      const sigma = type === 'care-institution' ? 700 : type === 'neighbourhood-point' ? 80 : 180;
      location = scatter(random, estate.centre, sigma, profile.bounds);
      place = estate.name.replace(/(一村|二村|三村|新村|新苑|苑|花园|小区|公寓|家园|村|宅)$/, '');
    }
    const key = `${street.code}:${type}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    let name = `${streetShort}${place}${FACILITY_SUFFIX[type]}`;
    if (usedNames.has(name)) name = `${streetShort}${ordinal(n)}${FACILITY_SUFFIX[type]}`;
    for (let k = 2; usedNames.has(name); k++) name = `${streetShort}${place}${FACILITY_SUFFIX[type]}(${k})`;
    usedNames.add(name);

    const beds = bedSplit.get(draft) ?? null;
    const total = beds ? beds.general + beds.nursing + beds['dementia-care'] : 0;
    const publicOwned = ownership.get(draft)!;
    const operatorName = publicOwned
      ? type === 'care-institution' && total >= 150
        ? `${profile.districtName}民政局`
        : `${street.name}社区事务受理服务中心`
      : `上海${random.pick(PRIVATE_OPERATORS)}养老服务有限公司`;
    return {
      facilityId: random.uuid(),
      type,
      name,
      districtCode: profile.districtCode,
      streetCode: street.code,
      location,
      coordinateSystem: 'WGS-84' as const,
      operatorName,
      publicOwned,
      floorAreaM2: floorArea(random, type, total),
      openingHours: OPENING_HOURS[type],
      beds,
      respiteBeds: type === 'small-care-home' ? random.int(2, 6) : type === 'care-institution' ? random.int(0, 4) : 0,
      dayCarePlaces: type === 'day-care-centre' ? random.int(20, 60) : type === 'community-hub' ? random.int(20, 50) : 0,
      mealCapacityPerSlot: type === 'meal-site' ? 10 * random.int(4, 14) : type === 'community-hub' ? 10 * random.int(2, 6) : 0,
    };
  });
}

function floorArea(random: SeededRandom, type: SyntheticFacilityType, beds: number): number {
  switch (type) {
    case 'care-institution':
      return Math.round(beds * random.uniform(32, 45));
    case 'small-care-home':
      return Math.round(beds * random.uniform(25, 35));
    case 'day-care-centre':
      return 10 * random.int(15, 40);
    case 'community-hub':
      return 50 * random.int(12, 24);
    case 'meal-site':
      return 10 * random.int(8, 25);
    case 'neighbourhood-point':
      return 10 * random.int(3, 10);
  }
}

/**
 * Beds by type: dementia-care units in some larger institutions (exact district total), nursing-type
 * shares by size and ownership (large public ones ≥ 80%, as Minhang's plan asks), topped up so the district reaches the
 * profile's minimum nursing share; the rest are general beds.
 */
function splitBeds(random: SeededRandom, profile: DistrictProfile, residential: FacilityDraft[], publicOwned: boolean[]): Map<FacilityDraft, BedsByType> {
  const f = profile.facilities;
  const dementiaCandidates = residential.map((d) => d.type === 'care-institution' && (d.beds >= 80 ? random.chance(0.55) : random.chance(0.1)));
  const cap = (d: FacilityDraft, i: number) => (dementiaCandidates[i] ? Math.floor(d.beds * 0.3) : 0);
  let caps = residential.map(cap);
  if (caps.reduce((s, c) => s + c, 0) < f.dementiaCareBeds) caps = residential.map((d) => (d.type === 'care-institution' ? Math.floor(d.beds * 0.3) : 0));
  const dementia = apportionCapped(f.dementiaCareBeds, residential.map((d) => d.beds), caps);
  const nursing = residential.map((d, i) => {
    const share =
      d.type === 'small-care-home'
        ? random.uniform(0.4, 0.75)
        : d.beds >= 150 && publicOwned[i]
          ? random.uniform(0.8, 0.92)
          : d.beds >= 150
            ? random.uniform(0.45, 0.75)
            : random.uniform(0.3, 0.6);
    return Math.min(d.beds - dementia[i], Math.round(share * d.beds));
  });
  const needed = Math.ceil(f.minimumNursingShare * f.beds) - nursing.reduce((s, n) => s + n, 0);
  if (needed > 0) {
    const generalLeft = residential.map((d, i) => d.beds - dementia[i] - nursing[i]);
    apportionCapped(needed, generalLeft, generalLeft).forEach((extra, i) => (nursing[i] += extra));
  }
  return new Map(residential.map((d, i) => [d, { general: d.beds - dementia[i] - nursing[i], nursing: nursing[i], 'dementia-care': dementia[i] }]));
}

interface AgeRow {
  female: number;
  alone: number;
  spouseOnly: number;
  inInstitution: number;
  other: number;
  /** GB/T level 0–4 probabilities. */
  levels: number[];
  cognitive: number;
}

function ageRow(age: number): AgeRow {
  if (age < 70) return { female: 0.5, alone: 0.08, spouseOnly: 0.42, inInstitution: 0.005, other: 0.025, levels: [0.86, 0.09, 0.03, 0.015, 0.005], cognitive: 0.01 };
  if (age < 80) return { female: 0.53, alone: 0.12, spouseOnly: 0.4, inInstitution: 0.015, other: 0.025, levels: [0.7, 0.17, 0.07, 0.04, 0.02], cognitive: 0.04 };
  if (age < 90) return { female: 0.58, alone: 0.18, spouseOnly: 0.25, inInstitution: 0.08, other: 0.02, levels: [0.42, 0.25, 0.15, 0.11, 0.07], cognitive: 0.12 };
  return { female: 0.65, alone: 0.16, spouseOnly: 0.12, inInstitution: 0.14, other: 0.02, levels: [0.2, 0.25, 0.2, 0.18, 0.17], cognitive: 0.25 };
}

const INSTITUTION_LEVELS = [0.1, 0.2, 0.25, 0.25, 0.2];

function* generateSeniors(profile: DistrictProfile, seed: number, streets: SyntheticStreet[], estates: SyntheticEstate[]): Generator<SyntheticSenior, void, undefined> {
  const asOfDay = dayNumber(profile.asOf);
  const bandWeights = profile.ageBands.map((b) => b.share);
  const regionWeights = profile.idRegions.map((r) => r.weight);
  // ID numbers issued so far, as numbers (region, birth day, sequence): unique within the district.
  const issued = new Set<number>();
  const spreadByStreet = new Map(profile.streets.map((s) => [s.code, s.spreadMetres]));

  for (const street of streets) {
    const random = SeededRandom.stream(seed, `seniors:${street.code}`);
    const streetSpread = spreadByStreet.get(street.code)!;
    for (const estate of estates) {
      if (estate.streetCode !== street.code) continue;
      for (let k = 0; k < estate.seniors; k++) {
        const band = profile.ageBands[random.weightedIndex(bandWeights)];
        let birthDay = asOfDay - Math.floor(random.uniform(band.fromAge, band.toAge + 1) * 365.2425);
        let birthDate = dateOfDay(birthDay);
        while (ageOn(birthDate, profile.asOf) < band.fromAge) birthDate = dateOfDay(--birthDay);
        while (ageOn(birthDate, profile.asOf) > band.toAge) birthDate = dateOfDay(++birthDay);
        const age = ageOn(birthDate, profile.asOf);
        const row = ageRow(age);
        const sex: SeniorSex = random.chance(row.female) ? 'female' : 'male';

        const regionIndex = random.weightedIndex(regionWeights);
        let sequence = random.int(0, 499) * 2 + (sex === 'male' ? 1 : 0);
        const keyBase = (regionIndex * 100_000 + birthDay + 50_000) * 1000;
        for (let tries = 0; issued.has(keyBase + sequence); tries++) {
          if (tries >= 500) throw new Error(`no ID sequence left for ${birthDate} in ${profile.idRegions[regionIndex].code}`);
          sequence = (sequence + 2) % 1000;
        }
        issued.add(keyBase + sequence);
        const idNumber = withCheckCharacter(`${profile.idRegions[regionIndex].code}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`);

        const scattered = random.chance(0.08);
        const location = scatter(random, scattered ? street.centre : estate.centre, scattered ? streetSpread : estate.spreadMetres, profile.bounds);
        const building = random.int(1, street.rural ? 400 : 120);
        const text = street.rural
          ? `${profile.districtName}${street.name}${estate.name}${building}号`
          : `${profile.districtName}${street.name}${estate.name}${building}号${random.int(1, 6)}0${random.int(1, 4)}室`;

        const roll = random.next();
        const livingArrangement: LivingArrangement =
          roll < row.alone ? 'alone' : roll < row.alone + row.spouseOnly ? 'with-spouse-only' : roll < row.alone + row.spouseOnly + row.inInstitution ? 'in-institution' : roll < row.alone + row.spouseOnly + row.inInstitution + row.other ? 'other' : 'with-family';

        const assessed = random.chance(age < 70 ? profile.assessedShare.under70 : profile.assessedShare.from70);
        const level = random.weightedIndex(livingArrangement === 'in-institution' ? INSTITUTION_LEVELS : row.levels);
        const gbt = assessed ? { level, assessedOn: dateOfDay(asOfDay - random.int(0, 364)) } : null;
        const cognitiveImpairmentDiagnosed = random.chance(level >= 3 ? Math.min(0.6, row.cognitive * 2.5) : row.cognitive);
        const dementiaDiagnosed = cognitiveImpairmentDiagnosed && random.chance(0.6);

        const priorityFlags = priorityFlagsFor(random, { asOfDay, street, birthDate, age, sex, livingArrangement, gbt, cognitiveImpairmentDiagnosed });
        yield {
          seniorId: random.uuid(),
          name: chineseName(random, sex),
          sex,
          birthDate,
          idNumber,
          districtCode: profile.districtCode,
          address: { text, streetCode: street.code, location },
          estateId: estate.estateId,
          livingArrangement,
          priorityFlags,
          gbt,
          dementiaDiagnosed,
          cognitiveImpairmentDiagnosed,
        };
      }
    }
  }
}

interface FlagFacts {
  asOfDay: number;
  street: SyntheticStreet;
  birthDate: string;
  age: number;
  sex: SeniorSex;
  livingArrangement: LivingArrangement;
  gbt: { level: number; assessedOn: string } | null;
  cognitiveImpairmentDiagnosed: boolean;
}

/** Share of yearly-reviewed grants that have lapsed (not renewed) by the profile's date. */
const LAPSED_SHARE = 0.05;

/**
 * The priority groups a senior belongs to, each with evidence and validity. Rates are rough
 * Shanghai suburban figures: 特困 0.3%, 低保 1.2%, 低收入 2% (one of the three at most), 高龄 for
 * almost everyone 80+, 独居 and 空巢 for most of those who live so, 失能 from GB/T level 3+,
 * 失智 from a diagnosis, 计划生育特殊家庭 0.4%, 重点优抚 about 0.6%.
 */
function priorityFlagsFor(random: SeededRandom, facts: FlagFacts): SyntheticPriorityFlag[] {
  const flags: SyntheticPriorityFlag[] = [];
  const serial = (digits: number) => String(random.int(0, 10 ** digits - 1)).padStart(digits, '0');
  // A grant reviewed every year: most current, some lapsed.
  const yearly = (flag: PriorityGroupId, evidence: (from: string) => string) => {
    const lapsed = random.chance(LAPSED_SHARE);
    const validFrom = dateOfDay(facts.asOfDay - (lapsed ? random.int(370, 900) : random.int(0, 360)));
    flags.push({ flag, evidence: evidence(validFrom), validFrom, validUntil: addMonths(validFrom, 12) });
  };
  const income = random.next();
  if (income < 0.003) yearly('extreme-poverty', (from) => `特困人员救助供养证 闵民特〔${from.slice(0, 4)}〕${serial(4)}号`);
  else if (income < 0.015) yearly('minimum-income', (from) => `低保证 ${facts.street.code}-${from.slice(0, 4)}-${serial(5)}`);
  else if (income < 0.035) yearly('low-income', (from) => `低收入家庭认定 ${facts.street.code}-${from.slice(0, 4)}-${serial(5)}`);

  if (facts.age >= 80 && random.chance(0.97)) {
    flags.push({ flag: 'very-old', evidence: `居民身份证 出生日期 ${facts.birthDate}`, validFrom: addMonths(facts.birthDate, 960), validUntil: null });
  }
  if (facts.livingArrangement === 'alone' && random.chance(0.9)) yearly('living-alone', (from) => `居委会独居老人登记 ${from}`);
  if (facts.livingArrangement === 'with-spouse-only' && random.chance(0.75)) yearly('empty-nest', (from) => `居委会纯老家庭登记 ${from}`);
  if (facts.gbt && facts.gbt.level >= 3) {
    flags.push({ flag: 'disabled', evidence: `GB/T 42195 评估 ${facts.gbt.assessedOn} 等级 ${facts.gbt.level}`, validFrom: facts.gbt.assessedOn, validUntil: addMonths(facts.gbt.assessedOn, 12) });
  }
  if (facts.cognitiveImpairmentDiagnosed) {
    const from = dateOfDay(facts.asOfDay - random.int(30, 1500));
    flags.push({ flag: 'cognitive-impairment', evidence: `医院诊断证明 ${from} 认知障碍`, validFrom: from, validUntil: null });
  }
  if (random.chance(0.004)) {
    const from = dateOfDay(facts.asOfDay - random.int(365, 5000));
    flags.push({ flag: 'family-planning-special', evidence: `计划生育特殊家庭扶助证 ${serial(6)}`, validFrom: from, validUntil: null });
  }
  if (random.chance(facts.sex === 'male' ? 0.01 : 0.002)) {
    const from = dateOfDay(facts.asOfDay - random.int(365, 9000));
    flags.push({ flag: 'key-entitled', evidence: `优抚对象证 ${serial(6)}`, validFrom: from, validUntil: null });
  }
  return flags;
}
