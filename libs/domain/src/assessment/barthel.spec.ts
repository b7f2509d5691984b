import { type BarthelResult, barthelFeedingScore, barthelInstrument, barthelShahBand, barthelWst431Band } from './barthel';

// Independent person, written out from spec §4.1: 10+5+5+10+10+10+10+15+15+10 = 100.
const INDEPENDENT: Readonly<Record<string, number>> = {
  feeding: 10, bathing: 5, grooming: 5, dressing: 10, bowels: 10, bladder: 10, toiletUse: 10, transfers: 15, mobility: 15, stairs: 10,
};

function score(items: Record<string, number>, extra: Record<string, unknown> = {}): BarthelResult {
  const validation = barthelInstrument.validate({ instrument: 'Barthel', items, ...extra });
  if (!validation.ok) throw new Error(validation.problems.map((p) => `${p.path} ${p.code}`).join('; '));
  return barthelInstrument.score(validation.answers);
}

describe('Barthel Index (spec §4)', () => {
  it('scores an independent person 100 in every convention', () => {
    const result = score(INDEPENDENT);
    expect(result.total).toBe(100);
    expect(result.total20).toBe(20);
    expect(result.bands).toEqual({ shah1989: 'independent', wst4312013: '无需依赖', mzt039AdlGrade: 0 });
    expect(result.preliminaryLevel).toBeNull();
    expect(result.finalLevel).toBeNull();
  });

  it.each([
    // items lowered → total, Shah 1989, WS/T 431, MZ/T ADL grade
    ['stairs 5', { stairs: 5 }, 95, 'slight', '轻度依赖', 1],
    ['transfers 5, mobility 5, bathing 0', { transfers: 5, mobility: 5, bathing: 0 }, 75, 'moderate', '轻度依赖', 1],
    // 100 − 15 − 15 − 5 − 5 = 60
    ['transfers 0, mobility 0, stairs 5, grooming 0', { transfers: 0, mobility: 0, stairs: 5, grooming: 0 }, 60, 'severe', '中度依赖', 2],
    // 60 − 5 − 5 = 50
    ['also bathing 0, dressing 5', { transfers: 0, mobility: 0, stairs: 5, grooming: 0, bathing: 0, dressing: 5 }, 50, 'severe', '中度依赖', 2],
    // 60 − 5 − 10 − 5 = 40
    ['also bathing 0, dressing 0, feeding 5', { transfers: 0, mobility: 0, stairs: 5, grooming: 0, bathing: 0, dressing: 0, feeding: 5 }, 40, 'severe', '重度依赖', 3],
    // bowels 10 + bladder 10
    ['only continence kept', { transfers: 0, mobility: 0, stairs: 0, grooming: 0, bathing: 0, dressing: 0, feeding: 0, toiletUse: 0 }, 20, 'total', '重度依赖', 3],
    ['everything 0', { feeding: 0, bathing: 0, grooming: 0, dressing: 0, bowels: 0, bladder: 0, toiletUse: 0, transfers: 0, mobility: 0, stairs: 0 }, 0, 'total', '重度依赖', 3],
  ])('%s', (_name, lowered, total, shah, wst, mzt) => {
    const result = score({ ...INDEPENDENT, ...lowered });
    expect(result.total).toBe(total);
    expect(result.bands).toEqual({ shah1989: shah, wst4312013: wst, mzt039AdlGrade: mzt });
  });

  it.each([
    [20, 'total'], [21, 'severe'], [60, 'severe'], [61, 'moderate'], [90, 'moderate'], [91, 'slight'], [99, 'slight'], [100, 'independent'],
  ])('Shah band of %i is %s', (total, band) => expect(barthelShahBand(total)).toBe(band));

  it.each([
    [40, '重度依赖'], [41, '中度依赖'], [60, '中度依赖'], [61, '轻度依赖'], [99, '轻度依赖'], [100, '无需依赖'],
  ])('WS/T 431 band of %i is %s', (total, band) => expect(barthelWst431Band(total)).toBe(band));

  it('accepts Chinese item names and exposes the feeding score', () => {
    const { feeding: _f, toiletUse: _t, ...rest } = INDEPENDENT;
    const result = score({ ...rest, 进食: 5, 如厕: 5 });
    expect(result.total).toBe(90);
    expect(barthelFeedingScore(result)).toBe(5);
  });

  it('lists every problem at once', () => {
    const validation = barthelInstrument.validate({
      items: {
        feeding: 15, // 0/5/10 only
        bathing: 10, // 0/5 only
        dressing: 10,
        bowels: 10,
        bladder: 10,
        toiletUse: 10,
        transfers: 12, // not a step of 5
        mobility: 15,
        walking: 15, // alias of mobility: given twice
        stairs: '10', // a string
        cognition: 5, // not a Barthel item
        // grooming missing
      },
      policy: { stacking: 'single' }, // Barthel has no policy flags
    });
    expect(validation.ok).toBe(false);
    if (validation.ok) return;
    expect(validation.problems.map((p) => `${p.code} ${p.path}`).sort()).toEqual(
      [
        'VALUE_NOT_ALLOWED items.feeding',
        'VALUE_NOT_ALLOWED items.bathing',
        'VALUE_NOT_ALLOWED items.transfers',
        'DUPLICATE_ITEM items.mobility',
        'WRONG_TYPE items.stairs',
        'UNKNOWN_ITEM items.cognition',
        'MISSING_ITEM items.grooming',
        'UNKNOWN_POLICY_FLAG policy.stacking',
      ].sort(),
    );
  });
});
