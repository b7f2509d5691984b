// The solver's view of a RoutingProblem: flat typed arrays indexed by small integers, read in the
// hot loops of the local search. Built once per solve.
//
// Node numbering: servable jobs are nodes 0..jobCount-1 (in problem order), followed by one node
// per distinct vehicle start/end location. Route r always belongs to vehicle r.

import { type RoutingProblem, type UnassignedJob } from './routing-problem';
import { UNBOUNDED_TIME, clampTime, jobWindow, screenJob, vehicleShift } from './job-screening';

export interface CompiledProblem {
  readonly jobCount: number;
  readonly vehicleCount: number;
  readonly nodeCount: number;
  /** Internal job -> index in problem.jobs. */
  readonly jobSource: Int32Array;

  readonly demand: Float64Array;
  /** Per node; depots have 0. */
  readonly service: Float64Array;
  readonly ready: Float64Array;
  readonly due: Float64Array;
  /** Max time from route start to arrival; UNBOUNDED_TIME when the job has no limit. */
  readonly rideLimit: Float64Array;
  /** Vehicle index, or -1. */
  readonly preferredVehicle: Int32Array;
  readonly preferencePenalty: Float64Array;
  /** compatible[job * vehicleCount + vehicle] = 1 when the vehicle has all required skills. */
  readonly compatible: Uint8Array;

  /** distance[from * nodeCount + to]; shared by all vehicles. */
  readonly distance: Float64Array;
  readonly symmetricDistance: boolean;
  /** One matrix per distinct (profile, speed factor) pair. */
  readonly travelTime: readonly Float64Array[];

  readonly capacity: Float64Array;
  readonly startNode: Int32Array;
  readonly endNode: Int32Array;
  readonly shiftStart: Float64Array;
  readonly shiftEnd: Float64Array;
  readonly maxDuration: Float64Array;
  readonly fixedCost: Float64Array;
  readonly timeProfile: Int32Array;
  /** Vehicles with equal class are interchangeable: only one empty route per class is tried. */
  readonly vehicleClass: Int32Array;
  readonly classCount: number;
  /** Equal keys: a route suffix (with its end depot) can move between the two vehicles unchanged. */
  readonly tailKey: Int32Array;
  readonly tailKeyCount: number;
  /** One vehicle of each tail key: its end depot, shift and travel times define the key. */
  readonly tailVehicle: Int32Array;

  /** Direction of each job seen from the depot, for sorting routes in the crossover. */
  readonly angle: Float64Array;

  readonly hasSkills: boolean;
  readonly hasPreferences: boolean;
  readonly hasRideLimits: boolean;
  readonly hasDurationLimits: boolean;
  /** Largest single distance and demand, used to scale the initial penalties. */
  readonly maxDistance: number;
  readonly maxDemand: number;
}

export interface CompileResult {
  readonly compiled: CompiledProblem;
  readonly unassigned: readonly UnassignedJob[];
}

export function compileProblem(problem: RoutingProblem): CompileResult {
  const { travel, vehicles } = problem;
  const vehicleCount = vehicles.length;

  // Travel-time matrices are shared by vehicles with the same profile and speed.
  const profileKeys = new Map<string, number>();
  const timeProfile = new Int32Array(vehicleCount);
  vehicles.forEach((vehicle, v) => {
    const key = `${vehicle.profile ?? 'default'}\u0000${vehicle.speedFactor ?? 1}`;
    if (!profileKeys.has(key)) profileKeys.set(key, profileKeys.size);
    timeProfile[v] = profileKeys.get(key) ?? 0;
  });
  const locationTime = (v: number, from: number, to: number): number => {
    const vehicle = vehicles[v];
    const base = travel.duration ? travel.duration(from, to, vehicle.profile ?? 'default') : travel.distance(from, to);
    return base / (vehicle.speedFactor ?? 1);
  };

  const unassigned: UnassignedJob[] = [];
  const servable: number[] = [];
  problem.jobs.forEach((job, index) => {
    const verdict = screenJob(problem, index, locationTime);
    if (verdict) unassigned.push({ jobId: job.id, ...verdict });
    else servable.push(index);
  });

  const jobCount = servable.length;
  const depotLocations: number[] = [];
  const depotNode = new Map<number, number>();
  const nodeOfDepot = (location: number): number => {
    let node = depotNode.get(location);
    if (node === undefined) {
      node = jobCount + depotLocations.length;
      depotNode.set(location, node);
      depotLocations.push(location);
    }
    return node;
  };
  const startNode = Int32Array.from(vehicles, (vehicle) => nodeOfDepot(vehicle.startLocation));
  const endNode = Int32Array.from(vehicles, (vehicle) => nodeOfDepot(vehicle.endLocation ?? vehicle.startLocation));
  const nodeCount = jobCount + depotLocations.length;
  const nodeLocation = [...servable.map((index) => problem.jobs[index].location), ...depotLocations];

  const distance = new Float64Array(nodeCount * nodeCount);
  let maxDistance = 0;
  let symmetricDistance = true;
  for (let i = 0; i < nodeCount; i++) {
    for (let j = 0; j < nodeCount; j++) {
      const d = i === j ? 0 : travel.distance(nodeLocation[i], nodeLocation[j]);
      distance[i * nodeCount + j] = d;
      maxDistance = Math.max(maxDistance, d);
    }
  }
  for (let i = 0; i < nodeCount && symmetricDistance; i++) {
    for (let j = 0; j < i; j++) {
      if (distance[i * nodeCount + j] !== distance[j * nodeCount + i]) {
        symmetricDistance = false;
        break;
      }
    }
  }
  const travelTime: Float64Array[] = [];
  for (let profile = 0; profile < profileKeys.size; profile++) {
    const vehicle = timeProfile.indexOf(profile);
    const matrix = new Float64Array(nodeCount * nodeCount);
    for (let i = 0; i < nodeCount; i++) {
      for (let j = 0; j < nodeCount; j++) {
        matrix[i * nodeCount + j] = i === j ? 0 : locationTime(vehicle, nodeLocation[i], nodeLocation[j]);
      }
    }
    travelTime.push(matrix);
  }

  const jobs = servable.map((index) => problem.jobs[index]);
  const vehicleIndex = new Map(vehicles.map((vehicle, v) => [vehicle.id, v]));
  const demand = Float64Array.from(jobs, (job) => job.demand ?? 0);
  const service = new Float64Array(nodeCount);
  jobs.forEach((job, j) => (service[j] = job.serviceDuration ?? 0));
  const ready = Float64Array.from(jobs, (job) => jobWindow(job)[0]);
  const due = Float64Array.from(jobs, (job) => jobWindow(job)[1]);
  const rideLimit = Float64Array.from(jobs, (job) => clampTime(job.maxTimeFromRouteStart ?? UNBOUNDED_TIME));
  const preferredVehicle = Int32Array.from(jobs, (job) => vehicleIndex.get(job.preferredVehicle?.vehicleId ?? '') ?? -1);
  const preferencePenalty = Float64Array.from(jobs, (job, j) => (preferredVehicle[j] >= 0 ? (job.preferredVehicle?.penalty ?? 0) : 0));

  const compatible = new Uint8Array(jobCount * vehicleCount);
  let hasSkills = false;
  jobs.forEach((job, j) => {
    vehicles.forEach((vehicle, v) => {
      const skills = new Set(vehicle.skills ?? []);
      const ok = (job.requiredSkills ?? []).every((skill) => skills.has(skill));
      compatible[j * vehicleCount + v] = ok ? 1 : 0;
      if (!ok) hasSkills = true;
    });
  });

  const preferred = new Set(preferredVehicle);
  const classKeys = new Map<string, number>();
  const tailKeys = new Map<string, number>();
  const vehicleClass = new Int32Array(vehicleCount);
  const tailKey = new Int32Array(vehicleCount);
  const shiftStart = new Float64Array(vehicleCount);
  const shiftEnd = new Float64Array(vehicleCount);
  vehicles.forEach((vehicle, v) => {
    [shiftStart[v], shiftEnd[v]] = vehicleShift(vehicle);
    const tail = `${endNode[v]}|${shiftStart[v]}|${shiftEnd[v]}|${timeProfile[v]}`;
    if (!tailKeys.has(tail)) tailKeys.set(tail, tailKeys.size);
    tailKey[v] = tailKeys.get(tail) ?? 0;
    // A vehicle someone prefers is unique: the search must be able to try its empty route.
    const skills = [...(vehicle.skills ?? [])].sort().join(',');
    const signature = preferred.has(v)
      ? `preferred ${v}`
      : `${tail}|${startNode[v]}|${vehicle.capacity}|${vehicle.maxDuration ?? ''}|${vehicle.fixedCost ?? 0}|${skills}`;
    if (!classKeys.has(signature)) classKeys.set(signature, classKeys.size);
    vehicleClass[v] = classKeys.get(signature) ?? 0;
  });

  const compiled: CompiledProblem = {
    jobCount,
    vehicleCount,
    nodeCount,
    jobSource: Int32Array.from(servable),
    demand,
    service,
    ready,
    due,
    rideLimit,
    preferredVehicle,
    preferencePenalty,
    compatible,
    distance,
    symmetricDistance,
    travelTime,
    capacity: Float64Array.from(vehicles, (vehicle) => vehicle.capacity),
    startNode,
    endNode,
    shiftStart,
    shiftEnd,
    maxDuration: Float64Array.from(vehicles, (vehicle) => clampTime(vehicle.maxDuration ?? UNBOUNDED_TIME)),
    fixedCost: Float64Array.from(vehicles, (vehicle) => vehicle.fixedCost ?? 0),
    timeProfile,
    vehicleClass,
    classCount: classKeys.size,
    tailKey,
    tailKeyCount: tailKeys.size,
    tailVehicle: Int32Array.from({ length: tailKeys.size }, (_, key) => tailKey.indexOf(key)),
    angle: jobAngles(problem, servable, vehicles.length > 0 ? vehicles[0].startLocation : 0, distance, nodeCount),
    hasSkills,
    hasPreferences: preferencePenalty.some((penalty) => penalty > 0),
    hasRideLimits: rideLimit.some((limit) => limit < UNBOUNDED_TIME),
    hasDurationLimits: vehicles.some((vehicle) => vehicle.maxDuration !== undefined),
    maxDistance,
    maxDemand: demand.reduce((max, value) => Math.max(max, value), 0),
  };
  return { compiled, unassigned };
}

/**
 * Polar angle of each job around the first depot when coordinates are known. Without them, jobs
 * are laid on a circle in the order of a nearest-neighbour tour, which keeps nearby jobs at
 * nearby angles: enough for the crossover to exchange routes that cover the same area.
 */
function jobAngles(
  problem: RoutingProblem,
  servable: readonly number[],
  depotLocation: number,
  distance: Float64Array,
  nodeCount: number,
): Float64Array {
  const coordinates = problem.travel.coordinates;
  if (coordinates) {
    const [dx, dy] = coordinates.call(problem.travel, depotLocation);
    return Float64Array.from(servable, (index) => {
      const [x, y] = coordinates.call(problem.travel, problem.jobs[index].location);
      return Math.atan2(y - dy, x - dx);
    });
  }
  const jobCount = servable.length;
  const angle = new Float64Array(jobCount);
  const visited = new Uint8Array(jobCount);
  let current = 0;
  for (let rank = 0; rank < jobCount; rank++) {
    visited[current] = 1;
    angle[current] = (2 * Math.PI * rank) / jobCount - Math.PI;
    let next = -1;
    for (let j = 0; j < jobCount; j++) {
      if (!visited[j] && (next < 0 || distance[current * nodeCount + j] < distance[current * nodeCount + next])) next = j;
    }
    if (next < 0) break;
    current = next;
  }
  return angle;
}

/** Penalty paid when `vehicle` serves `job` although the job prefers another vehicle. */
export function preferencePenaltyOf(p: CompiledProblem, job: number, vehicle: number): number {
  const preferred = p.preferredVehicle[job];
  return preferred >= 0 && preferred !== vehicle ? p.preferencePenalty[job] : 0;
}
