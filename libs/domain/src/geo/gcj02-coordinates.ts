/**
 * GCJ-02 is the offset coordinate system Chinese web maps (Amap, Tencent) publish; it differs from
 * WGS-84 (GPS) by 50–700 m, the size of the 15-minute circle itself. These are the public-domain
 * "eviltransform" formulas; outside China the two systems coincide.
 */
export interface LatLng {
  lat: number;
  lng: number;
}

const A = 6378245.0; // Krasovsky 1940 semi-major axis, as the transform defines it
const EE = 0.006693421622965943; // its first eccentricity squared

/** Whether a point lies outside mainland China's bounding box, where GCJ-02 adds no offset. */
export function outOfChina({ lat, lng }: LatLng): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function transformLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function transformLng(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/** The GCJ-02 coordinates a Chinese map would show for a WGS-84 point. */
export function wgs84ToGcj02(point: LatLng): LatLng {
  if (outOfChina(point)) return { ...point };
  const dLat = transformLat(point.lng - 105, point.lat - 35);
  const dLng = transformLng(point.lng - 105, point.lat - 35);
  const radLat = (point.lat / 180) * Math.PI;
  const magic = 1 - EE * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  return {
    lat: point.lat + (dLat * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI),
    lng: point.lng + (dLng * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI),
  };
}

/** The WGS-84 point behind GCJ-02 coordinates, by fixed-point iteration to about 1e-7 degrees (≈1 cm). */
export function gcj02ToWgs84(point: LatLng): LatLng {
  if (outOfChina(point)) return { ...point };
  let guess = { ...point };
  for (let i = 0; i < 30; i += 1) {
    const shifted = wgs84ToGcj02(guess);
    const dLat = point.lat - shifted.lat;
    const dLng = point.lng - shifted.lng;
    guess = { lat: guess.lat + dLat, lng: guess.lng + dLng };
    if (Math.abs(dLat) < 1e-9 && Math.abs(dLng) < 1e-9) break;
  }
  return guess;
}
