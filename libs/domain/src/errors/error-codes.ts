import { ErrorKind } from './error-kind.js';

/**
 * Every stable error code of the system and its kind (STYLE.md rule 9). Codes are part of the
 * contract with clients (they appear in problem responses as `code`), so they never change
 * meaning; add new ones instead.
 */
export const ErrorCodes = {
  // Input shape
  'VALIDATION.FAILED': ErrorKind.INVALID,
  'REQUEST.MALFORMED': ErrorKind.INVALID,
  'REQUEST.TOO_LARGE': ErrorKind.TOO_LARGE,
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': ErrorKind.UNSUPPORTED_MEDIA,
  'ROUTE.NOT_FOUND': ErrorKind.NOT_FOUND,
  'METHOD.NOT_ALLOWED': ErrorKind.CONFLICT,

  // Safe retries (API.md "Safe retries"): a malformed Idempotency-Key, a key sent again with
  // another request, a retry that arrives while the first attempt is still being answered
  'IDEMPOTENCY.KEY_INVALID': ErrorKind.INVALID,
  'IDEMPOTENCY.KEY_REUSED': ErrorKind.RULE,
  'IDEMPOTENCY.IN_PROGRESS': ErrorKind.CONFLICT,

  // Identifiers (DOMAIN.md "Identifiers")
  'NIK.FORMAT': ErrorKind.INVALID,
  'NIK.PROVINCE_UNKNOWN': ErrorKind.INVALID,
  'NIK.REGENCY_UNKNOWN': ErrorKind.INVALID,
  'NIK.DISTRICT_UNKNOWN': ErrorKind.INVALID,
  'NIK.INVALID_DATE': ErrorKind.INVALID,
  'NIK.FUTURE_DATE': ErrorKind.INVALID,
  'NIK.SERIAL_ZERO': ErrorKind.INVALID,
  'KK.FORMAT': ErrorKind.INVALID,
  'KK.PROVINCE_UNKNOWN': ErrorKind.INVALID,
  'KK.REGENCY_UNKNOWN': ErrorKind.INVALID,
  'KK.DISTRICT_UNKNOWN': ErrorKind.INVALID,
  'KK.INVALID_DATE': ErrorKind.INVALID,
  'KK.FUTURE_DATE': ErrorKind.INVALID,
  'KK.SERIAL_ZERO': ErrorKind.INVALID,
  'BIRTH_CERTIFICATE.FORMAT': ErrorKind.INVALID,
  'BIRTH_CERTIFICATE.REGENCY_UNKNOWN': ErrorKind.INVALID,
  'BIRTH_CERTIFICATE.INVALID_DATE': ErrorKind.INVALID,
  'BIRTH_CERTIFICATE.SERIAL_ZERO': ErrorKind.INVALID,
  'DEATH_CERTIFICATE.FORMAT': ErrorKind.INVALID,
  'DEATH_CERTIFICATE.REGENCY_UNKNOWN': ErrorKind.INVALID,
  'DEATH_CERTIFICATE.INVALID_DATE': ErrorKind.INVALID,
  'DEATH_CERTIFICATE.SERIAL_ZERO': ErrorKind.INVALID,
  'APPLICATION_NUMBER.FORMAT': ErrorKind.INVALID,
  'APPLICATION_NUMBER.REGENCY_UNKNOWN': ErrorKind.INVALID,
  'APPLICATION_NUMBER.INVALID_DATE': ErrorKind.INVALID,
  'APPLICATION_NUMBER.SEQUENCE_ZERO': ErrorKind.INVALID,
  'REGION.FORMAT': ErrorKind.INVALID,
  'REGION.UNKNOWN': ErrorKind.INVALID,
  'LABEL.UNKNOWN': ErrorKind.INVALID,
  'DATE.INVALID': ErrorKind.INVALID,
  'NUMBER.OUT_OF_RANGE': ErrorKind.INVALID,

  // Accounts and access
  'AUTH.UNAUTHENTICATED': ErrorKind.UNAUTHENTICATED,
  'AUTH.INVALID_CREDENTIALS': ErrorKind.UNAUTHENTICATED,
  'AUTH.FORBIDDEN': ErrorKind.FORBIDDEN,
  'AUTH.TOO_MANY_ATTEMPTS': ErrorKind.RATE_LIMITED,
  'AUTH.REGISTRATION_REJECTED': ErrorKind.RULE,
  'AUTH.ACCOUNT_EXISTS': ErrorKind.CONFLICT,
  'AUTH.PASSWORD_CHANGE_REQUIRED': ErrorKind.FORBIDDEN,
  'AUTH.MFA_ENROLMENT_REQUIRED': ErrorKind.FORBIDDEN,
  'ACCOUNT.CURRENT_PASSWORD_WRONG': ErrorKind.RULE,
  'ACCOUNT.PASSWORD_UNCHANGED': ErrorKind.RULE,
  'MFA.ALREADY_ENABLED': ErrorKind.CONFLICT,
  'MFA.NOT_STARTED': ErrorKind.CONFLICT,
  'MFA.INVALID_CODE': ErrorKind.RULE,
  'MFA.NOT_ENABLED': ErrorKind.CONFLICT,
  'AGENCY.FIELD_NOT_ALLOWED': ErrorKind.FORBIDDEN,
  'AGENCY.QUOTA_EXCEEDED': ErrorKind.RATE_LIMITED,
  'AGENCY.SUSPENDED': ErrorKind.UNAUTHENTICATED,
  'AGENCY.NOT_FOUND': ErrorKind.NOT_FOUND,
  // An ADMIN acting outside its scope (another regency, or deployment-wide objects)
  'ADMIN.OUT_OF_SCOPE': ErrorKind.FORBIDDEN,

  // Registry
  'RESIDENT.NOT_FOUND': ErrorKind.NOT_FOUND,
  'FAMILY.NOT_FOUND': ErrorKind.NOT_FOUND,
  'STAFF.USERNAME_TAKEN': ErrorKind.CONFLICT,
  'STAFF.NIP_TAKEN': ErrorKind.CONFLICT,
  'STAFF.NIK_TAKEN': ErrorKind.CONFLICT,
  'STAFF.NOT_FOUND': ErrorKind.NOT_FOUND,
  'STAFF.CANNOT_DISABLE_SELF': ErrorKind.FORBIDDEN,
  'STAFF.CANNOT_RESET_OWN_MFA': ErrorKind.FORBIDDEN,
  'ACCOUNT.NOT_FOUND': ErrorKind.NOT_FOUND,
  // One of the caller's own sessions, by id: unknown, ended, or another account's (never said which)
  'SESSION.NOT_FOUND': ErrorKind.NOT_FOUND,
  'IDENTIFIER.EXHAUSTED': ErrorKind.CONFLICT,
  'IMPORT.NOT_FOUND': ErrorKind.NOT_FOUND,
  'IMPORT.OUT_OF_ORDER': ErrorKind.CONFLICT,

  // Applications
  'APPLICATION.NOT_FOUND': ErrorKind.NOT_FOUND,
  'APPLICATION.INVALID_TRANSITION': ErrorKind.CONFLICT,
  'APPLICATION.ROLE_NOT_ALLOWED': ErrorKind.FORBIDDEN,
  'APPLICATION.FOUR_EYES': ErrorKind.FORBIDDEN,
  'APPLICATION.OWN_FAMILY': ErrorKind.FORBIDDEN,
  'APPLICATION.RULE_VIOLATION': ErrorKind.RULE,
  'ATTACHMENT.NOT_FOUND': ErrorKind.NOT_FOUND,

  // Documents
  'DOCUMENT.NOT_FOUND': ErrorKind.NOT_FOUND,
  'DOCUMENT.ALREADY_REVOKED': ErrorKind.CONFLICT,

  // Infrastructure
  'SERVICE.UNAVAILABLE': ErrorKind.UNAVAILABLE,
  INTERNAL: ErrorKind.INTERNAL,
} as const satisfies Record<string, ErrorKind>;

export type ErrorCode = keyof typeof ErrorCodes;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ErrorCodes, value);
}

export function kindOf(code: ErrorCode): ErrorKind {
  return ErrorCodes[code];
}
