/**
 * Whether a bed fits a waiting applicant, and if not, every reason why in words a family can read.
 * The waiting list offers a freed bed to the highest-ranked applicant it fits; everyone ranked
 * above them who wanted that facility is recorded as passed over with these reasons.
 */
export const BED_APPLICATION_KINDS = ['long-stay', 'respite'] as const;
export type BedApplicationKind = (typeof BED_APPLICATION_KINDS)[number];

export interface BedOnOffer {
  readonly bedType: string;
  readonly genderRule: 'female' | 'male' | 'any';
  readonly respite: boolean;
  readonly roomName: string;
}

export interface ApplicantNeeds {
  readonly kind: BedApplicationKind;
  readonly sex: string;
  /** Bed types the senior's entitlements allow. */
  readonly entitledBedTypes: readonly string[];
  /** Bed types asked for; empty: any the senior is entitled to. */
  readonly wantedBedTypes: readonly string[];
}

export function bedMisfits(bed: BedOnOffer, needs: ApplicantNeeds): string[] {
  const reasons: string[] = [];
  if (!needs.entitledBedTypes.includes(bed.bedType)) reasons.push(`a ${bed.bedType} bed is not among the senior's entitled bed types (${needs.entitledBedTypes.join(', ') || 'none'})`);
  else if (needs.wantedBedTypes.length > 0 && !needs.wantedBedTypes.includes(bed.bedType)) reasons.push(`the application asks for ${needs.wantedBedTypes.join(' or ')} beds, this one is ${bed.bedType}`);
  if (bed.genderRule !== 'any' && bed.genderRule !== needs.sex) reasons.push(`room ${bed.roomName} is for ${bed.genderRule === 'female' ? 'women' : 'men'}`);
  if (needs.kind === 'respite' && !bed.respite) reasons.push('a respite (short-stay) application needs a respite bed');
  if (needs.kind === 'long-stay' && bed.respite) reasons.push('respite beds are kept for short stays');
  return reasons;
}
