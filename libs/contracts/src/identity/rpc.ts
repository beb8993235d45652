import { HealthCheckRequest, type HealthReply } from '../common/health.messages.js';
import { defineRpc } from '../common/rpc.js';
import {
  CreateStaffRequest,
  GetAccountRequest,
  LoginRequest,
  RegisterAccountRequest,
  type AccountView,
  type CreateStaffReply,
  type RegisterAccountReply,
} from './account.messages.js';
import {
  ChangePasswordRequest,
  CompleteMfaLoginRequest,
  ConfirmMfaRequest,
  EndOtherSessionsRequest,
  EndSessionRequest,
  ListSessionsRequest,
  ListStaffRequest,
  LogoutRequest,
  RefreshSessionRequest,
  SessionStateRequest,
  StaffAccountRequest,
  StartMfaEnrolmentRequest,
  type LoginReply,
  type MfaEnrolmentReply,
  type EndOtherSessionsReply,
  type ResetPasswordReply,
  type SessionView,
  type RecoveryCodesReply,
  type SessionReply,
  type SessionStateReply,
  type StaffView,
} from './session.messages.js';
import {
  ChangeAgencyStatusRequest,
  CreateAgencyRequest,
  IssueAgencyTokenRequest,
  ListAgenciesRequest,
  type AgencyTokenReply,
  type AgencyUsageView,
  type AgencyView,
  type CreateAgencyReply,
} from './agency.messages.js';
import {
  FinishImportRequest,
  ImportChunkRequest,
  ListImportRejectionsRequest,
  StartImportRequest,
  type FinishImportReply,
  type ImportChunkReply,
  type ListImportRejectionsReply,
  type StartImportReply,
} from './import.messages.js';
import { IdentityPatterns as P } from './patterns.js';
import {
  FindFamilyByMemberRequest,
  GetFamilyRequest,
  GetPersonsRequest,
  ListAccessLogRequest,
  ReadFamilyRequest,
  RecordStaffReadRequest,
  type RecordStaffReadReply,
  ReadOwnFamilyRequest,
  ReadResidentRequest,
} from './registry.messages.js';
import type { AccessLogItem, FamilyView, Page, PersonRecord, PersonView } from './registry.views.js';
import {
  VerifyBatchRequest,
  VerifyManyRequest,
  VerifyRequest,
  type VerificationResult,
  type VerifyBatchReply,
  type VerifyManyReply,
} from './verification.messages.js';

/** People by NIK, for the other services; unknown NIKs are missing. */
export interface PersonsReply {
  items: PersonRecord[];
}

/** Every request/reply subject of the identity service, with its request class and reply type. */
export const IdentityRpc = {
  HEALTH_CHECK: defineRpc(P.HEALTH_CHECK, HealthCheckRequest).returns<HealthReply>(),

  ACCOUNT_REGISTER: defineRpc(P.ACCOUNT_REGISTER, RegisterAccountRequest).returns<RegisterAccountReply>(),
  ACCOUNT_LOGIN: defineRpc(P.ACCOUNT_LOGIN, LoginRequest).returns<LoginReply>(),
  ACCOUNT_GET: defineRpc(P.ACCOUNT_GET, GetAccountRequest).returns<AccountView>(),
  STAFF_CREATE: defineRpc(P.STAFF_CREATE, CreateStaffRequest).returns<CreateStaffReply>(),
  SESSION_REFRESH: defineRpc(P.SESSION_REFRESH, RefreshSessionRequest).returns<SessionReply>(),
  SESSION_REVOKE: defineRpc(P.SESSION_REVOKE, LogoutRequest).returns<void>(),
  SESSION_STATE: defineRpc(P.SESSION_STATE, SessionStateRequest).returns<SessionStateReply>(),
  SESSION_LIST: defineRpc(P.SESSION_LIST, ListSessionsRequest).returns<Page<SessionView>>(),
  SESSION_END: defineRpc(P.SESSION_END, EndSessionRequest).returns<void>(),
  SESSION_END_OTHERS: defineRpc(P.SESSION_END_OTHERS, EndOtherSessionsRequest).returns<EndOtherSessionsReply>(),
  ACCOUNT_CHANGE_PASSWORD: defineRpc(P.ACCOUNT_CHANGE_PASSWORD, ChangePasswordRequest).returns<void>(),
  MFA_START: defineRpc(P.MFA_START, StartMfaEnrolmentRequest).returns<MfaEnrolmentReply>(),
  MFA_CONFIRM: defineRpc(P.MFA_CONFIRM, ConfirmMfaRequest).returns<void>(),
  MFA_VERIFY: defineRpc(P.MFA_VERIFY, CompleteMfaLoginRequest).returns<SessionReply>(),
  MFA_RECOVERY_CODES: defineRpc(P.MFA_RECOVERY_CODES, ConfirmMfaRequest).returns<RecoveryCodesReply>(),
  STAFF_LIST: defineRpc(P.STAFF_LIST, ListStaffRequest).returns<Page<StaffView>>(),
  STAFF_DISABLE: defineRpc(P.STAFF_DISABLE, StaffAccountRequest).returns<StaffView>(),
  STAFF_ENABLE: defineRpc(P.STAFF_ENABLE, StaffAccountRequest).returns<StaffView>(),
  STAFF_RESET_PASSWORD: defineRpc(P.STAFF_RESET_PASSWORD, StaffAccountRequest).returns<ResetPasswordReply>(),
  STAFF_RESET_MFA: defineRpc(P.STAFF_RESET_MFA, StaffAccountRequest).returns<StaffView>(),
  AGENCY_CREATE: defineRpc(P.AGENCY_CREATE, CreateAgencyRequest).returns<CreateAgencyReply>(),
  AGENCY_SUSPEND: defineRpc(P.AGENCY_SUSPEND, ChangeAgencyStatusRequest).returns<AgencyView>(),
  AGENCY_RESUME: defineRpc(P.AGENCY_RESUME, ChangeAgencyStatusRequest).returns<AgencyView>(),
  AGENCY_LIST: defineRpc(P.AGENCY_LIST, ListAgenciesRequest).returns<Page<AgencyUsageView>>(),
  AGENCY_TOKEN: defineRpc(P.AGENCY_TOKEN, IssueAgencyTokenRequest).returns<AgencyTokenReply>(),

  VERIFICATION_VERIFY: defineRpc(P.VERIFICATION_VERIFY, VerifyRequest).returns<VerificationResult>(),
  VERIFICATION_VERIFY_BATCH: defineRpc(P.VERIFICATION_VERIFY_BATCH, VerifyBatchRequest).returns<VerifyBatchReply>(),
  VERIFICATION_VERIFY_MANY: defineRpc(P.VERIFICATION_VERIFY_MANY, VerifyManyRequest).returns<VerifyManyReply>(),

  RESIDENT_READ: defineRpc(P.RESIDENT_READ, ReadResidentRequest).returns<PersonView>(),
  FAMILY_READ: defineRpc(P.FAMILY_READ, ReadFamilyRequest).returns<FamilyView>(),
  FAMILY_READ_OWN: defineRpc(P.FAMILY_READ_OWN, ReadOwnFamilyRequest).returns<FamilyView>(),
  ACCESS_LOG_LIST: defineRpc(P.ACCESS_LOG_LIST, ListAccessLogRequest).returns<Page<AccessLogItem>>(),
  ACCESS_LOG_RECORD_STAFF_READ: defineRpc(
    P.ACCESS_LOG_RECORD_STAFF_READ,
    RecordStaffReadRequest,
  ).returns<RecordStaffReadReply>(),

  IMPORT_START: defineRpc(P.IMPORT_START, StartImportRequest).returns<StartImportReply>(),
  IMPORT_CHUNK: defineRpc(P.IMPORT_CHUNK, ImportChunkRequest).returns<ImportChunkReply>(),
  IMPORT_FINISH: defineRpc(P.IMPORT_FINISH, FinishImportRequest).returns<FinishImportReply>(),
  IMPORT_REJECTION_LIST: defineRpc(
    P.IMPORT_REJECTION_LIST,
    ListImportRejectionsRequest,
  ).returns<ListImportRejectionsReply>(),

  PERSONS_GET: defineRpc(P.PERSONS_GET, GetPersonsRequest).returns<PersonsReply>(),
  FAMILY_GET: defineRpc(P.FAMILY_GET, GetFamilyRequest).returns<FamilyView>(),
  FAMILY_FIND_BY_MEMBER: defineRpc(P.FAMILY_FIND_BY_MEMBER, FindFamilyByMemberRequest).returns<FamilyView>(),
} as const;
