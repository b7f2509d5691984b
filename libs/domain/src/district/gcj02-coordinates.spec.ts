import { fromWgs84, gcj02ToWgs84, outOfChina, toWgs84, wgs84ToGcj02 } from './gcj02-coordinates';
import { haversineMetres } from './walk-time';

// Published pairs from the eviltransform test suite (WGS-84 → GCJ-02).
const PAIRS = [
  { place: 'Shanghai (Pudong)', wgs: { lat: 31.1774276, lng: 121.5272106 }, gcj: { lat: 31.17530398364597, lng: 121.531541859215 } },
  { place: 'Shenzhen', wgs: { lat: 22.543847, lng: 113.912316 }, gcj: { lat: 22.540796131694766, lng: 113.9171764808363 } },
  { place: 'Beijing', wgs: { lat: 39.911954, lng: 116.377817 }, gcj: { lat: 39.91334545536069, lng: 116.38404722455657 } },
];

describe('district coordinates: GCJ-02 and WGS-84', () => {
  it.each(PAIRS)('shifts $place as eviltransform publishes', ({ wgs, gcj }) => {
    const shifted = wgs84ToGcj02(wgs);
    expect(shifted.lat).toBeCloseTo(gcj.lat, 9);
    expect(shifted.lng).toBeCloseTo(gcj.lng, 9);
  });

  it.each(PAIRS)('recovers $place from GCJ-02 to below 1e-6 degrees', ({ wgs, gcj }) => {
    const back = gcj02ToWgs84(gcj);
    expect(Math.abs(back.lat - wgs.lat)).toBeLessThan(1e-6);
    expect(Math.abs(back.lng - wgs.lng)).toBeLessThan(1e-6);
  });

  it("moves People's Square about 0.002° south and 0.0045° east, roughly 500 m", () => {
    const square = { lat: 31.2304, lng: 121.4737 };
    const gcj = wgs84ToGcj02(square);
    expect(gcj.lat - square.lat).toBeCloseTo(-0.00194, 4);
    expect(gcj.lng - square.lng).toBeCloseTo(0.00452, 4);
    const metres = haversineMetres(square, gcj);
    expect(metres).toBeGreaterThan(450);
    expect(metres).toBeLessThan(520);
  });

  it('round-trips a grid over Minhang to within a centimetre', () => {
    let worst = 0;
    for (let lat = 30.98; lat <= 31.25; lat += 0.03) {
      for (let lng = 121.3; lng <= 121.58; lng += 0.04) {
        const back = gcj02ToWgs84(wgs84ToGcj02({ lat, lng }));
        worst = Math.max(worst, haversineMetres({ lat, lng }, back));
      }
    }
    expect(worst).toBeLessThan(0.01);
  });

  it('leaves points outside China unchanged and says so', () => {
    const tokyo = { lat: 35.6762, lng: 139.6503 };
    expect(outOfChina(tokyo)).toBe(true);
    expect(wgs84ToGcj02(tokyo)).toEqual(tokyo);
    expect(gcj02ToWgs84(tokyo)).toEqual(tokyo);
    expect(outOfChina({ lat: 31.2, lng: 121.4 })).toBe(false);
  });

  it('converts declared points: GCJ-02 is inverted, WGS-84 passes through', () => {
    const { wgs, gcj } = PAIRS[0];
    const fromGcj = toWgs84({ ...gcj, system: 'GCJ-02' });
    expect(fromGcj.lat).toBeCloseTo(wgs.lat, 6);
    expect(fromGcj.lng).toBeCloseTo(wgs.lng, 6);
    expect(toWgs84({ ...wgs, system: 'WGS-84' })).toEqual(wgs);
    expect(fromWgs84(wgs, 'GCJ-02')).toEqual({ lat: gcj.lat, lng: gcj.lng, system: 'GCJ-02' });
    expect(fromWgs84(wgs, 'WGS-84')).toEqual({ ...wgs, system: 'WGS-84' });
  });
});
