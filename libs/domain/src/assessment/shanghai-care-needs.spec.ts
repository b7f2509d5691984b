import { isIsoDate, shanghaiRecordStatusOn, validateShanghaiCareNeedsRecord } from './shanghai-care-needs';

const VALID = { level: '照护三级', assessedOn: '2025-03-01', validUntil: '2027-02-28', organisationRef: 'SH-MH-2025-000123' };

describe('Shanghai 老年照护统一需求评估 record (spec §3)', () => {
  it.each([
    ['照护三级', '照护三级', 3],
    ['三级', '照护三级', 3],
    [6, '照护六级', 6],
    ['正常', '正常', 0],
    [0, '正常', 0],
    ['一级', '照护一级', 1],
  ])('records level %p as %s (care level %i)', (level, outcome, careLevel) => {
    const validation = validateShanghaiCareNeedsRecord({ ...VALID, level });
    expect(validation.ok).toBe(true);
    if (!validation.ok) return;
    expect(validation.record).toMatchObject({ outcome, careLevel, referToMedicalCare: false, computed: false, kind: 'recorded' });
  });

  it('records a referral to medical care with no care level', () => {
    const validation = validateShanghaiCareNeedsRecord({ ...VALID, level: 'refer-to-medical-care' });
    expect(validation.ok && validation.record).toMatchObject({ outcome: '建议至相关医疗机构就诊', careLevel: null, referToMedicalCare: true });
  });

  it('keeps dates and the organisation reference', () => {
    const validation = validateShanghaiCareNeedsRecord({ ...VALID, organisationRef: '  SH-1  ' }, { today: '2025-03-01' });
    expect(validation.ok && validation.record).toMatchObject({ assessedOn: '2025-03-01', validUntil: '2027-02-28', organisationRef: 'SH-1' });
  });

  it('lists every problem at once', () => {
    const validation = validateShanghaiCareNeedsRecord({ level: '照护七级', assessedOn: '2025-02-30', validUntil: 20270228, organisationRef: '' });
    expect(validation.ok).toBe(false);
    if (validation.ok) return;
    expect(validation.problems.map((p) => `${p.code} ${p.path}`)).toEqual([
      'VALUE_NOT_ALLOWED level',
      'BAD_DATE assessedOn',
      'WRONG_TYPE validUntil',
      'VALUE_NOT_ALLOWED organisationRef',
    ]);
  });

  it('reports missing fields, a validity end not after the assessment, and a future assessment date', () => {
    const missing = validateShanghaiCareNeedsRecord({});
    expect(!missing.ok && missing.problems.map((p) => `${p.code} ${p.path}`)).toEqual([
      'MISSING_FIELD level',
      'MISSING_FIELD assessedOn',
      'MISSING_FIELD validUntil',
      'MISSING_FIELD organisationRef',
    ]);
    const order = validateShanghaiCareNeedsRecord({ ...VALID, validUntil: '2025-03-01' }, { today: '2025-01-01' });
    expect(!order.ok && order.problems.map((p) => `${p.code} ${p.path}`)).toEqual(['DATE_ORDER validUntil', 'DATE_IN_FUTURE assessedOn']);
  });

  it('tells valid, expired and not-yet-valid apart on a date', () => {
    const validation = validateShanghaiCareNeedsRecord(VALID);
    if (!validation.ok) throw new Error('expected a valid record');
    expect(shanghaiRecordStatusOn(validation.record, '2027-02-28')).toBe('valid');
    expect(shanghaiRecordStatusOn(validation.record, '2027-03-01')).toBe('expired');
    expect(shanghaiRecordStatusOn(validation.record, '2025-02-28')).toBe('not-yet-valid');
  });

  it.each([
    ['2024-02-29', true], ['2025-02-29', false], ['2025-13-01', false], ['2025-1-01', false], ['2025-12-31', true],
  ])('isIsoDate(%s) is %p', (date, valid) => expect(isIsoDate(date)).toBe(valid));
});
