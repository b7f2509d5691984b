/**
 * Profiles of synthetic districts: the scale the plans report, as data. `minhang` follows Minhang's
 * 2020 figures (domain.md); `small` is a few thousand seniors for tests. Street centres are
 * approximate WGS-84 points; codes follow the national statistical division codes (310112xxx).
 */
import type { LatLng } from './gcj02-coordinates';

export interface StreetProfile {
  /** 9-digit statistical code of the street (街道) or town (镇). */
  code: string;
  name: string;
  /** WGS-84. */
  centre: LatLng;
  /** Relative share of the district's seniors. */
  seniorWeight: number;
  /** How far (1 σ, metres) estates spread around the centre. */
  spreadMetres: number;
  /** Villages rather than estates: looser clusters, more neighbourhood points. */
  rural: boolean;
}

export interface AgeBand {
  fromAge: number;
  /** Inclusive. */
  toAge: number;
  share: number;
}

export interface FacilityCounts {
  /** Residential sites in all (养老机构 including 长者照护之家), sharing `beds`. */
  residentialSites: number;
  /** Of the residential sites, how many are small embedded care homes (长者照护之家, under 50 beds). */
  smallCareHomes: number;
  beds: number;
  /** Dementia-care beds (认知障碍照护床位) among `beds`. */
  dementiaCareBeds: number;
  /** District-wide share of nursing-type beds the generator makes sure of (plans: ≥ 60%). */
  minimumNursingShare: number;
  dayCareCentres: number;
  mealSites: number;
  communityHubs: number;
  neighbourhoodPoints: number;
}

export interface DistrictProfile {
  id: string;
  districtCode: string;
  districtName: string;
  /** The date ages, flags and assessments are computed for. */
  asOf: string;
  /** WGS-84 bounding box every generated point stays inside. */
  bounds: { south: number; north: number; west: number; east: number };
  /** Registered people aged 60+. */
  seniors: number;
  /** Registered (户籍) and permanent (常住) population, for per-1,000 indicators. */
  population: { registered: number; permanent: number };
  /** Roughly how many seniors one estate cluster houses. */
  seniorsPerEstate: number;
  streets: StreetProfile[];
  ageBands: AgeBand[];
  facilities: FacilityCounts;
  /** Share of seniors with a GB/T 42195 assessment, under 70 and from 70 (Shanghai assesses all 70+). */
  assessedShare: { under70: number; from70: number };
  /** First six digits of ID numbers issued to these seniors, with weights (most were issued locally). */
  idRegions: Array<{ code: string; weight: number }>;
}

/** The age structure of registered Shanghai seniors around 2020: 80+ about 17%. */
const SHANGHAI_AGE_BANDS: AgeBand[] = [
  { fromAge: 60, toAge: 64, share: 0.27 },
  { fromAge: 65, toAge: 69, share: 0.27 },
  { fromAge: 70, toAge: 74, share: 0.19 },
  { fromAge: 75, toAge: 79, share: 0.1 },
  { fromAge: 80, toAge: 84, share: 0.07 },
  { fromAge: 85, toAge: 89, share: 0.06 },
  { fromAge: 90, toAge: 94, share: 0.03 },
  { fromAge: 95, toAge: 99, share: 0.008 },
  { fromAge: 100, toAge: 104, share: 0.002 },
];

const MINHANG_ID_REGIONS = [
  { code: '310112', weight: 0.62 }, // 闵行区
  { code: '310221', weight: 0.18 }, // former 上海县 (merged into Minhang in 1992)
  { code: '310104', weight: 0.06 }, // 徐汇区
  { code: '310105', weight: 0.04 }, // 长宁区
  { code: '320581', weight: 0.04 }, // 常熟 (Jiangsu)
  { code: '330481', weight: 0.03 }, // 海宁 (Zhejiang)
  { code: '340102', weight: 0.03 }, // 合肥瑶海 (Anhui)
];

const MINHANG_STREETS: StreetProfile[] = [
  { code: '310112001', name: '江川路街道', centre: { lat: 31.012, lng: 121.392 }, seniorWeight: 8.5, spreadMetres: 1600, rural: false },
  { code: '310112006', name: '古美路街道', centre: { lat: 31.148, lng: 121.402 }, seniorWeight: 8.0, spreadMetres: 1000, rural: false },
  { code: '310112008', name: '新虹街道', centre: { lat: 31.197, lng: 121.322 }, seniorWeight: 2.5, spreadMetres: 1400, rural: false },
  { code: '310112009', name: '浦锦街道', centre: { lat: 31.086, lng: 121.502 }, seniorWeight: 5.0, spreadMetres: 1500, rural: false },
  { code: '310112101', name: '莘庄镇', centre: { lat: 31.111, lng: 121.372 }, seniorWeight: 12.0, spreadMetres: 1700, rural: false },
  { code: '310112102', name: '七宝镇', centre: { lat: 31.158, lng: 121.348 }, seniorWeight: 10.5, spreadMetres: 1800, rural: false },
  { code: '310112103', name: '颛桥镇', centre: { lat: 31.062, lng: 121.412 }, seniorWeight: 6.5, spreadMetres: 1800, rural: false },
  { code: '310112106', name: '华漕镇', centre: { lat: 31.226, lng: 121.312 }, seniorWeight: 4.0, spreadMetres: 2000, rural: true },
  { code: '310112107', name: '虹桥镇', centre: { lat: 31.182, lng: 121.392 }, seniorWeight: 8.0, spreadMetres: 1300, rural: false },
  { code: '310112108', name: '梅陇镇', centre: { lat: 31.121, lng: 121.432 }, seniorWeight: 11.0, spreadMetres: 1800, rural: false },
  { code: '310112110', name: '吴泾镇', centre: { lat: 31.045, lng: 121.462 }, seniorWeight: 4.0, spreadMetres: 1900, rural: false },
  { code: '310112112', name: '马桥镇', centre: { lat: 31.022, lng: 121.352 }, seniorWeight: 4.0, spreadMetres: 2200, rural: true },
  { code: '310112114', name: '浦江镇', centre: { lat: 31.052, lng: 121.525 }, seniorWeight: 9.5, spreadMetres: 2800, rural: true },
  { code: '310112501', name: '莘庄工业区', centre: { lat: 31.085, lng: 121.338 }, seniorWeight: 1.0, spreadMetres: 1500, rural: false },
];

/** Minhang, 2020 (domain.md): 379,000 people 60+, 63 institutions with 15,650 beds, 80 day-care centres, 106 meal sites, 79 hubs. */
export const MINHANG_PROFILE: DistrictProfile = {
  id: 'minhang',
  districtCode: '310112',
  districtName: '闵行区',
  asOf: '2020-12-31',
  bounds: { south: 30.98, north: 31.25, west: 121.3, east: 121.58 },
  seniors: 379_000,
  // 379,000 is 31.8% of the registered population; the 2020 census counted 2.65 million residents.
  population: { registered: 1_192_000, permanent: 2_654_000 },
  seniorsPerEstate: 1_200,
  streets: MINHANG_STREETS,
  ageBands: SHANGHAI_AGE_BANDS,
  facilities: {
    residentialSites: 63,
    smallCareHomes: 15,
    beds: 15_650,
    dementiaCareBeds: 555,
    minimumNursingShare: 0.6,
    dayCareCentres: 80,
    mealSites: 106,
    communityHubs: 79,
    // Not in the plans' figures: an assumption of one point for roughly every two villages or estates' clusters.
    neighbourhoodPoints: 150,
  },
  assessedShare: { under70: 0.35, from70: 0.8 },
  idRegions: MINHANG_ID_REGIONS,
};

/** A few thousand seniors in three streets: fast, and still every facility type. */
export const SMALL_PROFILE: DistrictProfile = {
  id: 'small',
  districtCode: '310112',
  districtName: '闵行区',
  asOf: '2020-12-31',
  bounds: { south: 31.08, north: 31.17, west: 121.33, east: 121.45 },
  seniors: 2_000,
  population: { registered: 6_300, permanent: 14_000 },
  seniorsPerEstate: 250,
  streets: [
    { code: '310112101', name: '莘庄镇', centre: { lat: 31.111, lng: 121.372 }, seniorWeight: 3, spreadMetres: 1200, rural: false },
    { code: '310112006', name: '古美路街道', centre: { lat: 31.148, lng: 121.402 }, seniorWeight: 2, spreadMetres: 800, rural: false },
    { code: '310112108', name: '梅陇镇', centre: { lat: 31.121, lng: 121.432 }, seniorWeight: 2, spreadMetres: 1000, rural: true },
  ],
  ageBands: SHANGHAI_AGE_BANDS,
  facilities: {
    residentialSites: 4,
    smallCareHomes: 2,
    beds: 420,
    dementiaCareBeds: 20,
    minimumNursingShare: 0.6,
    dayCareCentres: 3,
    mealSites: 4,
    communityHubs: 3,
    neighbourhoodPoints: 3,
  },
  assessedShare: { under70: 0.35, from70: 0.8 },
  idRegions: MINHANG_ID_REGIONS,
};

export const DISTRICT_PROFILES: Readonly<Record<string, DistrictProfile>> = { minhang: MINHANG_PROFILE, small: SMALL_PROFILE };

export interface ProfileProblem {
  path: string;
  message: string;
}

/** Every problem with a profile that would make generation fail or produce nonsense. */
export function validateDistrictProfile(profile: DistrictProfile): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const { bounds: b, facilities: f } = profile;
  if (!/^\d{6}$/.test(profile.districtCode)) add('districtCode', 'must be 6 digits');
  if (!(b.south < b.north && b.west < b.east)) add('bounds', 'must have south < north and west < east');
  if (!Number.isInteger(profile.seniors) || profile.seniors < 1) add('seniors', 'must be a positive integer');
  if (!(profile.seniorsPerEstate >= 1)) add('seniorsPerEstate', 'must be at least 1');
  if (profile.streets.length === 0) add('streets', 'must list at least one street');
  const codes = new Set<string>();
  profile.streets.forEach((s, i) => {
    if (!new RegExp(`^${profile.districtCode}\\d{3}$`).test(s.code)) add(`streets[${i}].code`, `must be the district code followed by 3 digits, got ${s.code}`);
    if (codes.has(s.code)) add(`streets[${i}].code`, `repeats ${s.code}`);
    codes.add(s.code);
    if (s.centre.lat < b.south || s.centre.lat > b.north || s.centre.lng < b.west || s.centre.lng > b.east) add(`streets[${i}].centre`, 'must lie inside the bounds');
    if (!(s.seniorWeight > 0)) add(`streets[${i}].seniorWeight`, 'must be positive');
    if (!(s.spreadMetres > 0)) add(`streets[${i}].spreadMetres`, 'must be positive');
  });
  const shareSum = profile.ageBands.reduce((sum, band) => sum + band.share, 0);
  if (Math.abs(shareSum - 1) > 1e-6) add('ageBands', `shares must sum to 1, got ${shareSum}`);
  if (profile.ageBands.some((band) => band.fromAge < 60 || band.toAge < band.fromAge)) add('ageBands', 'bands start at 60 or later and end after they start');
  const counts: Array<keyof FacilityCounts> = ['residentialSites', 'smallCareHomes', 'beds', 'dementiaCareBeds', 'dayCareCentres', 'mealSites', 'communityHubs', 'neighbourhoodPoints'];
  for (const key of counts) if (!Number.isInteger(f[key]) || f[key] < 0) add(`facilities.${key}`, 'must be a non-negative integer');
  if (f.smallCareHomes > f.residentialSites) add('facilities.smallCareHomes', 'cannot exceed residentialSites');
  const careInstitutions = f.residentialSites - f.smallCareHomes;
  if (f.beds < f.smallCareHomes * 49 + careInstitutions * 30) add('facilities.beds', 'must allow 30+ beds per care institution and up to 49 per small care home');
  if (f.dementiaCareBeds > 0.3 * f.beds) add('facilities.dementiaCareBeds', 'must stay below 30% of beds');
  if (f.minimumNursingShare < 0 || f.minimumNursingShare + f.dementiaCareBeds / Math.max(1, f.beds) > 1) add('facilities.minimumNursingShare', 'must leave room for dementia-care beds');
  if (f.residentialSites > 0 && careInstitutions === 0 && f.dementiaCareBeds > 0) add('facilities.dementiaCareBeds', 'need at least one care institution');
  if (f.communityHubs < profile.streets.length) add('facilities.communityHubs', 'need at least one hub per street');
  if (profile.idRegions.length === 0 || profile.idRegions.some((r) => !/^\d{6}$/.test(r.code) || !(r.weight > 0))) add('idRegions', 'need 6-digit codes with positive weights');
  return problems;
}
