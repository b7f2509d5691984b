/**
 * The walking-time model of the 15-minute circle, as district policy data. Walking time is the
 * straight-line (great-circle) distance times a detour factor, divided by older adults' walking
 * speed. PostGIS searches with ST_DWithin(geography, radius) where the radius is the straight-line
 * distance that the circle's minutes can cover once detours are counted.
 *
 * The seam: `WalkingTimeEstimator` is what the circle search should ask. The straight-line estimator
 * here is the default; a network estimator (pgRouting over an imported street network) implements
 * the same interface with source 'network', and the search keeps ST_DWithin as its pre-filter.
 */
import type { LatLng } from './gcj02-coordinates';

export const CIRCLE_MINUTES = [5, 10, 15] as const;
export type CircleMinutes = (typeof CIRCLE_MINUTES)[number];

export interface WalkingModel {
  /** Older adults walk at about 0.64–0.92 m/s; planning uses about 0.8. */
  walkingSpeedMetresPerSecond: number;
  /** Street distance over straight-line distance, ≥ 1 (about 1.2–1.4 in practice). */
  detourFactor: number;
  /** The circle's size in minutes: 15 by default, 5 and 10 for day care and the nearer rings. */
  circleMinutes: CircleMinutes;
}

export const DEFAULT_WALKING_MODEL: Readonly<WalkingModel> = Object.freeze({
  walkingSpeedMetresPerSecond: 0.8,
  detourFactor: 1.3,
  circleMinutes: 15,
});

/** Mean Earth radius (IUGG), metres: what haversine distances are measured on. */
export const EARTH_RADIUS_METRES = 6_371_008.8;

/** The straight-line radius a walk of `minutes` covers: minutes × 60 × speed ÷ detour. */
export function straightLineMetresForMinutes(model: WalkingModel, minutes: number = model.circleMinutes): number {
  return (minutes * 60 * model.walkingSpeedMetresPerSecond) / model.detourFactor;
}

/** Minutes on foot for a straight-line distance: metres × detour ÷ speed ÷ 60. */
export function walkingMinutes(model: WalkingModel, straightLineMetres: number): number {
  return (straightLineMetres * model.detourFactor) / model.walkingSpeedMetresPerSecond / 60;
}

/**
 * Great-circle distance on a sphere, metres. PostGIS's geography distance uses the WGS-84
 * spheroid, which differs by up to about 0.5%: inside a circle of a kilometre, a few metres.
 */
export function haversineMetres(a: LatLng, b: LatLng): number {
  const toRad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRad;
  const dLng = (b.lng - a.lng) * toRad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface WalkingModelProblem {
  field: keyof WalkingModel;
  message: string;
}

/** Every problem with a model (an empty list means it can be used). Reads unknown input safely. */
export function validateWalkingModel(input: unknown): WalkingModelProblem[] {
  const problems: WalkingModelProblem[] = [];
  const model = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const speed = model.walkingSpeedMetresPerSecond;
  if (typeof speed !== 'number' || !Number.isFinite(speed)) {
    problems.push({ field: 'walkingSpeedMetresPerSecond', message: 'must be a finite number of metres per second' });
  } else if (speed < 0.3 || speed > 2) {
    problems.push({ field: 'walkingSpeedMetresPerSecond', message: `must be between 0.3 and 2 m/s (older adults walk at about 0.64–0.92), got ${speed}` });
  }
  const detour = model.detourFactor;
  if (typeof detour !== 'number' || !Number.isFinite(detour)) {
    problems.push({ field: 'detourFactor', message: 'must be a finite number' });
  } else if (detour < 1 || detour > 3) {
    problems.push({ field: 'detourFactor', message: `must be between 1 (straight line) and 3, got ${detour}` });
  }
  const minutes = model.circleMinutes;
  if (!CIRCLE_MINUTES.includes(minutes as CircleMinutes)) {
    problems.push({ field: 'circleMinutes', message: `must be one of ${CIRCLE_MINUTES.join(', ')}, got ${String(minutes)}` });
  }
  return problems;
}

/** Where a walking time came from, so a result can say how it was estimated. */
export const WALKING_TIME_SOURCES = ['straight-line-with-detour', 'network'] as const;
export type WalkingTimeSource = (typeof WALKING_TIME_SOURCES)[number];

export interface WalkingTimeEstimate {
  minutes: number;
  /** The distance walked as estimated (straight line × detour, or along the network). */
  metres: number;
  source: WalkingTimeSource;
}

/**
 * The seam for walking time. The circle search asks an estimator, never a formula. A network
 * estimator (pgRouting) is asynchronous in practice, so the interface allows a promise.
 */
export interface WalkingTimeEstimator {
  readonly source: WalkingTimeSource;
  estimate(from: LatLng, to: LatLng): WalkingTimeEstimate | Promise<WalkingTimeEstimate>;
}

/** The default estimator: great-circle distance × detour factor at the model's walking speed. */
export class StraightLineWalkingTimeEstimator implements WalkingTimeEstimator {
  readonly source = 'straight-line-with-detour' as const;

  constructor(private readonly model: WalkingModel = DEFAULT_WALKING_MODEL) {
    const problems = validateWalkingModel(model);
    if (problems.length > 0) throw new Error(`invalid walking model: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`);
  }

  estimate(from: LatLng, to: LatLng): WalkingTimeEstimate {
    const straight = haversineMetres(from, to);
    return { minutes: walkingMinutes(this.model, straight), metres: straight * this.model.detourFactor, source: this.source };
  }
}
