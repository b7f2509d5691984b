import { bedMisfits } from './bed-fit';
import { DEFAULT_PRIORITY_RULES, type PriorityRules, validatePriorityRules } from './priority-rules';
import { type Applicant, compareRankings, fullMonthsBetween, rankApplicants, scoreApplicant } from './priority-score';

const NOW = new Date('2026-11-30T08:00:00Z');
const applicant = (id: string, extra: Partial<Applicant> = {}): Applicant => ({
  applicationId: id,
  appliedAt: new Date('2026-11-01T08:00:00Z'),
  priorityFlags: [],
  level: null,
  levelInstrument: null,
  declinedOffers: 0,
  ...extra,
});

describe('waiting-list priority score', () => {
  it('is the sum of named parts a family can read', () => {
    const score = scoreApplicant(
      DEFAULT_PRIORITY_RULES,
      applicant('a', { priorityFlags: ['living-alone', 'extreme-poverty'], level: 3, levelInstrument: 'GB/T 42195-2022', appliedAt: new Date('2026-04-15T00:00:00Z'), declinedOffers: 1 }),
      NOW,
    );
    expect(score.parts).toEqual([
      { part: 'group:extreme-poverty', label: '特困 (extreme-poverty)', points: 40 },
      { part: 'group:living-alone', label: '独居 (living-alone)', points: 15 },
      { part: 'level', label: 'GB/T 42195-2022 level 3 重度失能', points: 30 },
      { part: 'waiting-time', label: '7 full months waiting × 2', points: 14 },
      { part: 'declined-offers', label: '1 offer declined or let lapse × −5', points: -5 },
    ]);
    expect(score.total).toBe(94);
  });

  it('caps the points for waiting and counts only full months', () => {
    expect(fullMonthsBetween(new Date('2026-10-31T00:00:00Z'), new Date('2026-11-30T00:00:00Z'))).toBe(0);
    expect(fullMonthsBetween(new Date('2026-10-30T00:00:00Z'), new Date('2026-11-30T00:00:00Z'))).toBe(1);
    const longWait = scoreApplicant(DEFAULT_PRIORITY_RULES, applicant('b', { appliedAt: new Date('2020-01-01T00:00:00Z') }), NOW);
    expect(longWait.parts).toEqual([{ part: 'waiting-time', label: expect.stringContaining('capped at 24'), points: 24 }]);
  });

  it('orders by score, then by who applied first, then by id', () => {
    const ranked = rankApplicants(
      DEFAULT_PRIORITY_RULES,
      [
        applicant('late-poor', { priorityFlags: ['minimum-income'], appliedAt: new Date('2026-11-20T00:00:00Z') }),
        applicant('early-poor', { priorityFlags: ['minimum-income'], appliedAt: new Date('2026-11-10T00:00:00Z') }),
        applicant('no-flags'),
        applicant('frail', { level: 4, levelInstrument: 'GB/T 42195-2022' }),
      ],
      NOW,
    );
    expect(ranked.map((r) => [r.applicationId, r.position, r.total])).toEqual([
      ['frail', 1, 40],
      ['early-poor', 2, 30],
      ['late-poor', 3, 30],
      ['no-flags', 4, 0],
    ]);
  });

  it('shows who moves when a draft rule version gives the old more weight', () => {
    const draft: PriorityRules = { ...DEFAULT_PRIORITY_RULES, groupPoints: { ...DEFAULT_PRIORITY_RULES.groupPoints, 'very-old': 50 } };
    const changes = compareRankings(DEFAULT_PRIORITY_RULES, draft, [applicant('poor', { priorityFlags: ['minimum-income'] }), applicant('old', { priorityFlags: ['very-old'] })], NOW);
    expect(changes).toEqual([
      { applicationId: 'old', current: { position: 2, total: 10 }, draft: { position: 1, total: 50 }, movedBy: 1 },
      { applicationId: 'poor', current: { position: 1, total: 30 }, draft: { position: 2, total: 30 }, movedBy: -1 },
    ]);
  });
});

describe('priority rules validation', () => {
  it('accepts the built-in rules', () => {
    expect(validatePriorityRules(DEFAULT_PRIORITY_RULES)).toEqual([]);
  });

  it('names every bad path', () => {
    const problems = validatePriorityRules({ groupPoints: { rich: 5, 'very-old': 'ten' }, levelPoints: { 'GB/T 42195-2022': { high: 3 } }, waitingPointsPerMonth: -1, maxWaitingPoints: 10, extra: 1 });
    expect(problems.map((p) => p.path)).toEqual(['extra', 'groupPoints.rich', 'groupPoints.very-old', 'levelPoints.GB/T 42195-2022.high', 'waitingPointsPerMonth', 'declinePenaltyPoints']);
  });
});

describe('bed fit', () => {
  const bed = { bedType: 'nursing', genderRule: 'female' as const, respite: false, roomName: '301' };
  it('fits an entitled woman on a long stay', () => {
    expect(bedMisfits(bed, { kind: 'long-stay', sex: 'female', entitledBedTypes: ['general', 'nursing'], wantedBedTypes: [] })).toEqual([]);
  });
  it('says every reason a bed does not fit', () => {
    expect(bedMisfits(bed, { kind: 'respite', sex: 'male', entitledBedTypes: ['general'], wantedBedTypes: [] })).toEqual([
      "a nursing bed is not among the senior's entitled bed types (general)",
      'room 301 is for women',
      'a respite (short-stay) application needs a respite bed',
    ]);
    expect(bedMisfits({ ...bed, respite: true }, { kind: 'long-stay', sex: 'female', entitledBedTypes: ['nursing', 'dementia-care'], wantedBedTypes: ['dementia-care'] })).toEqual([
      'the application asks for dementia-care beds, this one is nursing',
      'respite beds are kept for short stays',
    ]);
  });
});
