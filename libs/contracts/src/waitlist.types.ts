import type { BedApplicationKind, PositionChange, PriorityRules, ScorePart } from '@app/domain';
import type { BedTypeId } from './facilities.types';

export type { BedApplicationKind, PriorityRules, ScorePart };

export type BedApplicationStatus = 'waiting' | 'offered' | 'admitted' | 'withdrawn';
export type BedOfferStatus = 'open' | 'accepted' | 'admitted' | 'declined' | 'expired' | 'withdrawn';
export type WaitlistDecisionKind = 'applied' | 'offered' | 'accepted' | 'declined' | 'expired' | 'passed-over' | 'admitted' | 'withdrawn' | 'offer-withdrawn';

export interface SubmitBedApplicationCommand {
  applicationId: string;
  seniorId: string;
  kind: BedApplicationKind;
  /** Empty: any bed type the senior is entitled to. */
  bedTypes: BedTypeId[];
  /** Facilities the family would accept; empty: any within `maxWalkingMinutes` of home, or the district. */
  facilityIds: string[];
  maxWalkingMinutes: number | null;
}

/** Where an application stands on the list now, and the named parts of its score. */
export interface WaitlistStanding {
  position: number;
  /** Applications of the same kind waiting in the district. */
  of: number;
  rulesVersion: string;
  score: number;
  parts: ScorePart[];
}

export interface BedOfferRecord {
  offerId: string;
  bedId: string;
  bedLabel: string;
  bedType: string;
  facilityId: string;
  facilityName: string;
  status: BedOfferStatus;
  offeredAt: string;
  /** The hold lapses then unless the operator admits the senior. */
  expiresAt: string;
}

export interface WaitlistDecisionRecord {
  kind: WaitlistDecisionKind;
  at: string;
  reason: string;
  bedId: string | null;
  facilityId: string | null;
  rulesVersion: string | null;
  score: number | null;
  position: number | null;
}

export interface BedApplicationRecord {
  applicationId: string;
  seniorId: string;
  districtCode: string;
  kind: BedApplicationKind;
  bedTypes: string[];
  facilityIds: string[];
  maxWalkingMinutes: number | null;
  status: BedApplicationStatus;
  appliedAt: string;
  closedReason: string | null;
  /** Null unless waiting. */
  standing: WaitlistStanding | null;
  /** The open (or accepted) offer, if any. */
  offer: BedOfferRecord | null;
  /** Everything decided about this application, oldest first: offers, declines, expiries, every time it was passed over and why. */
  history: WaitlistDecisionRecord[];
}

export interface WaitingListEntry {
  applicationId: string;
  seniorId: string;
  position: number;
  score: number;
  parts: ScorePart[];
  appliedAt: string;
  bedTypes: string[];
}

export interface WaitingListView {
  districtCode: string;
  kind: BedApplicationKind;
  rulesVersion: string;
  entries: WaitingListEntry[];
}

export interface PriorityRulesRecord {
  districtCode: string;
  version: string;
  /** Null: a draft, used only for what-if runs. */
  effectiveFrom: string | null;
  rules: PriorityRules;
  note: string | null;
  createdAt: string;
}

export interface PublishPriorityRulesCommand {
  districtCode: string;
  version: string;
  effectiveFrom: string | null;
  rules: unknown;
  note: string | null;
}

export interface WaitlistWhatIf {
  districtCode: string;
  kind: BedApplicationKind;
  currentVersion: string;
  draftVersion: string;
  applicants: number;
  movedUp: number;
  movedDown: number;
  unchanged: number;
  changes: PositionChange[];
}
