import {
  DEFAULT_WALKING_MODEL,
  haversineMetres,
  StraightLineWalkingTimeEstimator,
  straightLineMetresForMinutes,
  validateWalkingModel,
  walkingMinutes,
  type WalkingModel,
  type WalkingTimeEstimator,
} from './walk-time';

describe('walking-time model', () => {
  it('turns the circle minutes into the straight-line radius for ST_DWithin', () => {
    // 15 × 60 × 0.8 = 720 m on foot; ÷ 1.3 = 553.85 m as the crow flies.
    expect(straightLineMetresForMinutes(DEFAULT_WALKING_MODEL)).toBeCloseTo(553.846, 2);
    expect(straightLineMetresForMinutes(DEFAULT_WALKING_MODEL, 10)).toBeCloseTo(369.231, 2);
    expect(straightLineMetresForMinutes(DEFAULT_WALKING_MODEL, 5)).toBeCloseTo(184.615, 2);
    const brisk: WalkingModel = { walkingSpeedMetresPerSecond: 1, detourFactor: 1.2, circleMinutes: 10 };
    expect(straightLineMetresForMinutes(brisk)).toBeCloseTo(500, 6);
  });

  it('turns a straight-line distance into minutes on foot', () => {
    // 1,000 m × 1.3 = 1,300 m of street; at 0.8 m/s that is 1,625 s = 27.08 minutes.
    expect(walkingMinutes(DEFAULT_WALKING_MODEL, 1000)).toBeCloseTo(27.0833, 3);
    expect(walkingMinutes(DEFAULT_WALKING_MODEL, 0)).toBe(0);
    expect(walkingMinutes(DEFAULT_WALKING_MODEL, straightLineMetresForMinutes(DEFAULT_WALKING_MODEL))).toBeCloseTo(15, 9);
  });

  it('measures great-circle distance', () => {
    // One degree of latitude is 6,371,008.8 × π / 180 = 111,195.08 m.
    expect(haversineMetres({ lat: 31, lng: 121.4 }, { lat: 32, lng: 121.4 })).toBeCloseTo(111195.08, 1);
    // 0.01° of longitude at 31.2304° N: 1,111.95 × cos(31.2304°) = 950.8 m.
    expect(haversineMetres({ lat: 31.2304, lng: 121.4737 }, { lat: 31.2304, lng: 121.4837 })).toBeCloseTo(950.8, 0);
    expect(haversineMetres({ lat: 31.1, lng: 121.4 }, { lat: 31.1, lng: 121.4 })).toBe(0);
    const a = { lat: 31.05, lng: 121.35 };
    const b = { lat: 31.15, lng: 121.5 };
    expect(haversineMetres(a, b)).toBeCloseTo(haversineMetres(b, a), 9);
  });

  it('accepts the default model and lists every problem of a bad one', () => {
    expect(validateWalkingModel(DEFAULT_WALKING_MODEL)).toEqual([]);
    expect(validateWalkingModel({ walkingSpeedMetresPerSecond: 0.64, detourFactor: 1, circleMinutes: 5 })).toEqual([]);
    const problems = validateWalkingModel({ walkingSpeedMetresPerSecond: -0.8, detourFactor: 0.9, circleMinutes: 20 });
    expect(problems.map((p) => p.field)).toEqual(['walkingSpeedMetresPerSecond', 'detourFactor', 'circleMinutes']);
    expect(validateWalkingModel({ walkingSpeedMetresPerSecond: '0.8', detourFactor: Number.NaN }).map((p) => p.field)).toEqual([
      'walkingSpeedMetresPerSecond',
      'detourFactor',
      'circleMinutes',
    ]);
    expect(validateWalkingModel(null)).toHaveLength(3);
  });

  it('estimates walking time through the seam, saying how', async () => {
    const estimator: WalkingTimeEstimator = new StraightLineWalkingTimeEstimator();
    const from = { lat: 31.2304, lng: 121.4737 };
    const to = { lat: 31.2304, lng: 121.4837 };
    const estimate = await estimator.estimate(from, to);
    expect(estimate.source).toBe('straight-line-with-detour');
    // 950.8 m × 1.3 = 1,236 m; ÷ 0.8 m/s ÷ 60 = 25.75 minutes.
    expect(estimate.metres).toBeCloseTo(1236.1, 0);
    expect(estimate.minutes).toBeCloseTo(25.75, 1);
    expect(() => new StraightLineWalkingTimeEstimator({ walkingSpeedMetresPerSecond: 0, detourFactor: 1.3, circleMinutes: 15 })).toThrow(/walkingSpeedMetresPerSecond/);
  });
});
