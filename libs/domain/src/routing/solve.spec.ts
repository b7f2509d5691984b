// Each constraint on a hand-made instance whose right answer is obvious, and which the solver
// would get wrong if the constraint were ignored.

import { type RoutingJob, type RoutingProblem, type RoutingSolution, type RoutingVehicle, RoutingProblemError } from './routing-problem';
import { checkSolution } from './solution-check';
import { solve } from './solve';
import { euclideanTravelModel } from './travel-model';

const FAST = { timeLimitMs: 2000, maxIterations: 60, seed: 3 };

function problem(points: [number, number][], jobs: RoutingJob[], vehicles: RoutingVehicle[]): RoutingProblem {
  return { travel: euclideanTravelModel(points), jobs, vehicles };
}

function solveChecked(routingProblem: RoutingProblem, options = FAST): RoutingSolution {
  const solution = solve(routingProblem, options);
  const check = checkSolution(routingProblem, solution);
  expect(check.violations).toEqual([]);
  expect(solution.totals.distance).toBeCloseTo(check.distance, 6);
  return solution;
}

function routeOf(solution: RoutingSolution, jobId: string): string | undefined {
  return solution.routes.find((route) => route.jobIds.includes(jobId))?.vehicleId;
}

const van = (id: string, extra: Partial<RoutingVehicle> = {}): RoutingVehicle => ({ id, capacity: 100, startLocation: 0, ...extra });

describe('solve: capacity', () => {
  it('splits jobs so that no vehicle carries more than its capacity', () => {
    // Four jobs in a tight cluster: one route would be shortest, but only two meals fit per vehicle.
    const points: [number, number][] = [[0, 0], [10, 0], [10, 1], [11, 0], [11, 1]];
    const jobs = [1, 2, 3, 4].map((location) => ({ id: `j${location}`, location, demand: 6 }));
    const solution = solveChecked(problem(points, jobs, [van('a', { capacity: 12 }), van('b', { capacity: 12 })]));
    expect(solution.routes).toHaveLength(2);
    for (const route of solution.routes) expect(route.load).toBeLessThanOrEqual(12);
  });

  it('gives the big load to the big vehicle in a heterogeneous fleet', () => {
    const points: [number, number][] = [[0, 0], [5, 0], [-5, 0]];
    const jobs = [
      { id: 'crate', location: 1, demand: 20 },
      { id: 'meal', location: 2, demand: 1 },
    ];
    const solution = solveChecked(problem(points, jobs, [van('bike', { capacity: 5 }), van('van', { capacity: 50 })]));
    expect(routeOf(solution, 'crate')).toBe('van');
  });
});

describe('solve: time windows', () => {
  it('visits the early window first even though the other order is the same length', () => {
    // Both on a line: B must be served by t=30, A not before t=100.
    const points: [number, number][] = [[0, 0], [10, 0], [20, 0]];
    const jobs = [
      { id: 'A', location: 1, timeWindow: { start: 100, end: 110 } },
      { id: 'B', location: 2, timeWindow: { start: 0, end: 30 } },
    ];
    const solution = solveChecked(problem(points, jobs, [van('v')]));
    expect(solution.routes.map((route) => route.jobIds)).toEqual([['B', 'A']]);
    const stopA = solution.routes[0].stops[1];
    expect(stopA.serviceStart).toBe(100);
  });

  it('counts service time: the second visit is reachable only if the first is short', () => {
    const points: [number, number][] = [[0, 0], [10, 0], [20, 0]];
    const jobs = [
      { id: 'long', location: 1, serviceDuration: 50, timeWindow: { start: 0, end: 20 } },
      { id: 'tight', location: 2, timeWindow: { start: 0, end: 40 } },
    ];
    const solution = solveChecked(problem(points, jobs, [van('a'), van('b')]));
    expect(solution.routes).toHaveLength(2);
  });

  it('returns a job whose window cannot be reached as unassigned instead of throwing', () => {
    const points: [number, number][] = [[0, 0], [100, 0]];
    const jobs = [{ id: 'far', location: 1, timeWindow: { start: 0, end: 50 } }];
    const solution = solveChecked(problem(points, jobs, [van('v')]));
    expect(solution.routes).toHaveLength(0);
    expect(solution.unassigned).toEqual([expect.objectContaining({ jobId: 'far', reason: 'time-window-unreachable' })]);
  });

  it('brings every vehicle back before the end of its shift', () => {
    const points: [number, number][] = [[0, 0], [30, 0], [-30, 0]];
    const jobs = [
      { id: 'east', location: 1 },
      { id: 'west', location: 2 },
    ];
    // 30 + 60 + 30 = 120 for one vehicle doing both: over its 100-minute shift.
    const solution = solveChecked(problem(points, jobs, [van('a', { shift: { start: 0, end: 100 } }), van('b', { shift: { start: 0, end: 100 } })]));
    expect(solution.routes).toHaveLength(2);
  });
});

describe('solve: heterogeneous speeds', () => {
  it('sends the fast vehicle to the job only it can reach in time, and times it with its own speed', () => {
    const points: [number, number][] = [[0, 0], [10, 0]];
    const jobs = [{ id: 'urgent', location: 1, timeWindow: { start: 0, end: 15 } }];
    const vehicles = [van('walker', { speedFactor: 0.25 }), van('ebike', { speedFactor: 2 })];
    const solution = solveChecked(problem(points, jobs, vehicles));
    expect(routeOf(solution, 'urgent')).toBe('ebike');
    const stop = solution.routes[0].stops[0];
    expect(stop.arrival - solution.routes[0].departure).toBeCloseTo(5, 9);
  });

  it('uses the profile durations of the travel model', () => {
    const points: [number, number][] = [[0, 0], [10, 0]];
    const travel = euclideanTravelModel(points, { walk: 12, car: 2 });
    const routingProblem: RoutingProblem = {
      travel,
      jobs: [{ id: 'visit', location: 1, timeWindow: { start: 0, end: 30 } }],
      vehicles: [van('foot', { profile: 'walk' }), van('car', { profile: 'car' })],
    };
    const solution = solveChecked(routingProblem);
    expect(routeOf(solution, 'visit')).toBe('car');
    expect(solution.routes[0].duration).toBeCloseTo(40, 9);
  });
});

describe('solve: pack-to-door limit', () => {
  // A must be served by t=15, so one vehicle would go A then B, reaching B at t=20.
  const points: [number, number][] = [[0, 0], [10, 0], [10, 10]];
  const jobs = (limit?: number): RoutingJob[] => [
    { id: 'A', location: 1, timeWindow: { start: 0, end: 15 } },
    { id: 'B', location: 2, ...(limit === undefined ? {} : { maxTimeFromRouteStart: limit }) },
  ];

  it('without a limit, one vehicle serves both', () => {
    const solution = solveChecked(problem(points, jobs(), [van('a'), van('b')]));
    expect(solution.routes).toHaveLength(1);
  });

  it('with a 15-minute limit on B, B gets its own vehicle', () => {
    const solution = solveChecked(problem(points, jobs(15), [van('a'), van('b')]));
    expect(solution.routes).toHaveLength(2);
    const route = solution.routes.find((r) => r.jobIds.includes('B'));
    expect(route?.jobIds).toEqual(['B']);
  });

  it('departs late rather than letting a hot meal wait for its window', () => {
    const pointsLate: [number, number][] = [[0, 0], [10, 0]];
    const late = [{ id: 'lunch', location: 1, timeWindow: { start: 100, end: 110 }, maxTimeFromRouteStart: 20 }];
    const solution = solveChecked(problem(pointsLate, late, [van('v')]));
    expect(solution.unassigned).toEqual([]);
    expect(solution.routes[0].departure).toBeCloseTo(90, 9);
  });

  it('reports a limit no vehicle can meet as unassigned', () => {
    const pointsFar: [number, number][] = [[0, 0], [50, 0]];
    const far = [{ id: 'soup', location: 1, maxTimeFromRouteStart: 20 }];
    const solution = solveChecked(problem(pointsFar, far, [van('v')]));
    expect(solution.unassigned).toEqual([expect.objectContaining({ jobId: 'soup', reason: 'max-time-from-start-unreachable' })]);
  });
});

describe('solve: skills', () => {
  it('gives a nursing visit to the nurse even when another carer is closer', () => {
    const points: [number, number][] = [[0, 0], [50, 0], [1, 0]];
    const jobs = [{ id: 'injection', location: 2, requiredSkills: ['nurse'] }];
    const vehicles: RoutingVehicle[] = [
      { id: 'carer', capacity: 10, startLocation: 0 },
      { id: 'nurse', capacity: 10, startLocation: 1, skills: ['nurse', 'driver'] },
    ];
    const solution = solveChecked(problem(points, jobs, vehicles));
    expect(routeOf(solution, 'injection')).toBe('nurse');
  });

  it('keeps skilled and unskilled jobs apart when only the skill decides', () => {
    const points: [number, number][] = [[0, 0], [10, 0], [10, 1], [11, 0], [11, 1]];
    const jobs: RoutingJob[] = [
      { id: 's1', location: 1, requiredSkills: ['wheelchair'] },
      { id: 'p1', location: 2 },
      { id: 's2', location: 3, requiredSkills: ['wheelchair'] },
      { id: 'p2', location: 4 },
    ];
    const vehicles = [van('a', { capacity: 2 }), van('b', { capacity: 2, skills: ['wheelchair'] })];
    const solution = solveChecked(problem(points, jobs.map((job) => ({ ...job, demand: 1 })), vehicles));
    expect(routeOf(solution, 's1')).toBe('b');
    expect(routeOf(solution, 's2')).toBe('b');
  });

  it('reports a job nobody is qualified for', () => {
    const points: [number, number][] = [[0, 0], [1, 0]];
    const solution = solveChecked(problem(points, [{ id: 'x', location: 1, requiredSkills: ['dialysis'] }], [van('v')]));
    expect(solution.unassigned).toEqual([expect.objectContaining({ jobId: 'x', reason: 'missing-skills' })]);
  });
});

describe('solve: preferred vehicle', () => {
  // Two neighbours 1 apart, 10 from the depot: one route costs 21.05, two routes 40.05.
  const points: [number, number][] = [[0, 0], [10, 0], [10, 1]];
  const jobs = (penalty: number): RoutingJob[] => [
    { id: 'mrs-li', location: 1, preferredVehicle: { vehicleId: 'wang', penalty } },
    { id: 'mr-zhao', location: 2, preferredVehicle: { vehicleId: 'chen', penalty } },
  ];
  const couriers = [van('chen'), van('wang')];

  it('honours both preferences when the penalty outweighs the detour', () => {
    const solution = solveChecked(problem(points, jobs(50), couriers));
    expect(routeOf(solution, 'mrs-li')).toBe('wang');
    expect(routeOf(solution, 'mr-zhao')).toBe('chen');
    expect(solution.totals.preferencePenalty).toBe(0);
  });

  it('pays one small penalty rather than a long detour', () => {
    const solution = solveChecked(problem(points, jobs(5), couriers));
    expect(solution.routes).toHaveLength(1);
    expect(solution.totals.preferencePenalty).toBe(5);
    expect(solution.totals.cost).toBeCloseTo(solution.totals.distance + 5, 9);
  });

  it('ignores a preference for a courier who is not working today', () => {
    const solution = solveChecked(problem(points, jobs(50).map((job) => ({ ...job, preferredVehicle: { vehicleId: 'absent', penalty: 50 } })), couriers));
    expect(solution.routes).toHaveLength(1);
    expect(solution.totals.preferencePenalty).toBe(0);
  });
});

describe('solve: working time and fleet limits', () => {
  it('respects the maximum working duration', () => {
    const points: [number, number][] = [[0, 0], [30, 0], [30, 5]];
    const jobs = [
      { id: 'a', location: 1, serviceDuration: 20 },
      { id: 'b', location: 2, serviceDuration: 20 },
    ];
    // Together: 30 + 20 + 5 + 20 + 30.4 = 105.4 > 90; alone: 80.
    const vehicles = [van('x', { maxDuration: 90 }), van('y', { maxDuration: 90 })];
    expect(solveChecked(problem(points, jobs, vehicles)).routes).toHaveLength(2);
  });

  it('lists what the fleet cannot carry as unassigned, and still plans the rest', () => {
    const points: [number, number][] = [[0, 0], [5, 0], [6, 0], [7, 0]];
    const jobs = [1, 2, 3].map((location) => ({ id: `m${location}`, location, demand: 6 }));
    const solution = solveChecked(problem(points, jobs, [van('only', { capacity: 10 })]));
    expect(solution.routes).toHaveLength(1);
    expect(solution.routes[0].jobIds).toHaveLength(1);
    expect(solution.unassigned.map((job) => job.reason)).toEqual(['no-feasible-route', 'no-feasible-route']);
  });

  it('ends routes at the vehicle end location', () => {
    const points: [number, number][] = [[0, 0], [10, 0], [20, 0]];
    const solution = solveChecked(problem(points, [{ id: 'j', location: 1 }], [van('v', { endLocation: 2 })]));
    expect(solution.totals.distance).toBeCloseTo(20, 9);
  });
});

describe('solve: contract', () => {
  it('is deterministic for a seed and an iteration cap', () => {
    const points: [number, number][] = Array.from({ length: 41 }, (_, i) => [(i * 37) % 50, (i * 11) % 43]);
    const jobs = Array.from({ length: 40 }, (_, i) => ({
      id: `j${i}`,
      location: i + 1,
      demand: 1 + (i % 4),
      timeWindow: { start: (i * 13) % 200, end: ((i * 13) % 200) + 80 },
      serviceDuration: 5,
    }));
    const vehicles = Array.from({ length: 8 }, (_, i) => van(`v${i}`, { capacity: 15 }));
    const options = { timeLimitMs: 60_000, maxIterations: 30, seed: 42 };
    const first = solveChecked(problem(points, jobs, vehicles), options);
    const second = solveChecked(problem(points, jobs, vehicles), options);
    expect(second.routes.map((route) => route.jobIds)).toEqual(first.routes.map((route) => route.jobIds));
    expect(second.totals.distance).toBe(first.totals.distance);
  });

  it('handles a problem without jobs or without vehicles', () => {
    const points: [number, number][] = [[0, 0], [1, 1]];
    expect(solveChecked(problem(points, [], [van('v')])).routes).toEqual([]);
    const noFleet = solveChecked(problem(points, [{ id: 'j', location: 1 }], []));
    expect(noFleet.unassigned).toEqual([expect.objectContaining({ reason: 'no-vehicles' })]);
  });

  it('rejects malformed input with RoutingProblemError', () => {
    const points: [number, number][] = [[0, 0]];
    expect(() => solve(problem(points, [{ id: 'j', location: 3 }], [van('v')]))).toThrow(RoutingProblemError);
    expect(() => solve(problem(points, [{ id: 'j', location: 0, demand: -1 }], [van('v')]))).toThrow(RoutingProblemError);
    expect(() => solve(problem(points, [], [van('v'), van('v')]))).toThrow(/duplicate vehicle/);
  });
});
