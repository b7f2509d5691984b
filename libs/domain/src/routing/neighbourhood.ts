// Granular neighbourhoods: each job only tries moves that bring it next to one of its k most
// "related" jobs (Toth & Vigo's granular search). Relatedness mixes distance with the waiting
// and lateness the pair would cause when visited back to back (the proximity measure of Vidal
// et al. 2013, as used in PyVRP), so two close jobs with incompatible windows are not neighbours.

import { type CompiledProblem } from './compiled-problem';

const WAIT_WEIGHT = 0.2;
const LATENESS_WEIGHT = 1;

export function buildNeighbourhood(p: CompiledProblem, size: number): Int32Array[] {
  const jobs = p.jobCount;
  const n = p.nodeCount;
  const tt = p.travelTime[0];
  const k = Math.min(size, jobs - 1);
  const directed = (i: number, j: number): number => {
    const travel = tt[i * n + j];
    const wait = Math.max(0, p.ready[j] - travel - p.service[i] - p.due[i]);
    const late = Math.max(0, p.ready[i] + p.service[i] + travel - p.due[j]);
    return p.distance[i * n + j] + WAIT_WEIGHT * wait + LATENESS_WEIGHT * late;
  };
  const neighbours: Int32Array[] = [];
  const others: number[] = [];
  const proximity = new Float64Array(jobs);
  for (let i = 0; i < jobs; i++) {
    others.length = 0;
    for (let j = 0; j < jobs; j++) {
      if (j === i) continue;
      proximity[j] = Math.min(directed(i, j), directed(j, i));
      others.push(j);
    }
    others.sort((a, b) => proximity[a] - proximity[b] || a - b);
    neighbours.push(Int32Array.from(others.slice(0, Math.max(0, k))));
  }
  return neighbours;
}
