// A district's geography, walking-time model and synthetic data: pure rules, no framework.
export { COORDINATE_SYSTEMS, type CoordinateSystem, type DeclaredPoint, fromWgs84, gcj02ToWgs84, type LatLng, outOfChina, toWgs84, wgs84ToGcj02 } from './gcj02-coordinates';
export {
  CIRCLE_MINUTES,
  type CircleMinutes,
  DEFAULT_WALKING_MODEL,
  EARTH_RADIUS_METRES,
  haversineMetres,
  StraightLineWalkingTimeEstimator,
  straightLineMetresForMinutes,
  validateWalkingModel,
  WALKING_TIME_SOURCES,
  type WalkingModel,
  type WalkingModelProblem,
  type WalkingTimeEstimate,
  type WalkingTimeEstimator,
  type WalkingTimeSource,
  walkingMinutes,
} from './walk-time';
export {
  type AgeBand,
  DISTRICT_PROFILES,
  type DistrictProfile,
  type FacilityCounts,
  MINHANG_PROFILE,
  type ProfileProblem,
  SMALL_PROFILE,
  type StreetProfile,
  validateDistrictProfile,
} from './district-profiles';
export {
  type BedsByType,
  generateDistrict,
  SYNTHETIC_FACILITY_TYPES,
  type SyntheticDistrict,
  type SyntheticEstate,
  type SyntheticFacility,
  type SyntheticFacilityType,
  type SyntheticPriorityFlag,
  type SyntheticSenior,
  type SyntheticStreet,
} from './synthetic-district';
export { apportion, apportionCapped, hash32, SeededRandom } from './seeded-random';
