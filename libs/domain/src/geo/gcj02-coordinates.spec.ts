import { gcj02ToWgs84, outOfChina, wgs84ToGcj02 } from './gcj02-coordinates';

describe('GCJ-02 coordinates', () => {
  // People's Square, Shanghai: GCJ-02 lies about 0.0019° south and 0.0045° east of WGS-84 (≈ 210 m and 430 m).
  const square = { lat: 31.2304, lng: 121.4737 };

  it('shifts a Shanghai point by a few hundred metres, south-east', () => {
    const gcj = wgs84ToGcj02(square);
    expect(gcj.lat - square.lat).toBeLessThan(-0.0015);
    expect(gcj.lat - square.lat).toBeGreaterThan(-0.0025);
    expect(gcj.lng - square.lng).toBeGreaterThan(0.004);
    expect(gcj.lng - square.lng).toBeLessThan(0.005);
  });

  it('inverts the shift to within a centimetre', () => {
    const back = gcj02ToWgs84(wgs84ToGcj02(square));
    expect(Math.abs(back.lat - square.lat)).toBeLessThan(1e-7);
    expect(Math.abs(back.lng - square.lng)).toBeLessThan(1e-7);
  });

  it('leaves points outside China alone', () => {
    const paris = { lat: 48.8566, lng: 2.3522 };
    expect(outOfChina(paris)).toBe(true);
    expect(wgs84ToGcj02(paris)).toEqual(paris);
    expect(outOfChina(square)).toBe(false);
  });
});
