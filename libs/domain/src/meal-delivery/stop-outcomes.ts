/**
 * What happened at each door and what it sets off. Every outcome but "delivered" goes on the
 * office's follow-up queue until someone closes it, and "not home" can start the escalation
 * ladder. (A run of refused or missed meals scheduling a reassessment is the meal policy's rule:
 * meals/reassessment-trigger.ts.)
 */

export const STOP_OUTCOMES = ['delivered', 'not-home', 'refused', 'hospitalised', 'address-problem'] as const;
export type StopOutcome = (typeof STOP_OUTCOMES)[number];

export function needsFollowUp(outcome: StopOutcome): boolean {
  return outcome !== 'delivered';
}

/**
 * Whether the outcome starts the "no answer at the door" ladder.
 * - not-home: always. A senior living alone who does not open is an emergency until proven
 *   otherwise; for anyone else a missed meal is still a welfare signal (the household may be away
 *   without having cancelled, or may not be), and the first steps, a retry and a phone call, are
 *   cheap and settle most such cases.
 * - address-problem: only for a senior living alone. The courier never reached the door, so
 *   today's welfare check did not happen and nobody else will notice; for anyone else the
 *   follow-up queue gets the address fixed.
 * - delivered, refused (the senior opened the door), hospitalised (whereabouts known): never.
 */
export function startsEscalation(outcome: StopOutcome, livesAlone: boolean): boolean {
  switch (outcome) {
    case 'not-home':
      return true;
    case 'address-problem':
      return livesAlone;
    case 'delivered':
    case 'refused':
    case 'hospitalised':
      return false;
  }
}
