import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DEFAULT_VISIT_POLICY, type HomeCareVisitPolicy, validateVisitPolicy } from '@app/domain';
import { VisitPolicyVersion } from '@app/persistence';
import { DistrictPolicyVersions } from '../district-policies/district-policy-versions';

/** Districts' home-care visit policies as versions: alert grace periods, the check-in geofence, the LTCI share and rate. */
@Injectable()
export class VisitPoliciesService extends DistrictPolicyVersions<HomeCareVisitPolicy> {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource, { name: 'visit policy', entity: VisitPolicyVersion, builtIn: { version: DEFAULT_VISIT_POLICY.version, policy: DEFAULT_VISIT_POLICY }, validate: validateVisitPolicy });
  }
}
