/**
 * Coordinates of the district in one declared system. The eviltransform formulas themselves live in
 * ../geo (public domain, shared with the facility registry); this file adds the declared-system
 * vocabulary the district data uses, so a point never travels without saying which system it is in.
 */
import { gcj02ToWgs84, type LatLng, outOfChina, wgs84ToGcj02 } from '../geo';

export { gcj02ToWgs84, outOfChina, wgs84ToGcj02 };
export type { LatLng };

/** WGS-84 is what GPS and PostGIS (SRID 4326) use; GCJ-02 is what Amap and Tencent maps show. */
export const COORDINATE_SYSTEMS = ['WGS-84', 'GCJ-02'] as const;
export type CoordinateSystem = (typeof COORDINATE_SYSTEMS)[number];

/** A point with the system it was given in. */
export interface DeclaredPoint extends LatLng {
  system: CoordinateSystem;
}

/** The WGS-84 point for a point in a declared system (GCJ-02 inverted by iteration to below 1e-7°). */
export function toWgs84(point: DeclaredPoint): LatLng {
  const plain = { lat: point.lat, lng: point.lng };
  return point.system === 'GCJ-02' ? gcj02ToWgs84(plain) : plain;
}

/** A WGS-84 point expressed in the requested system (for showing it on a Chinese web map). */
export function fromWgs84(point: LatLng, system: CoordinateSystem): DeclaredPoint {
  const converted = system === 'GCJ-02' ? wgs84ToGcj02(point) : { lat: point.lat, lng: point.lng };
  return { ...converted, system };
}
