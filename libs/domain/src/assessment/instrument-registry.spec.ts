import { normaliseKey } from './answer-parsing';
import { ASSESSMENT_INSTRUMENTS, evaluateAssessment, findAssessmentInstrument } from './instrument-registry';

describe('instrument registry', () => {
  it.each([
    ['GB/T 42195-2022', 'GB/T 42195-2022'],
    ['gbt42195', 'GB/T 42195-2022'],
    ['GB/T 42195', 'GB/T 42195-2022'],
    ['MZ/T 039-2013', 'MZ/T 039-2013'],
    ['mzt-039', 'MZ/T 039-2013'],
    ['Barthel', 'Barthel'],
    ['barthel index', 'Barthel'],
    ['Lawton IADL', 'Lawton IADL'],
    ['IADL', 'Lawton IADL'],
    ['lawton', 'Lawton IADL'],
    ['Shanghai', 'Shanghai 老年照护统一需求评估'],
  ])('finds %s as %s', (name, id) => {
    expect(findAssessmentInstrument(name)?.id).toBe(id);
  });

  it('has no name shared by two instruments', () => {
    const names = ASSESSMENT_INSTRUMENTS.flatMap((i) => [...new Set([i.id, ...i.aliases].map(normaliseKey))]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('rejects an unknown, missing or non-string instrument', () => {
    const unknown = evaluateAssessment({ instrument: 'NBA', items: {} });
    expect(!unknown.ok && unknown.problems.map((p) => p.code)).toEqual(['UNKNOWN_INSTRUMENT']);
    expect(!unknown.ok && unknown.problems[0]?.message).toContain('"GB/T 42195-2022"');
    const missing = evaluateAssessment({ items: {} });
    expect(!missing.ok && missing.problems.map((p) => `${p.code} ${p.path}`)).toEqual(['MISSING_FIELD instrument']);
    const wrongType = evaluateAssessment({ instrument: 42195 });
    expect(!wrongType.ok && wrongType.problems.map((p) => `${p.code} ${p.path}`)).toEqual(['WRONG_TYPE instrument']);
    const notObject = evaluateAssessment([]);
    expect(!notObject.ok && notObject.problems.map((p) => `${p.code} ${p.path}`)).toEqual(['WRONG_TYPE $']);
  });

  it('dispatches to the named instrument', () => {
    const barthel = evaluateAssessment({
      instrument: 'Barthel Index',
      items: { feeding: 5, bathing: 0, grooming: 5, dressing: 5, bowels: 10, bladder: 5, toiletUse: 5, transfers: 10, mobility: 10, stairs: 0 },
    });
    expect(barthel.ok && barthel.result).toMatchObject({ instrument: 'Barthel', total: 55 });
  });

  it('passes today to recorded instruments for the future-date check', () => {
    const record = { instrument: 'Shanghai', level: '照护二级', assessedOn: '2030-01-01', validUntil: '2031-12-31', organisationRef: 'X-1' };
    expect(evaluateAssessment(record).ok).toBe(true);
    const future = evaluateAssessment(record, { today: '2029-12-31' });
    expect(!future.ok && future.problems.map((p) => p.code)).toEqual(['DATE_IN_FUTURE']);
  });
});
