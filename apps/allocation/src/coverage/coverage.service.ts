import { Injectable } from '@nestjs/common';
import {
  DomainError,
  FACILITY_TYPES,
  type Actor,
  type CoverageArea,
  type CoverageQuery,
  type CoverageReport,
  type CoverageWalkingModel,
  type FieldProblem,
  type GapQuery,
  type GapReport,
  type PlanningTargetsRecord,
  type PublishPlanningTargetsCommand,
  type SetStreetStatisticsCommand,
  type StreetStatisticsEntry,
  type WhatIfCoverage,
  type WhatIfQuery,
  type WhatIfResult,
} from '@app/contracts';
import {
  areaIndicators,
  CIRCLE_MINUTES,
  DEFAULT_GAP_RESOLUTION,
  districtPopulation,
  emptyFigures,
  GAP_RESOLUTIONS,
  gapClusters,
  gcj02ToWgs84,
  localDate,
  outOfChina,
  round2,
  straightLineMetresForMinutes,
  streetPopulation,
  sumFigures,
  validatePlanningTargets,
  validateStreetStatistics,
  type AreaFigures,
  type CircleMinutes,
  type GapResolution,
  type PlanningTargets,
  type Population,
} from '@app/domain';
import type { PlanningTargetsVersion, StreetStatisticsRecord } from '@app/persistence';
import { CircleRepository } from '../circle/circle.repository';
import { CoverageRepository } from './coverage.repository';

const DEFAULT_GAP_CELLS = 20;
const MAX_GAP_CELLS = 500;
/** The key of seniors and facilities registered without a street. */
const WITHOUT_STREET = '';

/**
 * Coverage and planning indicators: how much of a district lives within the circle of each
 * facility type, and the capacity ratios the five-year plans set targets for, per street and for
 * the district; where the gaps cluster; and what a new site would change. Counting is SQL
 * (CoverageRepository), the arithmetic is libs/domain/src/planning.
 */
@Injectable()
export class CoverageService {
  constructor(
    private readonly coverage: CoverageRepository,
    private readonly circle: CircleRepository,
  ) {}

  async report(query: CoverageQuery): Promise<CoverageReport> {
    const asOf = localDate(new Date());
    const walking = await this.walkingModel(query.districtCode, query.minutes, asOf);
    const types = [...FACILITY_TYPES];
    const [groups, facilityGroups, bedGroups, loads, statistics, targets] = await Promise.all([
      this.coverage.coverageGroups(query.districtCode, walking.radiusMetres, types, asOf),
      this.coverage.facilityGroups(query.districtCode),
      this.coverage.bedGroups(query.districtCode),
      this.coverage.dayCareLoads(query.districtCode, asOf),
      this.coverage.latestStatistics(query.districtCode),
      this.coverage.targetsInForce(query.districtCode, asOf),
    ]);

    const areas = new Map<string, AreaFigures>();
    const area = (streetCode: string | null) => {
      const key = streetCode ?? WITHOUT_STREET;
      let figures = areas.get(key);
      if (!figures) areas.set(key, (figures = { ...emptyFigures(), coveredByType: {}, facilitiesByType: {} }));
      return figures as AreaFigures & { coveredByType: Record<string, number>; facilitiesByType: Record<string, AreaFigures['facilitiesByType'][string]> };
    };
    for (const g of groups) {
      const figures = area(g.streetCode);
      figures.platform.seniors += g.seniors;
      figures.platform.aged60Plus += g.aged60Plus;
      figures.platform.aged65Plus += g.aged65Plus;
      types.forEach((type, bit) => {
        if (g.mask & (1 << bit)) figures.coveredByType[type] = (figures.coveredByType[type] ?? 0) + g.seniors;
      });
    }
    for (const f of facilityGroups) {
      area(f.streetCode).facilitiesByType[f.type] = { facilities: f.facilities, floorAreaM2: Number(f.floorAreaM2), dayCarePlaces: f.dayCarePlaces, mealSeats: f.mealSeats };
    }
    for (const b of bedGroups) area(b.streetCode).beds = { general: b.general, nursing: b.nursing, dementiaCare: b.dementiaCare, occupied: b.occupied, held: b.held };
    for (const l of loads) area(l.streetCode).dayCareBookedToday = { morning: l.morning, afternoon: l.afternoon };
    const statisticsByStreet = new Map(statistics.map((s) => [s.streetCode, s]));
    for (const s of statistics) area(s.streetCode);

    const plan = targets ? planOf(targets) : null;
    const streetCodes = [...areas.keys()].filter((key) => key !== WITHOUT_STREET).sort();
    const populations = new Map<string, Population>(
      streetCodes.map((code) => {
        const s = statisticsByStreet.get(code);
        return [code, streetPopulation(areas.get(code)!.platform, s ? { year: s.year, registeredPopulation: s.registeredPopulation, registered60Plus: s.registered60Plus, registered65Plus: s.registered65Plus } : null)];
      }),
    );
    const withoutStreet = areas.get(WITHOUT_STREET) ?? null;
    const districtPop = districtPopulation([...populations.values()], withoutStreet?.platform ?? null);
    const streets: CoverageArea[] = streetCodes.map((code) => ({
      area: 'street',
      code,
      name: statisticsByStreet.get(code)?.name ?? null,
      ...areaIndicators(areas.get(code)!, populations.get(code)!, plan, 'street', types),
    }));
    if (withoutStreet) {
      streets.push({ area: 'without-street', code: null, name: null, ...areaIndicators(withoutStreet, streetPopulation(withoutStreet.platform, null), plan, 'street', types) });
    }
    const district: CoverageArea = { area: 'district', code: query.districtCode, name: null, ...areaIndicators(sumFigures([...areas.values()]), districtPop, plan, 'district', types) };
    return {
      districtCode: query.districtCode,
      asOf,
      generatedAt: new Date().toISOString(),
      walkingModel: walking.model,
      targets: targets && plan ? { version: targets.version, effectiveFrom: targets.effectiveFrom, ...plan } : null,
      facilityTypes: types,
      district,
      streets,
      notes: notes(walking.model, district, streetCodes.length, statisticsByStreet.size, withoutStreet?.platform.seniors ?? 0, plan !== null),
    };
  }

  async gaps(query: GapQuery): Promise<GapReport> {
    const problems = [...typeProblems(query.type), ...streetProblems(query.districtCode, query.streetCode)];
    const resolution = (query.resolution ?? DEFAULT_GAP_RESOLUTION) as GapResolution;
    if (!GAP_RESOLUTIONS.includes(resolution)) problems.push({ field: 'resolution', problems: [`must be one of ${GAP_RESOLUTIONS.join(', ')}`] });
    const limit = query.limit ?? DEFAULT_GAP_CELLS;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_GAP_CELLS) problems.push({ field: 'limit', problems: [`must be a whole number from 1 to ${MAX_GAP_CELLS}`] });
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'The gap query has invalid fields', problems);
    const walking = await this.walkingModel(query.districtCode, query.minutes, localDate(new Date()));
    const [spots, seniors] = await Promise.all([
      this.coverage.uncoveredSpots(query.districtCode, query.type, walking.radiusMetres, query.streetCode),
      this.coverage.seniorCount(query.districtCode, query.streetCode),
    ]);
    const clusters = gapClusters(spots, resolution, limit);
    return {
      districtCode: query.districtCode,
      type: query.type,
      streetCode: query.streetCode,
      walkingModel: walking.model,
      resolution,
      seniors,
      uncovered: spots.reduce((total, s) => total + s.seniors, 0),
      cellCount: clusters.cellCount,
      cells: clusters.cells,
    };
  }

  async whatIf(query: WhatIfQuery): Promise<WhatIfResult> {
    const problems = [...typeProblems(query.type), ...streetProblems(query.districtCode, query.streetCode)];
    if (outOfChina(query.point)) problems.push({ field: 'point', problems: ['is outside China: check the coordinates and their order (lat, lng)'] });
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'The what-if has invalid fields', problems);
    const point = query.coordinateSystem === 'GCJ-02' ? gcj02ToWgs84(query.point) : query.point;
    const walking = await this.walkingModel(query.districtCode, query.minutes, localDate(new Date()));
    const radius = walking.radiusMetres;
    const [inside, rows, byStreet, nearestStreet] = await Promise.all([
      this.coverage.withinDistrictExtent(query.districtCode, point, radius),
      this.coverage.whatIf(query.districtCode, query.type, point, radius),
      this.coverage.coverageOfType(query.districtCode, query.type, radius),
      query.streetCode === null ? this.coverage.nearestSeniorStreet(query.districtCode, point) : Promise.resolve(query.streetCode),
    ]);
    if (!inside) {
      const why = inside === null ? 'has no registered seniors or facilities yet' : `does not reach this point (its seniors and facilities, widened by ${Math.round(radius)} m)`;
      throw new DomainError('OUTSIDE_DISTRICT', `The point is outside district ${query.districtCode}: the district ${why}`, [{ field: 'point', problems: [`is outside district ${query.districtCode}`] }]);
    }
    const streetCode = nearestStreet;
    const sum = <K extends 'within' | 'newlyCovered'>(key: K, street?: string | null) => rows.filter((r) => street === undefined || r.streetCode === street).reduce((t, r) => t + r[key], 0);
    const newlyCovered = sum('newlyCovered');
    const within = sum('within');
    const districtSeniors = byStreet.reduce((t, r) => t + r.seniors, 0);
    const districtCovered = byStreet.reduce((t, r) => t + r.covered, 0);
    const street = (streetCode !== null && byStreet.find((r) => r.streetCode === streetCode)) || { seniors: 0, covered: 0 };
    const streetNewly = streetCode === null ? 0 : sum('newlyCovered', streetCode);
    return {
      districtCode: query.districtCode,
      type: query.type,
      point: { lat: point.lat, lng: point.lng },
      walkingModel: walking.model,
      withinCircle: within,
      alreadyCovered: within - newlyCovered,
      newlyCovered,
      district: change(districtSeniors, districtCovered, newlyCovered),
      street: { streetCode, source: query.streetCode === null ? 'nearest-registered-senior' : 'request', newlyCovered: streetNewly, ...change(street.seniors, street.covered, streetNewly) },
    };
  }

  /** Publishes a version of the district's targets. The same version again with the same figures is the same publication; different figures are refused. */
  async publishTargets(command: PublishPlanningTargetsCommand, actor: Actor): Promise<PlanningTargetsRecord> {
    await this.requireDistrict(command.districtCode);
    const problems: FieldProblem[] = validatePlanningTargets(command).map((p) => ({ field: p.field, problems: [p.message] }));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(command.effectiveFrom) || Number.isNaN(Date.parse(command.effectiveFrom))) problems.push({ field: 'effectiveFrom', problems: ['must be a date (YYYY-MM-DD)'] });
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'The planning targets have invalid fields', problems);
    const row = {
      districtCode: command.districtCode,
      version: command.version,
      effectiveFrom: command.effectiveFrom,
      ...planOf(command),
      createdBy: actor.accountId,
    };
    const existing = (await this.coverage.insertTargets(row)) ? null : await this.coverage.targetVersion(command.districtCode, command.version);
    if (existing && !sameTargets(existing, row)) {
      throw new DomainError('CONFLICT', `District ${command.districtCode} already has targets version ${command.version} with other figures; publish a new version`);
    }
    return (await this.listTargets(command.districtCode)).find((t) => t.version === command.version)!;
  }

  async listTargets(districtCode: string): Promise<PlanningTargetsRecord[]> {
    await this.requireDistrict(districtCode);
    const [versions, inForce] = await Promise.all([this.coverage.targetVersions(districtCode), this.coverage.targetsInForce(districtCode, localDate(new Date()))]);
    return versions.map((v) => ({
      districtCode: v.districtCode,
      version: v.version,
      effectiveFrom: v.effectiveFrom,
      ...planOf(v),
      inForce: v.id === inForce?.id,
      createdBy: v.createdBy,
      createdAt: v.createdAt.toISOString(),
    }));
  }

  async setStatistics(command: SetStreetStatisticsCommand, actor: Actor): Promise<StreetStatisticsEntry[]> {
    await this.requireDistrict(command.districtCode);
    const problems: FieldProblem[] = validateStreetStatistics(command.districtCode, command.streets).map((p) => ({ field: p.field, problems: [p.message] }));
    if (!Number.isInteger(command.year) || command.year < 1990 || command.year > 2100) problems.push({ field: 'year', problems: ['must be a year from 1990 to 2100'] });
    if (command.streets.length === 0) problems.push({ field: 'streets', problems: ['must list at least one street'] });
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'The street statistics have invalid fields', problems);
    await this.coverage.saveStatistics(
      command.streets.map((s) => ({
        districtCode: command.districtCode,
        streetCode: s.streetCode,
        year: command.year,
        name: s.name,
        registeredPopulation: s.registeredPopulation,
        registered60Plus: s.registered60Plus,
        registered65Plus: s.registered65Plus,
        updatedBy: actor.accountId,
      })),
    );
    return this.listStatistics(command.districtCode, command.year);
  }

  async listStatistics(districtCode: string, year: number | null): Promise<StreetStatisticsEntry[]> {
    await this.requireDistrict(districtCode);
    return (await this.coverage.statistics(districtCode, year)).map(toEntry);
  }

  /** The district's walking model and the radius of a circle of `minutes` (default: the district's circle). */
  private async walkingModel(districtCode: string, minutes: number | null, date: string): Promise<{ model: CoverageWalkingModel; radiusMetres: number }> {
    const policy = await this.requireDistrict(districtCode, date);
    const chosen = minutes ?? policy.circleMinutes;
    if (!(CIRCLE_MINUTES as readonly number[]).includes(chosen)) {
      throw new DomainError('VALIDATION_FAILED', 'The circle is 5, 10 or 15 minutes', [{ field: 'minutes', problems: ['must be 5, 10 or 15'] }]);
    }
    const radiusMetres = straightLineMetresForMinutes({ walkingSpeedMetresPerSecond: policy.walkingSpeedMps, detourFactor: policy.detourFactor, circleMinutes: policy.circleMinutes as CircleMinutes }, chosen);
    return {
      model: { version: policy.version, walkingSpeedMps: policy.walkingSpeedMps, detourFactor: policy.detourFactor, minutes: chosen, radiusMetres: Math.round(radiusMetres) },
      radiusMetres,
    };
  }

  /** A district allocation knows: it has a walking model (the circle cannot be drawn without one). */
  private async requireDistrict(districtCode: string, date: string = localDate(new Date())) {
    const policy = await this.circle.walkingPolicy(districtCode, date);
    if (!policy) throw new DomainError('NOT_FOUND', `District ${districtCode} is not known to allocation: it has no walking model in force`);
    return policy;
  }
}

function planOf(t: PlanningTargets): PlanningTargets {
  return {
    bedsPer100Older: t.bedsPer100Older,
    nursingBedSharePct: t.nursingBedSharePct,
    dementiaCareBeds: t.dementiaCareBeds,
    mealCapacityPctOf65Plus: t.mealCapacityPctOf65Plus,
    communityFloorM2Per1000: t.communityFloorM2Per1000,
  };
}

function sameTargets(a: PlanningTargetsVersion, b: PlanningTargets & { effectiveFrom: string }): boolean {
  const x = planOf(a);
  const y = planOf(b);
  return a.effectiveFrom === b.effectiveFrom && (Object.keys(x) as Array<keyof PlanningTargets>).every((k) => x[k] === y[k]);
}

function toEntry(s: StreetStatisticsRecord): StreetStatisticsEntry {
  return {
    districtCode: s.districtCode,
    year: s.year,
    streetCode: s.streetCode,
    name: s.name,
    registeredPopulation: s.registeredPopulation,
    registered60Plus: s.registered60Plus,
    registered65Plus: s.registered65Plus,
    updatedBy: s.updatedBy,
    updatedAt: s.updatedAt.toISOString(),
  };
}

function typeProblems(type: string): FieldProblem[] {
  return (FACILITY_TYPES as readonly string[]).includes(type) ? [] : [{ field: 'type', problems: [`must be one of ${FACILITY_TYPES.join(', ')}`] }];
}

function streetProblems(districtCode: string, streetCode: string | null): FieldProblem[] {
  return streetCode === null || (/^\d{9,12}$/.test(streetCode) && streetCode.startsWith(districtCode)) ? [] : [{ field: 'streetCode', problems: [`is not a street of district ${districtCode}`] }];
}

function change(seniors: number, covered: number, added: number): WhatIfCoverage {
  const share = (n: number) => (seniors === 0 ? null : round2((n / seniors) * 100));
  return { seniors, coveredBefore: covered, coveredAfter: covered + added, sharePctBefore: share(covered), sharePctAfter: share(covered + added) };
}

function notes(walking: CoverageWalkingModel, district: CoverageArea, streets: number, streetsWithStatistics: number, withoutStreet: number, judged: boolean): string[] {
  const list = [
    `Coverage: seniors registered on the platform within ${walking.minutes} minutes' walk of a facility of the type (${walking.radiusMetres} m in a straight line at ${walking.walkingSpeedMps} m/s with a detour factor of ${walking.detourFactor}); facilities of neighbouring districts count.`,
    'Institution beds are the beds of care institutions and small care homes; the nursing-type share does not count dementia-care beds; meal capacity is canteen seats per meal slot; community floor area is that of every facility type but care institutions.',
  ];
  const source = district.population.source;
  if (source === 'platform-registrations') {
    list.push('Population source: no street statistics were entered, so the ratios divide by seniors registered on the platform (aged 60+ and 65+ on the report date); floor area per 1,000 people needs statistics.');
  } else if (source === 'mixed') {
    list.push(`Population source: statistics for ${streetsWithStatistics} of ${streets} streets; the other streets count seniors registered on the platform, and the district's total population is unknown, so floor area per 1,000 people is given only for streets with statistics.`);
  } else {
    list.push(`Population source: street statistics (${district.population.years.join(', ')}).`);
  }
  if (withoutStreet > 0) list.push(`${withoutStreet} seniors are registered without a street: they count in the district only.`);
  if (!judged) list.push('The district has published no planning targets: no indicator is judged.');
  return list;
}
