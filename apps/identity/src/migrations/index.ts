import { RegistryAndAccounts1767200000000 } from './1767200000000-registry-and-accounts.js';
import { RegistryChanges1767400000000 } from './1767400000000-registry-changes.js';
import { AgencyVerification1767550000000 } from './1767550000000-agency-verification.js';
import { IdempotencyKeys1767800000000 } from './1767800000000-idempotency-keys.js';
import { AccessLogRuntimeGrants1767900000000 } from './1767900000000-access-log-runtime-grants.js';
import { SessionsAndSecondFactor1768000000000 } from './1768000000000-sessions-and-second-factor.js';
import { StaffScope1768310000000 } from './1768310000000-staff-scope.js';
import { AccessLogBatchRows1768400000000 } from './1768400000000-access-log-batch-rows.js';
import { ImportStaging1768450000000 } from './1768450000000-import-staging.js';
import { SessionDevices1768500000000 } from './1768500000000-session-devices.js';
import { AccessLogCompactBatchRows1768600000000 } from './1768600000000-access-log-compact-batch-rows.js';
import { MembershipParentsByStatement1768700000000 } from './1768700000000-membership-parents-by-statement.js';
import { PersonKeyCoversVerification1768800000000 } from './1768800000000-person-key-covers-verification.js';
import { AccessLogNiksLz41768900000000 } from './1768900000000-access-log-niks-lz4.js';
import { MembershipParentsCheckPlan1769000000000 } from './1769000000000-membership-parents-check-plan.js';

/** Every migration of the identity database, oldest first. */
export const identityMigrations = [
  RegistryAndAccounts1767200000000,
  RegistryChanges1767400000000,
  AgencyVerification1767550000000,
  IdempotencyKeys1767800000000,
  AccessLogRuntimeGrants1767900000000,
  SessionsAndSecondFactor1768000000000,
  StaffScope1768310000000,
  AccessLogBatchRows1768400000000,
  ImportStaging1768450000000,
  SessionDevices1768500000000,
  AccessLogCompactBatchRows1768600000000,
  MembershipParentsByStatement1768700000000,
  PersonKeyCoversVerification1768800000000,
  AccessLogNiksLz41768900000000,
  MembershipParentsCheckPlan1769000000000,
];
