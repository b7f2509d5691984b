import { allocationPolicyProblems, asAllocationPolicy } from './allocation-policy-document';

describe('allocation policy document', () => {
  const valid = { walkingSpeedMps: 0.8, detourFactor: 1.3, circleMinutes: 15, holdHours: 72, dayCareCancelLeadHours: 12, dayCareSessions: { morning: '08:00', afternoon: '13:00' } };

  it('has no problems when every field is within what a district could mean', () => {
    expect(allocationPolicyProblems(valid)).toEqual([]);
    expect(asAllocationPolicy(valid)).toEqual(valid);
  });

  it('names every problem by its path at once', () => {
    const problems = allocationPolicyProblems({ ...valid, walkingSpeedMps: 0, detourFactor: 0.9, circleMinutes: 20, holdHours: 1.5, dayCareCancelLeadHours: -1, dayCareSessions: { morning: '8:00', afternoon: '25:00' }, extra: true });
    expect(problems.map((p) => p.path)).toEqual(['walkingSpeedMps', 'detourFactor', 'circleMinutes', 'holdHours', 'dayCareCancelLeadHours', 'dayCareSessions.morning', 'dayCareSessions.afternoon', 'extra']);
    expect(problems.find((p) => p.path === 'holdHours')?.message).toBe('must be a whole number from 1 to 720');
  });

  it('wants the afternoon to start after the morning, and refuses what is not a document', () => {
    expect(allocationPolicyProblems({ ...valid, dayCareSessions: { morning: '13:00', afternoon: '13:00' } })).toEqual([{ path: 'dayCareSessions.afternoon', message: 'must start after the morning session' }]);
    expect(allocationPolicyProblems({ ...valid, dayCareSessions: ['08:00', '13:00'] })).toEqual([{ path: 'dayCareSessions', message: 'must be { morning, afternoon } start times' }]);
    expect(allocationPolicyProblems([valid])).toEqual([{ path: '', message: 'must be an object' }]);
    expect(allocationPolicyProblems(null)).toEqual([{ path: '', message: 'must be an object' }]);
  });
});
