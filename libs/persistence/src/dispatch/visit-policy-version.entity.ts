import { Entity, Index } from 'typeorm';
import { DistrictPolicyVersionColumns } from './district-policy-version-columns';

/**
 * A version of a district's home-care visit policy (the domain's HomeCareVisitPolicy): alert grace
 * periods, the check-in geofence, default flexibility, caregivers' weekly maximum, the LTCI share
 * and hourly rate.
 */
@Entity({ schema: 'dispatch', name: 'visit_policy_version' })
@Index('visit_policy_version_unique', ['districtCode', 'version'], { unique: true })
export class VisitPolicyVersion extends DistrictPolicyVersionColumns {}
