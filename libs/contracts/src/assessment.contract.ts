import type { GeoPoint, HomeAddress, LivingArrangement, PriorityFlagGrant, ProtectedIdNumber, Sex } from './seniors.types';
import type { SystemCommands } from './system.contract';

export interface RegisterSeniorCommand {
  /** Chosen by the gateway so that a retried command registers once. */
  seniorId: string;
  name: string;
  sex: Sex;
  birthDate: string;
  idNumber: ProtectedIdNumber;
  address: HomeAddress;
  livingArrangement: LivingArrangement;
  priorityFlags: PriorityFlagGrant[];
  phone: string | null;
}

export interface SeniorRecord {
  seniorId: string;
  name: string;
  sex: Sex;
  birthDate: string;
  idNumber: ProtectedIdNumber;
  address: HomeAddress;
  livingArrangement: LivingArrangement;
  priorityFlags: PriorityFlagGrant[];
  phone: string | null;
  registeredBy: string | null;
  registeredAt: string;
}

export interface AssessmentCommands extends SystemCommands {
  'senior.register': { request: RegisterSeniorCommand; reply: SeniorRecord };
  'senior.get': { request: { seniorId: string }; reply: SeniorRecord };
}

/** Facts the assessment service publishes. Health facts and ID numbers never travel in events. */
export interface SeniorRegisteredEvent {
  seniorId: string;
  name: string;
  sex: Sex;
  birthDate: string;
  address: { text: string; streetCode: string | null };
  location: GeoPoint;
  livingArrangement: LivingArrangement;
  priorityFlags: Array<Omit<PriorityFlagGrant, 'evidence'>>;
  registeredAt: string;
}

export interface AssessmentEvents {
  'senior.registered': SeniorRegisteredEvent;
}
