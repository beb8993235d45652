import { Type } from 'class-transformer';
import {
  IsBase64,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { AttachmentKind } from '#lib/domain';
import { Principal } from '../identity/principal.js';

/** Evidence files: PDF, JPEG or PNG, at most 5 MB (API.md). */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
/** Raw bytes per NATS message; base64 makes them 4/3 larger, well under NATS's 1 MB. */
export const ATTACHMENT_CHUNK_BYTES = 384 * 1024;
const CHUNK_BASE64_MAX = Math.ceil(ATTACHMENT_CHUNK_BYTES / 3) * 4;

/** `applications.attachment-upload.start`: checks owner and status, opens an upload session. */
export class StartAttachmentUploadRequest {
  @ValidateNested()
  @Type(() => Principal)
  principal: Principal;

  @IsUUID()
  applicationId: string;

  @IsIn(Object.values(AttachmentKind))
  kind: AttachmentKind;

  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  fileName: string;
}

export interface StartAttachmentUploadReply {
  uploadId: string;
  chunkBytes: number;
}

/** `applications.attachment-upload.chunk`: chunk `seq` (0, 1, …); a repeated chunk is acknowledged again. */
export class AttachmentUploadChunkRequest {
  @ValidateNested()
  @Type(() => Principal)
  principal: Principal;

  @IsUUID()
  uploadId: string;

  @IsInt()
  @Min(0)
  @Max(Math.ceil(ATTACHMENT_MAX_BYTES / ATTACHMENT_CHUNK_BYTES))
  seq: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(CHUNK_BASE64_MAX)
  @IsBase64()
  data: string;
}

/**
 * `applications.attachment-upload.finish`: joins the chunks, judges the type by content, stores
 * the file. `size` and `sha256` are what the sender counted: a lost chunk is caught here.
 */
export class FinishAttachmentUploadRequest {
  @ValidateNested()
  @Type(() => Principal)
  principal: Principal;

  @IsUUID()
  uploadId: string;

  @IsInt()
  @Min(0)
  size: number;

  @Matches(/^[0-9a-f]{64}$/)
  sha256: string;
}

/** `applications.attachment.get`: an attachment's facts, to owner and staff of the regency. */
export class GetAttachmentRequest {
  @ValidateNested()
  @Type(() => Principal)
  principal: Principal;

  @IsUUID()
  applicationId: string;

  @IsUUID()
  attachmentId: string;
}

/** `applications.attachment.read`: a slice of the bytes, base64. */
export class ReadAttachmentRequest extends GetAttachmentRequest {
  @IsInt()
  @Min(0)
  offset: number;

  @IsInt()
  @Min(1)
  @Max(ATTACHMENT_CHUNK_BYTES)
  length: number;
}

export interface ReadAttachmentReply {
  data: string;
}
