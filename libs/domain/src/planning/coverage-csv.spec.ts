import { coverageCsv, coverageCsvHeader, csvCell } from './coverage-csv';
import { areaIndicators, emptyFigures } from './indicators';
import { streetPopulation } from './population';
import { validatePlanningTargets } from './planning-targets';
import { validateStreetStatistics } from './street-statistics';

const TYPES = ['day-care-centre', 'meal-site'];

describe('coverage CSV', () => {
  const figures = { ...emptyFigures(), platform: { seniors: 4, aged60Plus: 4, aged65Plus: 2 }, coveredByType: { 'day-care-centre': 1 } };
  const indicators = areaIndicators(figures, streetPopulation(figures.platform, null), null, 'street', TYPES);

  it('writes a header, then one row per area, with a byte-order mark and CRLF line ends', () => {
    const csv = coverageCsv(
      [
        { area: 'district', code: '310112', name: null, indicators },
        { area: 'street', code: '310112102', name: '莘庄镇', indicators },
      ],
      TYPES,
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    const header = lines[0]!.split(',');
    expect(header).toEqual(coverageCsvHeader(TYPES));
    expect(header.slice(0, 13)).toEqual([
      'area',
      'code',
      'name',
      'population_source',
      'statistics_years',
      'registered_population',
      'registered_60_plus',
      'registered_65_plus',
      'seniors_on_platform',
      'covered_day_care_centre',
      'covered_day_care_centre_pct',
      'covered_meal_site',
      'covered_meal_site_pct',
    ]);
    const street = Object.fromEntries(header.map((h, i) => [h, lines[2]!.split(',')[i]]));
    expect(street).toMatchObject({
      area: 'street',
      code: '310112102',
      name: '莘庄镇',
      population_source: 'platform-registrations',
      registered_population: '',
      registered_60_plus: '4',
      covered_day_care_centre: '1',
      covered_day_care_centre_pct: '25',
      beds_per_100_older: '0',
      beds_per_100_older_met: '',
    });
    expect(lines.every((l) => l === '' || l.split(',').length === header.length)).toBe(true);
  });

  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvCell('莘庄镇')).toBe('莘庄镇');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('yes');
    expect(csvCell(false)).toBe('no');
  });
});

describe('validating planning data', () => {
  it('accepts a plan and names every bad target', () => {
    expect(validatePlanningTargets({ bedsPer100Older: 4, nursingBedSharePct: 60, dementiaCareBeds: null, mealCapacityPctOf65Plus: 5, communityFloorM2Per1000: 40 })).toEqual([]);
    expect(validatePlanningTargets({ bedsPer100Older: 0, nursingBedSharePct: 160, dementiaCareBeds: 1.5, mealCapacityPctOf65Plus: 'five', communityFloorM2Per1000: 40 }).map((p) => p.field)).toEqual([
      'bedsPer100Older',
      'nursingBedSharePct',
      'mealCapacityPctOf65Plus',
      'dementiaCareBeds',
    ]);
  });

  it('refuses streets of another district, duplicates and age groups larger than their parents', () => {
    const street = { streetCode: '310112102', name: '莘庄镇', registeredPopulation: 1000, registered60Plus: 300, registered65Plus: 200 };
    expect(validateStreetStatistics('310112', [street])).toEqual([]);
    const problems = validateStreetStatistics('310112', [
      street,
      street,
      { ...street, streetCode: '320214001' },
      { ...street, streetCode: '310112103', registered60Plus: 1200, registered65Plus: 1300 },
    ]);
    expect(problems.map((p) => p.field)).toEqual(['streets.1.streetCode', 'streets.2.streetCode', 'streets.3.registered60Plus', 'streets.3.registered65Plus']);
  });
});
