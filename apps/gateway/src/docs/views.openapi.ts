import type { SchemaObject } from '@nestjs/swagger';
import {
  APPLICATION_INPUT_CLASSES,
  ComponentStatus,
  REASON_MAX_LENGTH,
  SESSION_DEVICE_MAX_LENGTH,
  VERIFICATION_BATCH_MAX,
  VERIFICATION_FIELDS,
  type AccessLogItem,
  type AccountView,
  type AgencyTokenReply,
  type AgencyUsageView,
  type AgencyView,
  type ApplicationDocumentRef,
  type ExpectedEvidenceView,
  type ApplicationHistoryEntry,
  type ApplicationViewFields,
  type AttachmentView,
  type CreateAgencyReply,
  type CreateStaffReply,
  type DocumentView,
  type FamilyView,
  type FieldMatch,
  type ImportRejection,
  type MfaChallengeReply,
  type MfaEnrolmentReply,
  type RecoveryCodesReply,
  type ResetPasswordReply,
  type SessionReply,
  type StaffView,
  type SessionView,
  type EndOtherSessionsReply,
  type PersonView,
  type PublicDocumentView,
  type RegisterAccountReply,
  type StoredAttachmentView,
  type VerificationResult,
  type VerifyBatchReply,
} from '#lib/contracts';
import {
  ApplicationAction,
  ApplicationStatus,
  ApplicationType,
  AttachmentKind,
  BloodType,
  Citizenship,
  DocumentKind,
  DocumentStatus,
  MaritalStatus,
  PersonStatus,
  Relationship,
  Religion,
  Role,
  Sex,
} from '#lib/domain';
import { documentedClasses, SCHEMA_REF_PREFIX } from './class-schemas.js';

/**
 * Response schemas. The views are TypeScript interfaces in libs/contracts (what the services
 * return); each schema here is typed against its interface — `view<PersonView>()` must describe
 * every field, no other, and name exactly the optional ones — so the compiler keeps the two
 * together, and the whole-system tests check every response the gateway sends against them
 * (test/support/openapi-contract.ts). The lengths are what the registry stores.
 */

type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];

/** An object schema for the interface `T`: every field described, the optional ones named. */
function view<T>(
  description: string,
  properties: { [K in keyof T]-?: SchemaObject },
  optional: { [K in OptionalKeys<T>]: true },
): SchemaObject {
  const optionalNames = new Set(Object.keys(optional));
  return {
    type: 'object',
    description,
    required: Object.keys(properties).filter((name) => !optionalNames.has(name)),
    properties,
    additionalProperties: false,
  };
}

const text = (maxLength: number, extra: SchemaObject = {}): SchemaObject => ({ type: 'string', maxLength, ...extra });
const oneOf = (values: object, extra: SchemaObject = {}): SchemaObject => ({
  type: 'string',
  enum: Object.values(values) as string[],
  ...extra,
});
const list = (items: SchemaObject, maxItems: number): SchemaObject => ({ type: 'array', maxItems, items });
const int = (minimum: number, maximum: number, extra: SchemaObject = {}): SchemaObject => ({
  type: 'integer',
  format: 'int64',
  minimum,
  maximum,
  ...extra,
});
export const ref = (name: string): SchemaObject => ({ $ref: `${SCHEMA_REF_PREFIX}${name}` }) as SchemaObject;

const UUID = text(36, { format: 'uuid', example: '3f2b8c1e-5d4a-4e6b-9c7d-8e9f0a1b2c3d' });
const NIK = text(16, { pattern: '^[0-9]{16}$', minLength: 16, example: '1602054101900001' });
const KK = text(16, { pattern: '^[0-9]{16}$', minLength: 16, example: '1602050101150001' });
const DATE = text(10, { format: 'date', example: '1990-01-01' });
const TIMESTAMP = text(30, { format: 'date-time', example: '2026-11-30T08:15:00.000Z' });
const REGENCY = text(5, { pattern: '^[0-9]{2}\\.[0-9]{2}$', example: '16.02' });
const NAME = text(200, { example: 'SITI RAHAYU' });
const COUNT = int(0, Number.MAX_SAFE_INTEGER);
const SHA256 = text(64, { pattern: '^[0-9a-f]{64}$', minLength: 64 });
const REFRESH_TOKEN = text(64, { pattern: '^[0-9a-f]{64}$', minLength: 64 });
const JWT = text(8192, { pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$' });

const person = view<PersonView>(
  'A person of the registry (API.md "Person"); empty optional fields are left out',
  {
    nik: NIK,
    fullName: NAME,
    sex: oneOf(Sex),
    birthPlace: text(100, { example: 'MUARA ENIM' }),
    birthDate: DATE,
    religion: oneOf(Religion),
    education: text(100, { example: 'SLTA/SEDERAJAT' }),
    occupation: text(100, { example: 'KARYAWAN SWASTA' }),
    bloodType: oneOf(BloodType),
    maritalStatus: oneOf(MaritalStatus),
    marriageDate: DATE,
    relationship: oneOf(Relationship, { description: 'In the current family; absent when in none' }),
    citizenship: oneOf(Citizenship),
    passportNumber: text(20),
    kitapNumber: text(30),
    fatherName: NAME,
    motherName: NAME,
    status: oneOf(PersonStatus),
  },
  { marriageDate: true, relationship: true, passportNumber: true, kitapNumber: true },
);

const family = view<FamilyView>(
  'A family (API.md "Family") with its members and the names of its regions (additions: the codes and names)',
  {
    familyCardNumber: KK,
    address: text(200, { example: 'JL. MERDEKA NO. 10' }),
    rt: text(3, { pattern: '^[0-9]{3}$', example: '001' }),
    rw: text(3, { pattern: '^[0-9]{3}$', example: '002' }),
    villageCode: text(13, { pattern: '^[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}$', example: '16.02.05.1002' }),
    postalCode: text(5, { pattern: '^[0-9]{5}$', example: '31311' }),
    headNik: { ...NIK, nullable: true },
    villageName: NAME,
    districtCode: text(8, { pattern: '^[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}$', example: '16.02.05' }),
    districtName: NAME,
    regencyCode: REGENCY,
    regencyName: NAME,
    provinceCode: text(2, { pattern: '^[0-9]{2}$', example: '16' }),
    provinceName: NAME,
    members: list(ref('PersonView'), 100),
  },
  {},
);

const accessLogItem = view<AccessLogItem>(
  "One read of the resident's record",
  {
    at: TIMESTAMP,
    actor: text(200, { example: 'BANK CONTOH TBK' }),
    actorType: oneOf({ STAFF: 'STAFF', AGENCY: 'AGENCY' }),
    purpose: text(500, { example: 'Pembukaan rekening tabungan' }),
    fields: list(text(50), 50),
  },
  {},
);

const page = (item: string, description: string): SchemaObject => ({
  type: 'object',
  description,
  required: ['items', 'total'],
  properties: { items: list(ref(item), 100), total: COUNT },
  additionalProperties: false,
});

const history = view<ApplicationHistoryEntry>(
  'One transition of the application',
  {
    at: TIMESTAMP,
    actor: text(200, { description: "The account (a resident's NIK masked) or SISTEM", example: 'siti.clerk' }),
    from: {
      type: 'string',
      // OpenAPI 3.0: a nullable enum lists null among its values.
      enum: [...Object.values(ApplicationStatus), null],
      nullable: true,
      description: 'null: the application was created',
    },
    to: oneOf(ApplicationStatus),
    reason: text(REASON_MAX_LENGTH),
    internalNote: text(REASON_MAX_LENGTH, { description: "The clerk's note for the official: in staff views only" }),
  },
  { reason: true, internalNote: true },
);

const attachment = view<AttachmentView>(
  'Evidence attached to an application',
  {
    id: UUID,
    kind: oneOf(AttachmentKind),
    fileName: text(255, { example: 'surat-keterangan-lahir.pdf' }),
    contentType: oneOf({ pdf: 'application/pdf', jpeg: 'image/jpeg', png: 'image/png' }),
    size: int(1, 5 * 1024 * 1024),
  },
  {},
);

const storedAttachment = view<StoredAttachmentView>(
  'The stored attachment, with the SHA-256 of its bytes (lower-case hex)',
  { ...(attachment.properties as Record<keyof AttachmentView, SchemaObject>), sha256: SHA256 },
  {},
);

const documentRef = view<ApplicationDocumentRef>(
  'A document issued for the application',
  { id: UUID, kind: oneOf(DocumentKind), number: text(40, { example: '1602-LU-30112026-0001' }) },
  {},
);

const expectedEvidence = view<ExpectedEvidenceView>(
  'Evidence the rules expect the clerk to see for this application',
  {
    kind: oneOf(AttachmentKind),
    label: text(200, { example: 'SPTJM KEBENARAN SEBAGAI PASANGAN SUAMI ISTRI' }),
    reason: text(500, { example: 'Perkawinan orang tua belum tercatat' }),
  },
  {},
);

const applicationFields = view<ApplicationViewFields>(
  'API.md "Application" without type and details',
  {
    id: UUID,
    number: text(19, { pattern: '^[0-9]{4}-[0-9]{8}-[0-9]{5}$', example: '1602-20261130-00001' }),
    status: oneOf(ApplicationStatus),
    applicantNik: NIK,
    applicantName: NAME,
    regencyCode: REGENCY,
    submittedAt: TIMESTAMP,
    updatedAt: TIMESTAMP,
    history: list(ref('ApplicationHistoryEntry'), 1000),
    attachments: list(ref('AttachmentView'), 100),
    documents: list(ref('ApplicationDocumentRef'), 20),
    allowedActions: list(oneOf(ApplicationAction), 10),
    waitingSince: TIMESTAMP,
    waitingSeconds: COUNT,
    expectedEvidence: list(ref('ExpectedEvidenceView'), 20),
    ownFamily: {
      type: 'boolean',
      description:
        'Staff only, present when true: the application is of the caller’s own family (the applicant is them or ' +
        'in their KK, or it is about their KK); they may not verify, return, reject or approve it ' +
        '(403 APPLICATION.OWN_FAMILY) and allowedActions offers none of these',
    },
  },
  { applicantName: true, waitingSince: true, waitingSeconds: true, expectedEvidence: true, ownFamily: true },
);

const detailsName = (type: ApplicationType): string =>
  `${APPLICATION_INPUT_CLASSES[type].name.replace(/Input$/, '')}Details`;
const applicationViewName = (type: ApplicationType): string =>
  `ApplicationView${detailsName(type).replace(/Details$/, '')}`;

/** The details of each type: its input class without `type` (what the service stores and shows). */
function detailsSchemas(): Record<string, SchemaObject> {
  const schemas: Record<string, SchemaObject> = {};
  for (const type of Object.values(ApplicationType)) {
    const input = documentedClasses.inline(APPLICATION_INPUT_CLASSES[type]);
    const { type: _type, ...properties } = input.properties ?? {};
    schemas[detailsName(type)] = {
      ...input,
      description: `The details of ${type} (API.md "Details by type")`,
      properties,
      required: (input.required ?? []).filter((name) => name !== 'type'),
    };
    schemas[applicationViewName(type)] = {
      ...applicationFields,
      description: `An application of type ${type}`,
      required: [...(applicationFields.required ?? []), 'type', 'details'],
      properties: {
        ...applicationFields.properties,
        type: { type: 'string', enum: [type] },
        details: ref(detailsName(type)),
      },
    };
  }
  return schemas;
}

/** The POST/PUT /applications body: one of the input classes, chosen by `type`. */
export function applicationInputSchema(): SchemaObject {
  const types = Object.values(ApplicationType);
  return {
    oneOf: types.map((type) => documentedClasses.ref(APPLICATION_INPUT_CLASSES[type])),
    discriminator: {
      propertyName: 'type',
      mapping: Object.fromEntries(
        types.map((type) => [type, `${SCHEMA_REF_PREFIX}${APPLICATION_INPUT_CLASSES[type].name}`]),
      ),
    },
  };
}

const fieldMatch = view<FieldMatch>(
  'A compared field',
  { match: { type: 'boolean' }, score: { type: 'number', format: 'double', minimum: 0, maximum: 1 } },
  { score: true },
);

const verificationResult = view<VerificationResult>(
  'The answer to one check: match results and the status, never a value of the record',
  {
    requestId: UUID,
    nik: NIK,
    found: { type: 'boolean' },
    status: oneOf(PersonStatus),
    fields: {
      type: 'object',
      description: 'One entry per compared field',
      properties: Object.fromEntries(VERIFICATION_FIELDS.map((field) => [field, ref('FieldMatch')])),
      additionalProperties: false,
    },
  },
  { status: true },
);

const VIEWS = {
  PersonView: person,
  FamilyView: family,
  AccessLogItem: accessLogItem,
  AccessLogPage: page('AccessLogItem', 'Who read the record, newest first'),
  ApplicationHistoryEntry: history,
  AttachmentView: attachment,
  StoredAttachmentView: storedAttachment,
  ApplicationDocumentRef: documentRef,
  ExpectedEvidenceView: expectedEvidence,
  ApplicationPage: page('ApplicationView', 'A page of applications'),
  FieldMatch: fieldMatch,
  VerificationResult: verificationResult,
  VerifyBatchReply: view<VerifyBatchReply>(
    'The results, in the order of the items',
    { results: list(ref('VerificationResult'), VERIFICATION_BATCH_MAX) },
    {},
  ),
  AccountView: view<AccountView>(
    'The signed-in account (additions: fullName and nip of staff)',
    {
      id: UUID,
      role: oneOf(Role),
      nik: NIK,
      username: text(64, { example: 'siti.clerk' }),
      regencyCode: REGENCY,
      fullName: NAME,
      nip: text(18, { pattern: '^[0-9]{18}$' }),
      adminScope: {
        type: 'string',
        enum: ['DEPLOYMENT', 'REGENCY'],
        description: 'ADMIN only: acts in every regency (DEPLOYMENT) or only in its own (REGENCY)',
      },
      staffNik: { ...NIK, description: 'Staff: the NIK of the person behind the account, when recorded' },
      mfaEnabled: { type: 'boolean', description: 'Staff: whether the second factor is on (added field)' },
    },
    {
      nik: true,
      username: true,
      regencyCode: true,
      fullName: true,
      nip: true,
      adminScope: true,
      staffNik: true,
      mfaEnabled: true,
    },
  ),
  SessionReply: view<SessionReply>(
    'An access token (JWT) for the Authorization header, and the refresh token that gets the next one',
    {
      accessToken: JWT,
      expiresIn: int(1, 900, { description: 'Seconds (at most 15 minutes)' }),
      role: oneOf(Role),
      refreshToken: REFRESH_TOKEN,
    },
    {},
  ),
  MfaChallengeReply: view<MfaChallengeReply>(
    'The account has a second factor: send a code with this token to POST /auth/mfa (valid a few minutes, once)',
    { mfaRequired: { type: 'boolean', enum: [true] }, mfaToken: REFRESH_TOKEN },
    {},
  ),
  LoginReply: {
    description: 'Signed in (SessionReply), or the second factor is asked for (MfaChallengeReply)',
    oneOf: [ref('SessionReply'), ref('MfaChallengeReply')],
  },
  MfaEnrolmentReply: view<MfaEnrolmentReply>(
    'A TOTP secret (RFC 6238: SHA-1, 6 digits, 30 s) to add to an authenticator app',
    {
      secret: text(64, { pattern: '^[A-Z2-7]+=*$', description: 'Base32' }),
      otpauthUri: text(500, { pattern: '^otpauth://totp/' }),
      qrCodeDataUrl: text(100_000, {
        pattern: '^data:image/svg\\+xml;base64,',
        description: 'The otpauth URI as a QR code (added field)',
      }),
      recoveryCodes: {
        ...list(text(14, { pattern: '^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$' }), 10),
        description:
          'Each works once in place of a code; shown in this answer only, valid once confirmed (added field)',
      },
    },
    {},
  ),
  StaffView: view<StaffView>(
    'A staff account as an ADMIN sees it',
    {
      id: UUID,
      username: text(64, { example: 'siti.clerk' }),
      fullName: NAME,
      nip: text(18, { pattern: '^[0-9]{18}$' }),
      role: oneOf({ CLERK: 'CLERK', OFFICIAL: 'OFFICIAL', ADMIN: 'ADMIN' }),
      regencyCode: REGENCY,
      disabled: { type: 'boolean' },
      mfaEnabled: { type: 'boolean' },
      lastLoginAt: TIMESTAMP,
      passwordChangeRequired: {
        type: 'boolean',
        description: 'After a reset, until a new password is set (added field)',
      },
    },
    { lastLoginAt: true, nip: true },
  ),
  StaffPage: page('StaffView', 'Staff accounts, by username'),
  RecoveryCodesReply: view<RecoveryCodesReply>(
    'New recovery codes; every older one (used or not) no longer works',
    {
      recoveryCodes: {
        ...list(text(14, { pattern: '^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$' }), 10),
        description: 'Each works once in place of a code; shown in this answer only',
      },
    },
    {},
  ),
  SessionView: view<SessionView>(
    'One of the caller’s open sessions (added schema): never a token or its digest',
    {
      id: UUID,
      startedAt: { ...TIMESTAMP, description: 'The sign-in that opened it' },
      lastUsedAt: { ...TIMESTAMP, description: 'The sign-in or the last refresh' },
      device: text(SESSION_DEVICE_MAX_LENGTH, {
        example: 'Chrome di Android',
        description: 'Described from the User-Agent at sign-in; absent for sessions older than this field',
      }),
      clientAddress: text(100, { example: '203.0.113.7', description: 'The address of the sign-in or last refresh' }),
      current: { type: 'boolean', description: 'The session of the access token that asked' },
    },
    { device: true, clientAddress: true },
  ),
  SessionPage: page('SessionView', 'Open sessions, most recently used first'),
  EndOtherSessionsReply: view<EndOtherSessionsReply>(
    'The other sessions have ended (added schema)',
    { ended: { ...COUNT, description: 'How many sessions ended' } },
    {},
  ),
  ResetPasswordReply: view<ResetPasswordReply>(
    'A temporary password, shown in this answer only; the account must replace it at its next sign-in',
    { temporaryPassword: text(64) },
    {},
  ),
  RegisterAccountReply: view<RegisterAccountReply>('The new account', { id: UUID, nik: NIK }, {}),
  CreateStaffReply: view<CreateStaffReply>('The new staff account', { id: UUID }, {}),
  CreateAgencyReply: view<CreateAgencyReply>(
    'The new agency; the client secret is shown in this answer only',
    { id: UUID, clientId: text(64), clientSecret: text(128) },
    {},
  ),
  AgencyView: view<AgencyView>(
    'An agency as an ADMIN sees it',
    {
      id: UUID,
      name: text(200, { example: 'BANK CONTOH TBK' }),
      clientId: text(64),
      allowedFields: list(
        oneOf(Object.fromEntries(VERIFICATION_FIELDS.map((f) => [f, f]))),
        VERIFICATION_FIELDS.length,
      ),
      requestsPerMinute: int(1, 100_000_000),
      suspended: { type: 'boolean' },
      suspendedAt: TIMESTAMP,
      createdAt: TIMESTAMP,
    },
    { suspendedAt: true },
  ),
  AgencyUsageView: view<AgencyUsageView>(
    'An agency with its use today (GET /admin/agencies)',
    {
      id: UUID,
      name: text(200, { example: 'BANK CONTOH TBK' }),
      clientId: text(64),
      allowedFields: list(
        oneOf(Object.fromEntries(VERIFICATION_FIELDS.map((f) => [f, f]))),
        VERIFICATION_FIELDS.length,
      ),
      requestsPerMinute: int(1, 100_000_000),
      suspended: { type: 'boolean' },
      suspendedAt: TIMESTAMP,
      createdAt: TIMESTAMP,
      checksToday: {
        ...COUNT,
        description:
          'NIK checks counted since local midnight in the deployment’s time zone (that of ADMIN_REGENCY_CODE, ' +
          'e.g. WIB); a batch of 1,000 counts 1,000, refused checks are not counted',
      },
    },
    { suspendedAt: true },
  ),
  AgencyPage: page('AgencyUsageView', 'A page of agencies with their use today, by name'),
  AgencyTokenReply: view<AgencyTokenReply>(
    'OAuth 2.0 access token response (RFC 6749 §5.1)',
    { access_token: JWT, token_type: { type: 'string', enum: ['Bearer'] }, expires_in: int(1, 86400) },
    {},
  ),
  DocumentView: view<DocumentView>(
    'An issued document',
    {
      id: UUID,
      kind: oneOf(DocumentKind),
      number: text(40, { example: '1602-LU-30112026-0001' }),
      status: oneOf(DocumentStatus),
      issuedAt: TIMESTAMP,
      applicationId: UUID,
      verificationUrl: text(500, { format: 'uri', example: 'https://disdukcapil.example.go.id/verifikasi/abc' }),
    },
    {},
  ),
  PublicDocumentView: view<PublicDocumentView>(
    "What anyone holding the document may check; the holder's name masked",
    {
      valid: { type: 'boolean' },
      status: oneOf(DocumentStatus),
      kind: oneOf(DocumentKind),
      number: text(40, { example: '1602-LU-30112026-0001' }),
      issuedAt: TIMESTAMP,
      issuer: text(200),
      holderName: text(200, { example: 'S**** R*****' }),
      revokedReason: text(500),
      statusChangedAt: TIMESTAMP,
    },
    { revokedReason: true, statusChangedAt: true },
  ),
  ImportRejection: view<ImportRejection>(
    'A CSV line that was not imported, with its errors',
    { line: int(2, Number.MAX_SAFE_INTEGER), errors: list(ref('FieldError'), 100) },
    {},
  ),
  ImportReport: {
    type: 'object',
    description: 'Counts of the import and the rejected lines (line 1 is the header)',
    required: ['imported', 'updated', 'rejected'],
    properties: { imported: COUNT, updated: COUNT, rejected: list(ref('ImportRejection'), 1_000_000) },
    additionalProperties: false,
  },
  RegionItem: {
    type: 'object',
    required: ['code', 'name'],
    properties: { code: text(13, { pattern: '^[0-9.]+$', example: '16.02.05' }), name: NAME },
    additionalProperties: false,
  },
  RegionPage: {
    type: 'object',
    required: ['items', 'total'],
    properties: { items: list(ref('RegionItem'), 10000), total: COUNT },
    additionalProperties: false,
  },
  ComponentHealth: {
    type: 'object',
    required: ['status'],
    properties: {
      status: oneOf(ComponentStatus),
      latencyMs: int(0, 3_600_000),
      error: text(1000),
    },
    additionalProperties: false,
  },
  HealthReport: {
    type: 'object',
    description: '`checks` and `down` only for staff (a staff access token) and on the internal port',
    required: ['status'],
    properties: {
      status: oneOf(ComponentStatus),
      checks: { type: 'object', maxProperties: 50, additionalProperties: ref('ComponentHealth') },
      down: list(text(50), 50),
    },
    additionalProperties: false,
  },
} satisfies Record<string, SchemaObject>;

export type ViewName = keyof typeof VIEWS | 'ApplicationView';

export function viewRef(name: ViewName): SchemaObject {
  return ref(name);
}

/** Every response schema, for `components.schemas`. */
export function viewComponents(): Record<string, SchemaObject> {
  const types = Object.values(ApplicationType);
  return {
    ...VIEWS,
    ...detailsSchemas(),
    ApplicationView: {
      description: 'API.md "Application": `details` follow `type`',
      oneOf: types.map((type) => ref(applicationViewName(type))),
      discriminator: {
        propertyName: 'type',
        mapping: Object.fromEntries(types.map((type) => [type, `${SCHEMA_REF_PREFIX}${applicationViewName(type)}`])),
      },
    },
  };
}
