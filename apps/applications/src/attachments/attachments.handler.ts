import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AttachmentUploadChunkRequest,
  FinishAttachmentUploadRequest,
  GetAttachmentRequest,
  ReadAttachmentRequest,
  StartAttachmentUploadRequest,
  type ReadAttachmentReply,
  type StartAttachmentUploadReply,
  type StoredAttachmentView,
  ApplicationsRpc,
} from '#lib/contracts';
import { RpcHandler } from '#lib/platform/rpc';
import { Idempotent } from '#lib/platform/idempotency';
import { attachmentCreated } from '../idempotency/idempotent-recovery.js';
import { ApplicationQueryService } from '../applications/application-query.service.js';
import { StaffReadAudit } from '../registry/staff-read-audit.js';
import { AttachmentService } from './attachment.service.js';

/** Thin NATS adapter for evidence files. */
@Controller()
export class AttachmentsHandler {
  constructor(
    private readonly attachments: AttachmentService,
    private readonly queries: ApplicationQueryService,
    private readonly audit: StaffReadAudit,
  ) {}

  @RpcHandler(ApplicationsRpc.ATTACHMENT_UPLOAD_START)
  start(@Payload() request: StartAttachmentUploadRequest): Promise<StartAttachmentUploadReply> {
    return this.attachments.startUpload(request);
  }

  @RpcHandler(ApplicationsRpc.ATTACHMENT_UPLOAD_CHUNK)
  chunk(@Payload() request: AttachmentUploadChunkRequest): Promise<{ received: number }> {
    return this.attachments.putChunk(request);
  }

  @RpcHandler(ApplicationsRpc.ATTACHMENT_UPLOAD_FINISH)
  @Idempotent({ atomic: true, recover: attachmentCreated })
  finish(@Payload() request: FinishAttachmentUploadRequest): Promise<StoredAttachmentView> {
    return this.attachments.finishUpload(request);
  }

  @RpcHandler(ApplicationsRpc.ATTACHMENT_GET)
  async get(@Payload() request: GetAttachmentRequest): Promise<StoredAttachmentView> {
    const attachment = await this.attachments.get(request);
    // A download starts here (then reads in chunks): a staff read is logged once, up front.
    const application = await this.queries.view(request.applicationId, request.principal);
    await this.audit.applicationRead(
      request.principal,
      application,
      'GET /applications/{id}/attachments/{attachmentId}',
    );
    return attachment;
  }

  @RpcHandler(ApplicationsRpc.ATTACHMENT_READ)
  read(@Payload() request: ReadAttachmentRequest): Promise<ReadAttachmentReply> {
    return this.attachments.read(request);
  }
}
