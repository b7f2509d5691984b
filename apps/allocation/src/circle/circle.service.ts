import { Injectable } from '@nestjs/common';
import {
  DomainError,
  type BedCounts,
  type CircleFacility,
  type CircleSearchQuery,
  type CircleSearchResult,
  type FacilityType,
  type GeoPoint,
  sharedInBatch,
} from '@app/contracts';
import { gcj02ToWgs84, localDate, straightLineMetresForMinutes, walkingMinutes } from '@app/domain';
import type { AllocationSeniorViewRecord } from '@app/persistence';
import { SeniorViewsRepository } from '../senior-views/senior-views.repository';
import { CircleRepository, type FacilityDistance, type VacantBeds } from './circle.repository';

const CIRCLE_MINUTES = [5, 10, 15] as const;
const RESIDENTIAL = new Set(['care-institution', 'small-care-home']);
const DAY_CARE = new Set(['day-care-centre', 'community-hub']);
const FALLBACK_CANDIDATES = 30;
const FALLBACK_RESULTS = 3;

/** What the circle needs to know of a senior's entitlements (from entitlements.changed). */
interface EntitlementsSeen {
  bedTypes?: string[];
  dayCare?: boolean;
  meals?: { eligible?: boolean };
}

/**
 * The 15-minute circle: every facility within walking time of a senior's home (or any address),
 * ranked by walking minutes, with today's vacancies and, for a senior, whether they may use it and
 * why not. Walking time is straight-line distance × the district's detour factor ÷ walking speed;
 * a network estimate (pgRouting over a street graph) can replace `walkingMinutes` later.
 */
@Injectable()
export class CircleService {
  constructor(
    private readonly circle: CircleRepository,
    private readonly seniors: SeniorViewsRepository,
  ) {}

  async search(query: CircleSearchQuery): Promise<CircleSearchResult> {
    const { point, districtCode, senior } = await this.originOf(query);
    const today = localDate(new Date());
    const policy = await sharedInBatch(`walking-policy:${districtCode}:${today}`, () => this.circle.walkingPolicy(districtCode, today));
    if (!policy) throw new DomainError('POLICY_NOT_FOUND', `District ${districtCode} has no walking model; publish one before searching its circle`);
    const minutes = query.minutes ?? policy.circleMinutes;
    if (!(CIRCLE_MINUTES as readonly number[]).includes(minutes)) {
      throw new DomainError('VALIDATION_FAILED', 'The circle is 5, 10 or 15 minutes', [{ field: 'minutes', problems: ['must be 5, 10 or 15'] }]);
    }
    // The district's walking model (libs/domain): the straight-line radius a walk of `minutes` covers.
    const model = { walkingSpeedMetresPerSecond: policy.walkingSpeedMps, detourFactor: policy.detourFactor, circleMinutes: policy.circleMinutes as 5 | 10 | 15 };
    const radiusMetres = straightLineMetresForMinutes(model, minutes);
    const toMinutes = (metres: number) => Math.round(walkingMinutes(model, metres) * 10) / 10;

    const inside = await this.describe(await this.circle.within(point, radiusMetres, query.types), senior, toMinutes);
    const anyEligible = senior === null ? inside.length > 0 : inside.some((f) => f.eligible);
    let nearestOutside: CircleFacility[] = [];
    if (!anyEligible) {
      const candidates = await this.describe(await this.circle.beyond(point, radiusMetres, query.types, FALLBACK_CANDIDATES), senior, toMinutes);
      nearestOutside = candidates.filter((f) => f.eligible !== false).slice(0, FALLBACK_RESULTS);
    }
    return {
      origin: { point, seniorId: senior?.seniorId ?? null },
      walkingModel: { districtCode, version: policy.version, walkingSpeedMps: policy.walkingSpeedMps, detourFactor: policy.detourFactor, minutes, radiusMetres: Math.round(radiusMetres) },
      inside,
      nearestOutside,
    };
  }

  private async originOf(query: CircleSearchQuery): Promise<{ point: GeoPoint; districtCode: string; senior: AllocationSeniorViewRecord | null }> {
    if ('seniorId' in query.origin) {
      const senior = await this.seniors.findById(query.origin.seniorId);
      if (!senior) throw new DomainError('SENIOR_NOT_FOUND', `Allocation knows no senior ${query.origin.seniorId}`);
      const [lng, lat] = senior.location.coordinates as [number, number];
      return { point: { lat, lng }, districtCode: senior.districtCode, senior };
    }
    const { point, coordinateSystem, districtCode } = query.origin;
    return { point: coordinateSystem === 'GCJ-02' ? gcj02ToWgs84(point) : point, districtCode, senior: null };
  }

  private async describe(rows: FacilityDistance[], senior: AllocationSeniorViewRecord | null, toMinutes: (metres: number) => number): Promise<CircleFacility[]> {
    const vacancies = await this.circle.vacantBeds(rows.filter((r) => RESIDENTIAL.has(r.type)).map((r) => r.id));
    return rows.map((row) => {
      const own = vacancies.filter((v) => v.facilityId === row.id);
      const judged = senior ? judge(row, own, senior) : { eligible: null, reasons: [] };
      return {
        facilityId: row.id,
        name: row.name,
        type: row.type as FacilityType,
        location: { lat: Number(row.lat), lng: Number(row.lng) },
        straightLineMetres: Math.round(Number(row.metres)),
        walkingMinutes: toMinutes(Number(row.metres)),
        vacantBeds: sumByType(own),
        dayCarePlaces: row.dayCarePlaces,
        ...judged,
      };
    });
  }
}

function sumByType(vacancies: VacantBeds[]): BedCounts {
  const counts: BedCounts = { general: 0, nursing: 0, 'dementia-care': 0 };
  for (const v of vacancies) counts[v.bedType] += v.vacant;
  return counts;
}

/** Whether this senior may use this facility today, and every reason why not. */
function judge(row: FacilityDistance, vacancies: VacantBeds[], senior: AllocationSeniorViewRecord): { eligible: boolean; reasons: string[] } {
  const entitlements = senior.entitlements as EntitlementsSeen | null;
  if (!entitlements) return { eligible: false, reasons: ['entitlements not known yet (no assessment or policy has been applied)'] };
  if (RESIDENTIAL.has(row.type)) {
    const allowed = entitlements.bedTypes ?? [];
    if (allowed.length === 0) return { eligible: false, reasons: ['not entitled to a residential bed'] };
    const ofAllowedType = vacancies.filter((v) => allowed.includes(v.bedType));
    if (ofAllowedType.length === 0) return { eligible: false, reasons: [`no vacant bed of an allowed type (allowed: ${allowed.join(', ')})`] };
    if (!ofAllowedType.some((v) => v.genderRule === 'any' || v.genderRule === senior.sex)) {
      return { eligible: false, reasons: [`vacant ${allowed.join('/')} beds are only in rooms for ${senior.sex === 'female' ? 'men' : 'women'}`] };
    }
    return { eligible: true, reasons: [] };
  }
  if (DAY_CARE.has(row.type)) {
    if (!entitlements.dayCare) return { eligible: false, reasons: ['not entitled to day care'] };
    if (row.dayCarePlaces === 0) return { eligible: false, reasons: ['offers no day-care places'] };
    return { eligible: true, reasons: [] };
  }
  if (row.type === 'meal-site' && entitlements.meals?.eligible === false) return { eligible: false, reasons: ['not entitled to meal assistance'] };
  return { eligible: true, reasons: [] };
}
