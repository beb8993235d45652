/** NATS subjects of the identity service: `<service>.<entity>.<verb>` (STYLE.md rule 1). */
export const IdentityPatterns = {
  HEALTH_CHECK: 'identity.health.check',

  // Accounts and tokens (API.md "Accounts and tokens")
  ACCOUNT_REGISTER: 'identity.account.register',
  ACCOUNT_LOGIN: 'identity.account.login',
  ACCOUNT_GET: 'identity.account.get',
  STAFF_CREATE: 'identity.staff.create',
  AGENCY_CREATE: 'identity.agency.create',
  AGENCY_SUSPEND: 'identity.agency.suspend',
  AGENCY_RESUME: 'identity.agency.resume',
  AGENCY_LIST: 'identity.agency.list',
  AGENCY_TOKEN: 'identity.agency.token',

  // Verification for agencies (API.md "Verification for agencies")
  VERIFICATION_VERIFY: 'identity.verification.verify',
  VERIFICATION_VERIFY_BATCH: 'identity.verification.verify-batch',

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
  NIK_ASSIGN: 'identity.nik.assign',
  FAMILY_CARD_NUMBER_ASSIGN: 'identity.family-card-number.assign',
} as const;
export type IdentityPattern = (typeof IdentityPatterns)[keyof typeof IdentityPatterns];
