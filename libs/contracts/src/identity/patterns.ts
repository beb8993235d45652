/** NATS subjects of the identity service: `<service>.<entity>.<verb>` (STYLE.md rule 1). */
export const IdentityPatterns = {
  HEALTH_CHECK: 'identity.health.check',

  // Accounts and tokens (API.md "Accounts and tokens")
  ACCOUNT_REGISTER: 'identity.account.register',
  ACCOUNT_LOGIN: 'identity.account.login',
  ACCOUNT_GET: 'identity.account.get',
  STAFF_CREATE: 'identity.staff.create',

  // Sessions and account security (API.md "Sessions and account security")
  SESSION_REFRESH: 'identity.session.refresh',
  SESSION_REVOKE: 'identity.session.revoke',
  SESSION_STATE: 'identity.session.state',
  SESSION_LIST: 'identity.session.list',
  SESSION_END: 'identity.session.end',
  SESSION_END_OTHERS: 'identity.session.end-others',
  ACCOUNT_CHANGE_PASSWORD: 'identity.account.change-password',
  MFA_START: 'identity.mfa.start',
  MFA_CONFIRM: 'identity.mfa.confirm',
  MFA_VERIFY: 'identity.mfa.verify',
  MFA_RECOVERY_CODES: 'identity.mfa.recovery-codes',
  STAFF_LIST: 'identity.staff.list',
  STAFF_DISABLE: 'identity.staff.disable',
  STAFF_ENABLE: 'identity.staff.enable',
  STAFF_RESET_PASSWORD: 'identity.staff.reset-password',
  STAFF_RESET_MFA: 'identity.staff.reset-mfa',
  AGENCY_CREATE: 'identity.agency.create',
  AGENCY_SUSPEND: 'identity.agency.suspend',
  AGENCY_RESUME: 'identity.agency.resume',
  AGENCY_LIST: 'identity.agency.list',
  AGENCY_TOKEN: 'identity.agency.token',

  // Verification for agencies (API.md "Verification for agencies")
  VERIFICATION_VERIFY: 'identity.verification.verify',
  VERIFICATION_VERIFY_BATCH: 'identity.verification.verify-batch',
  /** From the gateway: concurrent `POST /verifications` of one token, as one message (each answered alone). */
  VERIFICATION_VERIFY_MANY: 'identity.verification.verify-many',

  // Population registry reads on behalf of a caller (region and family rules, access log)
  RESIDENT_READ: 'identity.resident.read',
  FAMILY_READ: 'identity.family.read',
  FAMILY_READ_OWN: 'identity.family.read-own',
  ACCESS_LOG_LIST: 'identity.access-log.list',
  /** From applications and documents only: a staff member's read of people's data, to log. */
  ACCESS_LOG_RECORD_STAFF_READ: 'identity.access-log.record-staff-read',

  // Registry import, streamed in chunks (the session lives in the identity database)
  IMPORT_START: 'identity.import.start',
  IMPORT_CHUNK: 'identity.import.chunk',
  IMPORT_FINISH: 'identity.import.finish',
  IMPORT_REJECTION_LIST: 'identity.import-rejection.list',

  // For the other services (no caller rules, no access-log entry)
  PERSONS_GET: 'identity.persons.get',
  FAMILY_GET: 'identity.family.get',
  FAMILY_FIND_BY_MEMBER: 'identity.family.find-by-member',
} as const;
export type IdentityPattern = (typeof IdentityPatterns)[keyof typeof IdentityPatterns];

/**
 * Broadcasts of identity (plain NATS publish, no queue group: every gateway replica receives
 * each one). Only identity may publish them and only gateways subscribe (scripts/nats-config.mjs).
 */
export const IdentityBroadcasts = {
  /** An account's tokens changed: a session ended, or every token before now is refused. */
  ACCOUNT_SESSIONS_CHANGED: 'identity.account.sessions-changed',
} as const;
