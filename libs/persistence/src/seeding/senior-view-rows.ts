import {
  deriveEntitlements,
  type DistrictPolicy,
  evaluateAssessment,
  GBT_42195_2022_ID,
  GBT_ITEMS,
  GBT_LEVELS,
  type GbtItemCode,
  type GbtResult,
  hash32,
  isGbtResult,
  type SeniorFacts,
  type SyntheticSenior,
} from '@app/domain';

/**
 * One synthetic senior as allocation's read model holds them after the assessment service's
 * events, filled the way the allocation inbox fills it:
 * - `senior.registered` → sex, birth date, home (WGS-84) and its street, living arrangement, and
 *   every granted priority flag (the registration event carries them all, lapsed grants included);
 * - `assessment.finalized` → the latest GB/T level, its instrument and date;
 * - `entitlements.changed` → the entitlements the assessment service would derive: the district's
 *   policy applied to the senior's facts on `asOf`, with the flags in force on that day (what
 *   EntitlementsService.factsOf counts).
 * The generator dates flags and assessments from its profile's date (2020-12-31 for both profiles):
 * on today's date its yearly grants (低保, 独居…) have lapsed and GB/T assessments are overdue (the
 * Minhang policy keeps their levels), so priority groups come from age, living arrangement, level
 * and the open-ended grants.
 */
export interface SeniorViewRow {
  id: string;
  street_code: string;
  sex: string;
  birth_date: string;
  lat: number;
  lng: number;
  living: string;
  flags: string[];
  grants: Array<{ flag: string; validFrom: string; validUntil: string | null }>;
  level: number | null;
  instrument: string | null;
  assessed_on: string | null;
  entitlements: unknown;
}

export function seniorViewRow(senior: SyntheticSenior, policy: DistrictPolicy, asOf: string): SeniorViewRow {
  const inForce = [...new Set(senior.priorityFlags.filter((f) => f.validFrom <= asOf && (f.validUntil === null || f.validUntil >= asOf)).map((f) => f.flag))];
  const cognitiveImpairmentDiagnosed = inForce.includes('cognitive-impairment');
  const gbt = senior.gbt ? { assessedOn: senior.gbt.assessedOn, result: syntheticGbtResult(senior.gbt.level, senior.seniorId, cognitiveImpairmentDiagnosed) } : undefined;
  const facts: SeniorFacts = {
    asOf,
    birthDate: senior.birthDate,
    sex: senior.sex,
    livingArrangement: senior.livingArrangement,
    priorityFlags: inForce,
    ...(gbt ? { gbt } : {}),
    dementiaDiagnosed: senior.dementiaDiagnosed,
    cognitiveImpairmentDiagnosed,
  };
  return {
    id: senior.seniorId,
    street_code: senior.address.streetCode,
    sex: senior.sex,
    birth_date: senior.birthDate,
    lat: senior.address.location.lat,
    lng: senior.address.location.lng,
    living: senior.livingArrangement,
    flags: inForce,
    grants: senior.priorityFlags.map(({ flag, validFrom, validUntil }) => ({ flag, validFrom, validUntil })),
    level: senior.gbt?.level ?? null,
    instrument: senior.gbt ? GBT_42195_2022_ID : null,
    assessed_on: senior.gbt?.assessedOn ?? null,
    entitlements: deriveEntitlements(facts, policy),
  };
}

// The generator gives a GB/T level, not answers. The entitlement rules read items (B1.1 进食 for
// texture-modified food, B2.3 平地行走 for delivery and day care, B3.2/B3.4 for dementia-care beds),
// so each senior gets synthetic answers whose total lies in their level's band and the real
// instrument scores them. Points are taken one at a time along an order: bodily items first (stairs,
// going out, walking, bathing…, eating late), or memory and orientation first for a senior with a
// recorded cognitive impairment. B3.9 意识水平 is never lowered (0 would mean stupor or coma).
// No diagnosis goes into the answers, so the final level is the generator's level; a dementia
// diagnosis reaches the rules as a fact of its own.
const PHYSICAL_ORDER: GbtItemCode[] = [
  'B2.4', 'B4.4', 'B2.3', 'B1.3', 'B4.3', 'B1.5', 'B1.4', 'B2.2', 'B1.8', 'B1.2', 'B1.6', 'B1.7', 'B2.1', 'B4.5', 'B1.1',
  'B3.4', 'B3.1', 'B3.2', 'B4.1', 'B4.2', 'B3.5', 'B3.6', 'B3.3', 'B3.7', 'B3.8',
];
const COGNITIVE_ORDER: GbtItemCode[] = ['B3.4', 'B3.2', 'B3.4', 'B3.2', 'B3.1', ...PHYSICAL_ORDER];
/** The lowest total drawn for level 4, so the order never runs dry. */
const LOWEST_TOTAL = 8;

const gbtResults = new Map<string, GbtResult>();

function syntheticGbtResult(level: number, seniorId: string, cognitive: boolean): GbtResult {
  const band = GBT_LEVELS.find((b) => b.level === level);
  if (!band) throw new Error(`GB/T level ${level} is not 0–4`);
  const lowest = Math.max(band.minTotal, LOWEST_TOTAL);
  const total = lowest + (hash32(seniorId) % (band.maxTotal - lowest + 1));
  const key = `${cognitive ? 'c' : 'p'}${total}`;
  const cached = gbtResults.get(key);
  if (cached) return cached;

  const items = Object.fromEntries(GBT_ITEMS.map((item) => [item.code, Math.max(...item.allowed)])) as Record<GbtItemCode, number>;
  const order = cognitive ? COGNITIVE_ORDER : PHYSICAL_ORDER;
  let toTake = 90 - total;
  for (let i = 0; toTake > 0; i = (i + 1) % order.length) {
    const code = order[i]!;
    if (items[code] > 0) {
      items[code] -= 1;
      toTake -= 1;
    }
  }
  const outcome = evaluateAssessment({ instrument: GBT_42195_2022_ID, items });
  if (!outcome.ok || outcome.result.kind !== 'scored' || !isGbtResult(outcome.result) || outcome.result.finalLevel !== level) {
    throw new Error(`synthetic GB/T answers for level ${level} (total ${total}) did not score as level ${level}`);
  }
  gbtResults.set(key, outcome.result);
  return outcome.result;
}
