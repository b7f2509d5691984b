import { areaIndicators, emptyFigures, sumFigures, type AreaFigures } from './indicators';
import type { PlanningTargets } from './planning-targets';
import { districtPopulation, streetPopulation } from './population';

const TYPES = ['care-institution', 'small-care-home', 'day-care-centre', 'community-hub', 'meal-site', 'neighbourhood-point'];
const PLAN: PlanningTargets = { bedsPer100Older: 4, nursingBedSharePct: 60, dementiaCareBeds: 1200, mealCapacityPctOf65Plus: 5, communityFloorM2Per1000: 40 };

/** A street of Songjiang-like proportions: 10,000 registered people, 2,500 aged 60+, 2,000 aged 65+. */
function street(overrides: Partial<AreaFigures> = {}): AreaFigures {
  return {
    ...emptyFigures(),
    platform: { seniors: 8, aged60Plus: 8, aged65Plus: 5 },
    coveredByType: { 'day-care-centre': 3, 'meal-site': 8 },
    facilitiesByType: {
      'care-institution': { facilities: 1, floorAreaM2: 5000, dayCarePlaces: 0, mealSeats: 0 },
      'day-care-centre': { facilities: 1, floorAreaM2: 300, dayCarePlaces: 30, mealSeats: 0 },
      'community-hub': { facilities: 1, floorAreaM2: 100, dayCarePlaces: 20, mealSeats: 40 },
      'meal-site': { facilities: 2, floorAreaM2: 0, dayCarePlaces: 0, mealSeats: 60 },
    },
    beds: { general: 40, nursing: 55, dementiaCare: 5, occupied: 80, held: 3 },
    dayCareBookedToday: { morning: 25, afternoon: 15 },
    ...overrides,
  };
}

const STATISTICS = { year: 2025, registeredPopulation: 10_000, registered60Plus: 2_500, registered65Plus: 2_000 };

describe('planning indicators of an area', () => {
  it('holds beds to 4 per 100 registered older adults and nursing-type beds to 60% of them', () => {
    const result = areaIndicators(street(), streetPopulation(street().platform, STATISTICS), PLAN, 'street', TYPES);
    // 40 + 55 + 5 = 100 beds for 2,500 people aged 60+: exactly 4 per 100, which meets 4%.
    expect(result.capacity.beds).toEqual({ total: 100, general: 40, nursing: 55, dementiaCare: 5 });
    expect(result.indicators.bedsPer100Older).toEqual({ value: 4, target: 4, meetsTarget: true });
    // 55 of 100 beds are nursing-type: 55% < 60%.
    expect(result.indicators.nursingBedSharePct).toEqual({ value: 55, target: 60, meetsTarget: false });
    // The dementia-care target is a district total: a street is not held to it.
    expect(result.indicators.dementiaCareBeds).toEqual({ value: 5, target: null, meetsTarget: null });
  });

  it('compares meal seats with 5% of people aged 65+, rounding the seats needed up', () => {
    const result = areaIndicators(street(), streetPopulation(street().platform, { ...STATISTICS, registered65Plus: 2_001 }), PLAN, 'street', TYPES);
    // 40 hub seats + 60 canteen seats = 100; 5% of 2,001 is 100.05, so 101 seats are needed.
    expect(result.capacity.mealSeats).toBe(100);
    expect(result.capacity.mealsNeeded).toBe(101);
    expect(result.indicators.mealCapacityPctOf65Plus).toEqual({ value: 5, target: 5, meetsTarget: false });
  });

  it('counts community floor area per 1,000 residents without the care institutions', () => {
    const result = areaIndicators(street(), streetPopulation(street().platform, STATISTICS), PLAN, 'street', TYPES);
    // 300 + 100 m² of community sites (the institution's 5,000 m² are not community care) per 10,000 people = 40 per 1,000.
    expect(result.capacity.communityFloorAreaM2).toBe(400);
    expect(result.indicators.communityFloorM2Per1000).toEqual({ value: 40, target: 40, meetsTarget: true });
  });

  it('gives coverage shares of the seniors on the platform, and day-care places and occupancy', () => {
    const result = areaIndicators(street(), streetPopulation(street().platform, STATISTICS), PLAN, 'street', TYPES);
    expect(result.coverage['day-care-centre']).toEqual({ covered: 3, sharePct: 37.5 });
    expect(result.coverage['meal-site']).toEqual({ covered: 8, sharePct: 100 });
    expect(result.coverage['care-institution']).toEqual({ covered: 0, sharePct: 0 });
    expect(result.facilities).toMatchObject({ 'care-institution': 1, 'meal-site': 2, 'neighbourhood-point': 0 });
    // 50 places per session for 2,500 people aged 60+: 2 per 100, no target in the plans.
    expect(result.indicators.dayCarePlacesPer100Older).toEqual({ value: 2, target: null, meetsTarget: null });
    expect(result.occupancy.beds).toEqual({ total: 100, occupied: 80, held: 3, occupiedPct: 80 });
    // 25 + 15 half-day places booked of 2 × 50.
    expect(result.occupancy.dayCare).toEqual({ placesPerSession: 50, bookedMorning: 25, bookedAfternoon: 15, bookedPct: 40 });
  });

  it('falls back to platform registrations without statistics, and then cannot give floor area per 1,000 people', () => {
    const figures = street();
    const result = areaIndicators(figures, streetPopulation(figures.platform, null), PLAN, 'street', TYPES);
    expect(result.population).toEqual({ source: 'platform-registrations', years: [], registeredPopulation: null, registered60Plus: 8, registered65Plus: 5 });
    expect(result.indicators.bedsPer100Older).toEqual({ value: 1250, target: 4, meetsTarget: true });
    expect(result.indicators.communityFloorM2Per1000).toEqual({ value: null, target: 40, meetsTarget: null });
  });

  it('judges nothing when the district has published no targets, and gives nulls for empty areas', () => {
    const result = areaIndicators(emptyFigures(), streetPopulation(emptyFigures().platform, null), null, 'district', TYPES);
    expect(result.indicators.bedsPer100Older).toEqual({ value: null, target: null, meetsTarget: null });
    expect(result.indicators.nursingBedSharePct).toEqual({ value: null, target: null, meetsTarget: null });
    expect(result.indicators.dementiaCareBeds).toEqual({ value: 0, target: null, meetsTarget: null });
    expect(result.capacity.mealsNeeded).toBeNull();
    expect(result.coverage['day-care-centre']).toEqual({ covered: 0, sharePct: null });
    expect(result.occupancy.beds.occupiedPct).toBeNull();
  });

  it('holds the district to the dementia-care total and adds streets up', () => {
    const district = sumFigures([street(), street({ beds: { general: 0, nursing: 10, dementiaCare: 0, occupied: 0, held: 0 } }), emptyFigures()]);
    expect(district.platform).toEqual({ seniors: 16, aged60Plus: 16, aged65Plus: 10 });
    expect(district.coveredByType['day-care-centre']).toBe(6);
    expect(district.facilitiesByType['meal-site']).toEqual({ facilities: 4, floorAreaM2: 0, dayCarePlaces: 0, mealSeats: 120 });
    expect(district.beds).toEqual({ general: 40, nursing: 65, dementiaCare: 5, occupied: 80, held: 3 });
    const population = districtPopulation([streetPopulation(street().platform, STATISTICS), streetPopulation(street().platform, STATISTICS)], null);
    const result = areaIndicators(district, population, PLAN, 'district', TYPES);
    expect(result.indicators.dementiaCareBeds).toEqual({ value: 5, target: 1200, meetsTarget: false });
    // 110 beds for 5,000 people aged 60+ = 2.2 per 100.
    expect(result.indicators.bedsPer100Older).toEqual({ value: 2.2, target: 4, meetsTarget: false });
    // 65 of 110 nursing-type: 59.09%.
    expect(result.indicators.nursingBedSharePct).toEqual({ value: 59.09, target: 60, meetsTarget: false });
  });
});

describe('population sources', () => {
  const withStatistics = streetPopulation({ seniors: 3, aged60Plus: 3, aged65Plus: 2 }, STATISTICS);
  const withoutStatistics = streetPopulation({ seniors: 4, aged60Plus: 3, aged65Plus: 1 }, null);
  const withoutStreet = { seniors: 2, aged60Plus: 2, aged65Plus: 2 };

  it('sums the statistics when every street has them (seniors without a street are in them already)', () => {
    expect(districtPopulation([withStatistics, { ...withStatistics, years: [2024] }], withoutStreet)).toEqual({
      source: 'statistics',
      years: [2024, 2025],
      registeredPopulation: 20_000,
      registered60Plus: 5_000,
      registered65Plus: 4_000,
    });
  });

  it('says mixed when only some streets have statistics, and counts the platform for the rest', () => {
    expect(districtPopulation([withStatistics, withoutStatistics], withoutStreet)).toEqual({
      source: 'mixed',
      years: [2025],
      registeredPopulation: null,
      registered60Plus: 2_500 + 3 + 2,
      registered65Plus: 2_000 + 1 + 2,
    });
  });

  it('uses platform registrations when no street has statistics', () => {
    expect(districtPopulation([withoutStatistics], withoutStreet)).toEqual({ source: 'platform-registrations', years: [], registeredPopulation: null, registered60Plus: 5, registered65Plus: 3 });
    expect(districtPopulation([], null)).toEqual({ source: 'platform-registrations', years: [], registeredPopulation: null, registered60Plus: 0, registered65Plus: 0 });
  });
});
