import type { GeoPoint, HomeAddress, LivingArrangement, PriorityFlagGrant, PriorityFlagRecord, ProtectedIdNumber, Sex } from './seniors.types';
import type {
  AssessmentReason,
  AssessmentRecord,
  AssessmentReport,
  PolicyVersionRecord,
  DueAssessmentRecord,
  EntitlementsRecord,
  JsonObject,
  ReassessmentTaskRecord,
} from './assessments.types';
import type { EraseSeniorCommand, PersonalDataPart, ServiceErasureResult } from './personal-data.types';
import type { SystemCommands } from './system.contract';

export interface RegisterSeniorCommand {
  /** Chosen by the gateway so that a retried command registers once. */
  seniorId: string;
  name: string;
  sex: Sex;
  birthDate: string;
  idNumber: ProtectedIdNumber;
  address: HomeAddress;
  districtCode: string;
  livingArrangement: LivingArrangement;
  priorityFlags: PriorityFlagGrant[];
  phone: string | null;
}

export interface StartAssessmentCommand {
  /** Chosen by the gateway so that a retried command starts one draft. */
  assessmentId: string;
  seniorId: string;
  instrument: string;
  reason: AssessmentReason;
  supersedesId: string | null;
  correctionReason: string | null;
  assessedOn: string;
}

export interface SaveAnswersCommand {
  assessmentId: string;
  seniorId: string;
  /** Partial answers: items are merged into the draft's, other fields replace the draft's. */
  answers: JsonObject;
}

export interface SeniorRecord {
  seniorId: string;
  name: string;
  sex: Sex;
  birthDate: string;
  idNumber: ProtectedIdNumber;
  address: HomeAddress;
  livingArrangement: LivingArrangement;
  priorityFlags: PriorityFlagRecord[];
  phone: string | null;
  districtCode: string;
  registeredBy: string | null;
  registeredAt: string;
}

export interface AssessmentCommands extends SystemCommands {
  'senior.register': { request: RegisterSeniorCommand; reply: SeniorRecord };
  'senior.get': { request: { seniorId: string }; reply: SeniorRecord };
  /** The senior registered under an ID number's keyed hash; null when none is. */
  'senior.find-by-id-hash': { request: { idNumberHash: string }; reply: { seniorId: string } | null };
  /** Everything this service holds about the senior (PIPL art. 45), for the gateway's export. */
  'senior.personal-data': { request: { seniorId: string }; reply: PersonalDataPart };
  /** Erases or de-identifies the senior's personal data here, keeps what law requires; idempotent (PIPL art. 47). */
  'senior.erase': { request: EraseSeniorCommand; reply: ServiceErasureResult };
  /** Grants a priority flag with evidence and validity; entitlements are derived again. */
  'senior.grant-flag': { request: { seniorId: string; grant: PriorityFlagGrant }; reply: SeniorRecord };
  /** Ends a flag's validity (the evidence lapsed, or it was granted in error); entitlements are derived again. */
  'senior.end-flag': { request: { seniorId: string; grantId: string; validUntil: string; reason: string }; reply: SeniorRecord };
  'assessment.start': { request: StartAssessmentCommand; reply: AssessmentRecord };
  'assessment.save-answers': { request: SaveAnswersCommand; reply: AssessmentRecord };
  'assessment.submit': { request: { assessmentId: string; seniorId: string }; reply: AssessmentRecord };
  'assessment.get': { request: { seniorId: string; assessmentId: string }; reply: AssessmentRecord };
  'assessment.list': { request: { seniorId: string }; reply: AssessmentRecord[] };
  'assessment.report': { request: { seniorId: string; assessmentId: string }; reply: AssessmentReport };
  'entitlements.get': { request: { seniorId: string }; reply: EntitlementsRecord };
  /** Derives entitlements again for these seniors (after a bulk import or a new policy version). */
  'entitlements.recompute': { request: { seniorIds: string[]; trigger: string }; reply: { recomputed: number; changed: number } };
  'policy.list': { request: { districtCode: string | null }; reply: PolicyVersionRecord[] };
  /** Stores a new version; seniors move to it when it is in force (at once if it already is). */
  'policy.publish': { request: { document: JsonObject; publishedBy: string }; reply: PolicyVersionRecord };
  'reassessment.request': { request: { requestId: string; seniorId: string; reason: string; raisedBy: string }; reply: ReassessmentTaskRecord };
  'reassessment.tasks': { request: { districtCode: string | null; openOnly: boolean }; reply: ReassessmentTaskRecord[] };
  'reassessment.due': { request: { districtCode: string | null; withinDays: number; overdueOnly: boolean }; reply: DueAssessmentRecord[] };
}

/** Facts the assessment service publishes. Health facts and ID numbers never travel in events. */
export interface SeniorRegisteredEvent {
  seniorId: string;
  name: string;
  sex: Sex;
  birthDate: string;
  address: { text: string; streetCode: string | null };
  districtCode: string;
  location: GeoPoint;
  livingArrangement: LivingArrangement;
  priorityFlags: Array<Omit<PriorityFlagGrant, 'evidence'>>;
  registeredAt: string;
}

/** A submitted assessment: the level other services act on. Answers stay in the assessment service. */
export interface AssessmentFinalizedEvent {
  assessmentId: string;
  seniorId: string;
  instrument: string;
  finalLevel: number | null;
  finalLevelName: string | null;
  assessedOn: string;
  dueOn: string | null;
  supersedesId: string | null;
}

/** A senior's entitlements changed (assessment, flags, a new policy version, expiry), with the previous values. */
export interface EntitlementsChangedEvent {
  seniorId: string;
  entitlements: JsonObject;
  previous: JsonObject | null;
  changes: JsonObject[];
  districtCode: string;
  policyVersion: string;
  trigger: string;
}

/** A senior's priority flags after a grant or an end, all of them with their validity. */
export interface SeniorFlagsChangedEvent {
  seniorId: string;
  priorityFlags: Array<Omit<PriorityFlagGrant, 'evidence'>>;
  livingArrangement: LivingArrangement;
}

export interface AssessmentEvents {
  'senior.registered': SeniorRegisteredEvent;
  'senior.flags-changed': SeniorFlagsChangedEvent;
  'assessment.finalized': AssessmentFinalizedEvent;
  'entitlements.changed': EntitlementsChangedEvent;
}
