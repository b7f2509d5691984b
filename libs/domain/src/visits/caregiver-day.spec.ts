import { cheapestInsertion, timeDay } from './caregiver-day';
import { caregiver, MINHANG, plan, WEEK } from './test/fixtures';
import { visitsForWeek } from './visit-plan';

/** One-hour visits at the same door on Monday, with windows from `from` to `to` (HH:MM). */
function visit(n: number, from: string, to: string) {
  const [request] = visitsForWeek(plan(`s${n}`, { location: MINHANG, flexibilityMinutes: 0, patterns: [{ weekday: 1, from, to }] }), WEEK);
  return request!;
}

describe("a caregiver's day", () => {
  const withBreak = caregiver('c1', { break: { from: '11:30', to: '13:30', minutes: 30 } });

  it('takes the meal break before the first visit that would start after the break window opens', () => {
    const day = timeDay(withBreak, [visit(1, '10:00', '10:00'), visit(2, '11:00', '13:00')], 1.3)!;
    // 10:00–11:00, then the second visit could start at 11:00 (not after 11:30): no break yet, as there is nothing after it.
    expect(day.stops.map((s) => s.start)).toEqual([600, 660]);
    const three = timeDay(withBreak, [visit(1, '10:00', '10:00'), visit(2, '11:00', '13:00'), visit(3, '12:00', '14:00')], 1.3)!;
    // 11:00–12:00, the third would start at 12:00 (after 11:30): break 12:00–12:30 first, then the visit.
    expect(three.stops.map((s) => s.start)).toEqual([600, 660, 750]);
    expect(three.workMinutes).toBe(three.serviceMinutes + three.travelMinutes); // the break is not work
  });

  it('refuses a day that leaves no room for the break inside its window, and inserts around it instead', () => {
    const back = [visit(1, '11:00', '11:00'), visit(2, '12:00', '12:00'), visit(3, '13:00', '13:00')];
    expect(timeDay(withBreak, back, 1.3)).toBeNull(); // 11:00–14:00 back to back: no half hour between 11:30 and 13:30
    expect(timeDay(caregiver('c2'), back, 1.3)).not.toBeNull(); // a caregiver without a break can do it
    const insertion = cheapestInsertion(withBreak, [visit(1, '09:00', '09:00')], timeDay(withBreak, [visit(1, '09:00', '09:00')], 1.3), visit(2, '12:00', '15:00'), 600, 1.3);
    expect(insertion?.timed.stops.at(-1)?.start).toBe(720); // nothing overlapped: the break fits between 10:00 and 12:00
  });
});
