// The policies shipped with the platform: starting points that a district confirms, versions and
// replaces through its own data, never edited in place once in force.

import type { DistrictPolicy } from '../district-policy';
import { SHANGHAI_MINHANG_POLICY } from './shanghai-minhang';
import { WUXI_XINWU_POLICY } from './wuxi-xinwu';

export { SHANGHAI_MINHANG_POLICY, WUXI_XINWU_POLICY };

export const DEFAULT_DISTRICT_POLICIES: readonly DistrictPolicy[] = [SHANGHAI_MINHANG_POLICY, WUXI_XINWU_POLICY];
