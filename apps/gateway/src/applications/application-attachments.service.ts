import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  ATTACHMENT_CHUNK_BYTES,
  ATTACHMENT_MAX_BYTES,
  type Principal,
  type StoredAttachmentView,
  ApplicationsRpc,
} from '#lib/contracts';
import { RpcClient } from '#lib/platform/rpc';
import { AttachmentKind, DomainError, type FieldError } from '#lib/domain';
import { addToIdempotencyFingerprint } from '../http/idempotency.js';

export interface DownloadedAttachment {
  content: Buffer;
  view: StoredAttachmentView;
}

interface ReceivedFile {
  kind?: string;
  fileName?: string;
  content?: Buffer;
  tooLarge: boolean;
}

const KINDS: readonly string[] = Object.values(AttachmentKind);

function isAttachmentKind(value: string | undefined): value is AttachmentKind {
  return value !== undefined && KINDS.includes(value);
}

/**
 * Evidence through the gateway: the multipart form is read (the file at most 5 MB, held in
 * memory), the service checks owner and status first, then the bytes go over NATS in chunks
 * that fit a message; the service judges the type by content and keeps the file. Downloads come
 * back the same way and are checked against the stored SHA-256 before they are sent.
 */
@Injectable()
export class ApplicationAttachmentsService {
  constructor(private readonly services: RpcClient) {}

  async upload(request: FastifyRequest, principal: Principal, applicationId: string): Promise<StoredAttachmentView> {
    const received = await readForm(request);
    const errors: FieldError[] = [];
    const kind = received.kind;
    if (!isAttachmentKind(kind)) {
      errors.push({ field: 'kind', message: `harus salah satu dari: ${KINDS.join(', ')}` });
    }
    if (received.content === undefined) errors.push({ field: 'file', message: 'berkas wajib dilampirkan' });
    if (errors.length > 0 || !isAttachmentKind(kind)) {
      throw new DomainError('VALIDATION.FAILED', 'Data yang dikirim tidak valid', { errors });
    }
    const digest = createHash('sha256')
      .update(received.content ?? '')
      .digest('hex');
    addToIdempotencyFingerprint(kind, received.fileName ?? '', digest);
    const session = await this.services.call(ApplicationsRpc.ATTACHMENT_UPLOAD_START, {
      principal,
      applicationId,
      kind,
      fileName: received.fileName ?? 'lampiran',
    });
    if (received.tooLarge) {
      throw new DomainError('REQUEST.TOO_LARGE', `Ukuran berkas melebihi ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`);
    }
    const content = received.content as Buffer;
    const chunkBytes = Math.min(session.chunkBytes, ATTACHMENT_CHUNK_BYTES);
    let seq = 0;
    for (let offset = 0; offset === 0 || offset < content.length; offset += chunkBytes) {
      const part = content.subarray(offset, offset + chunkBytes);
      if (part.length === 0) break;
      await this.services.call(ApplicationsRpc.ATTACHMENT_UPLOAD_CHUNK, {
        principal,
        uploadId: session.uploadId,
        seq: seq++,
        data: part.toString('base64'),
      });
    }
    if (content.length === 0) {
      throw new DomainError(
        'REQUEST.UNSUPPORTED_MEDIA_TYPE',
        'Jenis berkas tidak didukung: hanya PDF, JPEG atau PNG (dinilai dari isi berkas)',
      );
    }
    return this.services.call(ApplicationsRpc.ATTACHMENT_UPLOAD_FINISH, {
      principal,
      uploadId: session.uploadId,
      size: content.length,
      sha256: digest,
    });
  }

  async download(principal: Principal, applicationId: string, attachmentId: string): Promise<DownloadedAttachment> {
    const view = await this.services.call(ApplicationsRpc.ATTACHMENT_GET, {
      principal,
      applicationId,
      attachmentId,
    });
    const parts: Buffer[] = [];
    let offset = 0;
    while (offset < view.size) {
      const reply = await this.services.call(ApplicationsRpc.ATTACHMENT_READ, {
        principal,
        applicationId,
        attachmentId,
        offset,
        length: ATTACHMENT_CHUNK_BYTES,
      });
      const bytes = Buffer.from(reply.data, 'base64');
      if (bytes.length === 0) break;
      parts.push(bytes);
      offset += bytes.length;
    }
    const content = Buffer.concat(parts);
    if (content.length !== view.size || createHash('sha256').update(content).digest('hex') !== view.sha256) {
      throw new DomainError('SERVICE.UNAVAILABLE', 'Lampiran tidak terbaca utuh; silakan coba lagi', {
        details: { service: 'applications' },
      });
    }
    return { content, view };
  }
}

/** Reads `kind` and `file` in whatever order they come; a file over the limit is only flagged. */
async function readForm(request: FastifyRequest): Promise<ReceivedFile> {
  if (!request.isMultipart()) {
    throw new DomainError('REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Kirim lampiran sebagai multipart/form-data');
  }
  const received: ReceivedFile = { tooLarge: false };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || received.content !== undefined) {
          part.file.resume();
          throw new DomainError('VALIDATION.FAILED', 'Data yang dikirim tidak valid', {
            errors: [{ field: part.fieldname, message: 'kirim tepat satu berkas, pada kolom "file"' }],
          });
        }
        const chunks: Buffer[] = [];
        for await (const chunk of part.file) chunks.push(chunk as Buffer);
        received.content = Buffer.concat(chunks);
        received.fileName = part.filename;
        received.tooLarge = part.file.truncated;
      } else if (part.fieldname === 'kind') {
        received.kind = String(part.value);
      } else {
        throw new DomainError('VALIDATION.FAILED', 'Data yang dikirim tidak valid', {
          errors: [{ field: part.fieldname, message: 'tidak dikenal dan tidak boleh dikirim' }],
        });
      }
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (/LIMIT|TOO_LARGE/i.test(code)) throw new DomainError('REQUEST.TOO_LARGE', 'Formulir unggahan terlalu besar');
    throw new DomainError('REQUEST.MALFORMED', 'Formulir multipart tidak dapat dibaca');
  }
  return received;
}
