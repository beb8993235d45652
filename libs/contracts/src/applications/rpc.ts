import { HealthCheckRequest, type HealthReply } from '../common/health.messages.js';
import { defineRpc } from '../common/rpc.js';
import {
  ApplicationActionRequest,
  GetApplicationRequest,
  ListApplicationsRequest,
  ReasonedActionRequest,
  ResubmitApplicationRequest,
  SubmitApplicationRequest,
  VerifyApplicationRequest,
} from './application.messages.js';
import type { ApplicationPage, ApplicationView, StoredAttachmentView } from './application.views.js';
import {
  AttachmentUploadChunkRequest,
  FinishAttachmentUploadRequest,
  GetAttachmentRequest,
  ReadAttachmentRequest,
  StartAttachmentUploadRequest,
  type ReadAttachmentReply,
  type StartAttachmentUploadReply,
} from './attachment.messages.js';
import { ApplicationsPatterns as P } from './patterns.js';

/** How many bytes of an upload the service holds so far. */
export interface AttachmentUploadChunkReply {
  received: number;
}

/** Every request/reply subject of the applications service, with its request class and reply type. */
export const ApplicationsRpc = {
  HEALTH_CHECK: defineRpc(P.HEALTH_CHECK, HealthCheckRequest).returns<HealthReply>(),

  APPLICATION_SUBMIT: defineRpc(P.APPLICATION_SUBMIT, SubmitApplicationRequest).returns<ApplicationView>(),
  APPLICATION_RESUBMIT: defineRpc(P.APPLICATION_RESUBMIT, ResubmitApplicationRequest).returns<ApplicationView>(),
  APPLICATION_CANCEL: defineRpc(P.APPLICATION_CANCEL, ApplicationActionRequest).returns<ApplicationView>(),
  APPLICATION_VERIFY: defineRpc(P.APPLICATION_VERIFY, VerifyApplicationRequest).returns<ApplicationView>(),
  APPLICATION_RETURN: defineRpc(P.APPLICATION_RETURN, ReasonedActionRequest).returns<ApplicationView>(),
  APPLICATION_REJECT: defineRpc(P.APPLICATION_REJECT, ReasonedActionRequest).returns<ApplicationView>(),
  APPLICATION_APPROVE: defineRpc(P.APPLICATION_APPROVE, ApplicationActionRequest).returns<ApplicationView>(),
  APPLICATION_GET: defineRpc(P.APPLICATION_GET, GetApplicationRequest).returns<ApplicationView>(),
  APPLICATION_LIST: defineRpc(P.APPLICATION_LIST, ListApplicationsRequest).returns<ApplicationPage>(),

  ATTACHMENT_UPLOAD_START: defineRpc(
    P.ATTACHMENT_UPLOAD_START,
    StartAttachmentUploadRequest,
  ).returns<StartAttachmentUploadReply>(),
  ATTACHMENT_UPLOAD_CHUNK: defineRpc(
    P.ATTACHMENT_UPLOAD_CHUNK,
    AttachmentUploadChunkRequest,
  ).returns<AttachmentUploadChunkReply>(),
  ATTACHMENT_UPLOAD_FINISH: defineRpc(
    P.ATTACHMENT_UPLOAD_FINISH,
    FinishAttachmentUploadRequest,
  ).returns<StoredAttachmentView>(),
  ATTACHMENT_GET: defineRpc(P.ATTACHMENT_GET, GetAttachmentRequest).returns<StoredAttachmentView>(),
  ATTACHMENT_READ: defineRpc(P.ATTACHMENT_READ, ReadAttachmentRequest).returns<ReadAttachmentReply>(),
} as const;
