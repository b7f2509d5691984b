import { Random } from './random';
import { TimeSegment } from './time-segment';

interface Visit {
  readonly ready: number;
  readonly due: number;
  readonly service: number;
}

/**
 * Brute force over integer departure times: minimal time warp first, then minimal duration.
 * With integer data an optimum is attained at an integer departure.
 */
function bruteForce(visits: readonly Visit[], travel: readonly number[]): { warp: number; dur: number } {
  let best = { warp: Infinity, dur: Infinity };
  for (let departure = visits[0].ready; departure <= visits[0].due; departure++) {
    let time = departure;
    let warp = 0;
    visits.forEach((visit, i) => {
      if (i > 0) time += travel[i - 1];
      time = Math.max(time, visit.ready);
      if (time > visit.due) {
        warp += time - visit.due;
        time = visit.due;
      }
      time += visit.service;
    });
    const dur = time - departure + warp;
    if (warp < best.warp || (warp === best.warp && dur < best.dur)) best = { warp, dur };
  }
  return best;
}

function randomRoute(rng: Random, length: number): { visits: Visit[]; travel: number[] } {
  const visits: Visit[] = [{ ready: 0, due: 200, service: 0 }];
  for (let i = 1; i < length; i++) {
    const ready = rng.int(150);
    visits.push({ ready, due: ready + rng.int(40), service: rng.int(10) });
  }
  return { visits, travel: Array.from({ length: length - 1 }, () => 1 + rng.int(30)) };
}

describe('time segment algebra', () => {
  it('matches a brute-force schedule on random routes (warp and duration)', () => {
    const rng = new Random(7);
    for (let trial = 0; trial < 300; trial++) {
      const { visits, travel } = randomRoute(rng, 2 + rng.int(7));
      const acc = new TimeSegment(visits[0].service, 0, visits[0].ready, visits[0].due);
      for (let i = 1; i < visits.length; i++) acc.append(travel[i - 1], visits[i].service, 0, visits[i].ready, visits[i].due);
      const expected = bruteForce(visits, travel);
      expect(acc.warp).toBeCloseTo(expected.warp, 9);
      // The algebra's duration counts warped time as elapsed, like the brute force above.
      expect(acc.dur).toBeCloseTo(expected.dur, 9);
    }
  });

  it('gives the same summary whatever the concatenation order (forward vs backward)', () => {
    const rng = new Random(11);
    for (let trial = 0; trial < 200; trial++) {
      const { visits, travel } = randomRoute(rng, 2 + rng.int(8));
      const forward = new TimeSegment(visits[0].service, 0, visits[0].ready, visits[0].due);
      for (let i = 1; i < visits.length; i++) forward.append(travel[i - 1], visits[i].service, 0, visits[i].ready, visits[i].due);
      const last = visits[visits.length - 1];
      const backward = new TimeSegment(last.service, 0, last.ready, last.due);
      for (let i = visits.length - 2; i >= 0; i--) backward.prepend(travel[i], visits[i].service, 0, visits[i].ready, visits[i].due);
      expect(backward.warp).toBeCloseTo(forward.warp, 9);
      expect(backward.dur).toBeCloseTo(forward.dur, 9);
      expect(backward.early).toBeCloseTo(forward.early, 9);
      expect(backward.late).toBeCloseTo(forward.late, 9);
    }
  });

  it('waits for a window that opens later and warps for one that closed', () => {
    const waiting = new TimeSegment(0, 0, 0, 0);
    waiting.append(10, 5, 0, 50, 60);
    expect(waiting.warp).toBe(0);
    expect(waiting.dur).toBe(55); // leave at 0 (the window [0, 0] forces it), wait 40, serve 5
    const late = new TimeSegment(0, 0, 0, 0);
    late.append(10, 0, 0, 0, 4);
    expect(late.warp).toBe(6);
  });
});
