import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ApplicationsPatterns,
  AttachmentUploadChunkRequest,
  FinishAttachmentUploadRequest,
  GetAttachmentRequest,
  ReadAttachmentRequest,
  StartAttachmentUploadRequest,
  type ReadAttachmentReply,
  type StartAttachmentUploadReply,
  type StoredAttachmentView,
} from '#lib/contracts';
import { Idempotent } from '#lib/platform/idempotency';
import { attachmentCreated } from '../idempotency/idempotent-recovery.js';
import { AttachmentService } from './attachment.service.js';

/** Thin NATS adapter for evidence files. */
@Controller()
export class AttachmentsHandler {
  constructor(private readonly attachments: AttachmentService) {}

  @MessagePattern(ApplicationsPatterns.ATTACHMENT_UPLOAD_START)
  start(@Payload() request: StartAttachmentUploadRequest): Promise<StartAttachmentUploadReply> {
    return this.attachments.startUpload(request);
  }

  @MessagePattern(ApplicationsPatterns.ATTACHMENT_UPLOAD_CHUNK)
  chunk(@Payload() request: AttachmentUploadChunkRequest): Promise<{ received: number }> {
    return this.attachments.putChunk(request);
  }

  @MessagePattern(ApplicationsPatterns.ATTACHMENT_UPLOAD_FINISH)
  @Idempotent({ atomic: true, recover: attachmentCreated })
  finish(@Payload() request: FinishAttachmentUploadRequest): Promise<StoredAttachmentView> {
    return this.attachments.finishUpload(request);
  }

  @MessagePattern(ApplicationsPatterns.ATTACHMENT_GET)
  get(@Payload() request: GetAttachmentRequest): Promise<StoredAttachmentView> {
    return this.attachments.get(request);
  }

  @MessagePattern(ApplicationsPatterns.ATTACHMENT_READ)
  read(@Payload() request: ReadAttachmentRequest): Promise<ReadAttachmentReply> {
    return this.attachments.read(request);
  }
}
