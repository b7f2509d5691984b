import { DEFAULT_ESCALATION_LADDER, escalationSla, type EscalationStep, type EscalationTimeline, type LadderStep, nextStep, validateLadder } from './escalation-ladder';

describe('the "no answer at the door" ladder', () => {
  it('climbs from the courier to emergency services on no answer, within an hour and a half', () => {
    const climbed: EscalationStep[] = ['courier-retry'];
    let minutes = 0;
    for (;;) {
      const decision = nextStep(DEFAULT_ESCALATION_LADDER, climbed[climbed.length - 1], 'no-answer');
      if (!decision.next) break;
      minutes += (DEFAULT_ESCALATION_LADDER.find((s) => s.step === climbed[climbed.length - 1]) as LadderStep).minutes;
      climbed.push(decision.next.step);
    }
    expect(climbed).toEqual(['courier-retry', 'office-call', 'emergency-contacts', 'community-worker', 'emergency-services']);
    expect(minutes).toBe(90);
    expect(DEFAULT_ESCALATION_LADDER.find((s) => s.step === 'community-worker')).toMatchObject({ owner: 'community-worker', minutes: 45 });
  });

  it('advances on no answer or when a step cannot be tried, and says who acts next', () => {
    expect(nextStep(DEFAULT_ESCALATION_LADDER, 'courier-retry', 'no-answer')).toEqual({
      next: DEFAULT_ESCALATION_LADDER[1],
      resolved: false,
      reason: 'courier-retry: no answer; next: office-call (kitchen-office, 15 min)',
    });
    // No emergency contact on file: straight on to the community worker.
    expect(nextStep(DEFAULT_ESCALATION_LADDER, 'emergency-contacts', 'unreachable').next?.step).toBe('community-worker');
    expect(nextStep(DEFAULT_ESCALATION_LADDER, 'community-worker', 'no-answer').reason).toBe('community-worker: no answer; next: emergency-services (community-worker, now)');
  });

  it('stops as soon as the senior is found, and keeps the case open after the last step', () => {
    expect(nextStep(DEFAULT_ESCALATION_LADDER, 'office-call', 'found-well')).toEqual({ next: null, resolved: true, reason: 'found well: the case closes' });
    expect(nextStep(DEFAULT_ESCALATION_LADDER, 'community-worker', 'found-needs-help')).toMatchObject({ next: null, resolved: true });
    expect(nextStep(DEFAULT_ESCALATION_LADDER, 'courier-retry', 'hospitalised').reason).toMatch(/meals pause/);
    expect(nextStep(DEFAULT_ESCALATION_LADDER, 'emergency-services', 'no-answer')).toMatchObject({ next: null, resolved: false });
  });

  it('continues a case whose step the district has since removed with the next one it kept', () => {
    const withoutOfficeCall = DEFAULT_ESCALATION_LADDER.filter((s) => s.step !== 'office-call');
    expect(nextStep(withoutOfficeCall, 'office-call', 'no-answer').next?.step).toBe('emergency-contacts');
  });

  it('accepts the default ladder and names every problem of a bad one', () => {
    expect(validateLadder(DEFAULT_ESCALATION_LADDER)).toEqual([]);
    expect(validateLadder({})).toEqual([{ path: '$', message: 'the ladder must be a list of steps' }]);
    const problems = validateLadder([
      { step: 'office-call', owner: 'kitchen-office', minutes: 15, label: '致电 / Call' },
      { step: 'courier-retry', owner: 'courier', minutes: 0, label: '' },
      { step: 'police', owner: 'x', minutes: 5, label: 'x', colour: 'red' },
    ]);
    expect(problems.map((p) => p.path)).toEqual(['[1].step', '[1].label', '[1].minutes', '[2].colour', '[2].step', '[2].step']);
    expect(problems[0].message).toMatch(/must come after office-call/);
    expect(problems[2].message).toMatch(/from 1 to 240 .*leave it out instead/);
    expect(problems[5].message).toMatch(/must end with emergency-services/);
  });
});

describe('escalation service levels', () => {
  const t0 = new Date('2026-12-01T04:00:00Z');
  const after = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
  const timeline = (resolvedAfter: number | null, steps: EscalationStep[]): EscalationTimeline => ({
    startedAt: t0,
    steps: steps.map((step, i) => ({ step, startedAt: after(i * 10), endedAt: after(i * 10 + 10), outcome: 'no-answer', by: 'staff-1' })),
    resolvedAt: resolvedAfter === null ? null : after(resolvedAfter),
  });

  it('reports the median and 90th percentile minutes to resolution over resolved cases', () => {
    const sla = escalationSla([
      timeline(8, ['courier-retry']),
      timeline(25, ['courier-retry', 'office-call']),
      timeline(40, ['courier-retry', 'office-call', 'emergency-contacts']),
      timeline(95, ['courier-retry', 'office-call', 'emergency-contacts', 'community-worker', 'emergency-services']),
      timeline(null, ['courier-retry', 'office-call']),
    ]);
    // Resolved in 8, 25, 40 and 95 minutes: the median is halfway between 25 and 40; p90 lies 70 % of the way from 40 to 95.
    expect(sla).toEqual({ cases: 5, resolved: 4, medianMinutes: 32.5, p90Minutes: 78.5, reachedEmergencyServices: 1 });
  });

  it('has no percentiles before any case is resolved', () => {
    expect(escalationSla([timeline(null, ['courier-retry'])])).toEqual({ cases: 1, resolved: 0, medianMinutes: null, p90Minutes: null, reachedEmergencyServices: 0 });
  });
});
