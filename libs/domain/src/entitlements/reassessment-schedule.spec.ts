import { SHANGHAI_MINHANG_POLICY } from './default-policies';
import { reassessmentSchedule, reassessmentStatusOn } from './reassessment-schedule';

const DEFAULTS = SHANGHAI_MINHANG_POLICY.reassessment; // 12 months, [60, 30], dispute 30, grace 0

describe('reassessment schedule (spec §8 defaults)', () => {
  it('is due 12 months later, month-end clamped, with reminders 60 and 30 days before', () => {
    expect(reassessmentSchedule('2025-01-31', DEFAULTS)).toEqual({
      assessedOn: '2025-01-31',
      dueOn: '2026-01-31',
      remindOn: ['2025-12-02', '2026-01-01'],
      overdueFrom: '2026-02-01',
      disputeUntil: '2025-03-02',
    });
  });

  it('clamps a leap-day assessment to 28 February', () => {
    expect(reassessmentSchedule('2024-02-29', DEFAULTS).dueOn).toBe('2025-02-28');
  });

  it.each([
    ['2025-12-01', 'current'],
    ['2025-12-02', 'reminder-sent'],
    ['2026-01-31', 'reminder-sent'], // on the due date it is still on time
    ['2026-02-01', 'overdue'],
  ] as const)('on %s the status is %s', (date, status) => {
    expect(reassessmentStatusOn(reassessmentSchedule('2025-01-31', DEFAULTS), date)).toBe(status);
  });

  it('grace days and other reminder lists are data', () => {
    const schedule = reassessmentSchedule('2025-06-10', { ...DEFAULTS, routineMonths: 6, reminderDaysBeforeDue: [7, 14, 14], overdueGraceDays: 7 });
    expect(schedule.dueOn).toBe('2025-12-10');
    expect(schedule.remindOn).toEqual(['2025-11-26', '2025-12-03']);
    expect(schedule.overdueFrom).toBe('2025-12-18');
  });
});
