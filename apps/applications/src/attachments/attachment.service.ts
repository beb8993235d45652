import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  ATTACHMENT_CHUNK_BYTES,
  ATTACHMENT_MAX_BYTES,
  type AttachmentUploadChunkRequest,
  type FinishAttachmentUploadRequest,
  type GetAttachmentRequest,
  type Principal,
  type ReadAttachmentReply,
  type ReadAttachmentRequest,
  type StartAttachmentUploadReply,
  type StartAttachmentUploadRequest,
  type StoredAttachmentView,
} from '#lib/contracts';
import { ApplicationStatus, DomainError, Role, storedFileName } from '#lib/domain';
import { actionsFor, maySee } from '../applications/application-access.js';
import { applicationNotFound } from '../applications/application-actor.js';
import type { ApplicationEntity } from '../applications/application.entity.js';
import { ApplicationRepository } from '../applications/application.repository.js';
import { toAttachmentView } from '../applications/application.mapper.js';
import { AttachmentEntity } from './attachment.entity.js';
import { AttachmentRepository } from './attachment.repository.js';
import { sniffContentType, SNIFF_BYTES } from './content-type.js';
import { judgeImage, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE } from './image-dimensions.js';

/** While an application may still change, its owner may add evidence. */
const OPEN_FOR_EVIDENCE: readonly string[] = [ApplicationStatus.SUBMITTED, ApplicationStatus.REVISION_REQUESTED];
const STALE_UPLOAD_MINUTES = 60;

/**
 * Evidence files (API.md): uploaded by the owner in chunks through any replica, judged by
 * content, limited to 5 MB (an image also to 10,000 px a side and 40 MP, read from its header),
 * stored under a name with the extension of its content and no markup, stored in PostgreSQL with their SHA-256, read back byte for byte by
 * the owner and the staff of the regency.
 */
@Injectable()
export class AttachmentService {
  constructor(
    private readonly attachments: AttachmentRepository,
    private readonly applications: ApplicationRepository,
  ) {}

  async startUpload(request: StartAttachmentUploadRequest): Promise<StartAttachmentUploadReply> {
    const { principal } = request;
    const application = await this.ownApplication(principal, request.applicationId);
    assertOpenForEvidence(principal, application);
    const uploadId = randomUUID();
    await this.attachments.startUpload({
      id: uploadId,
      applicationId: application.id,
      accountId: principal.accountId,
      kind: request.kind,
      fileName: cleanFileName(request.fileName),
    });
    await this.attachments.deleteStaleUploads(STALE_UPLOAD_MINUTES);
    return { uploadId, chunkBytes: ATTACHMENT_CHUNK_BYTES };
  }

  async putChunk({ principal, uploadId, seq, data }: AttachmentUploadChunkRequest): Promise<{ received: number }> {
    const session = await this.attachments.findUpload(uploadId);
    if (session === undefined || session.accountId !== principal.accountId) throw uploadNotFound();
    const bytes = Buffer.from(data, 'base64');
    if (seq === 0 && sniffContentType(bytes.subarray(0, SNIFF_BYTES)) === undefined) throw unsupportedType();
    if (seq * ATTACHMENT_CHUNK_BYTES + bytes.length > ATTACHMENT_MAX_BYTES) throw tooLarge();
    await this.attachments.putChunk(uploadId, seq, bytes);
    const received = await this.attachments.uploadedBytes(uploadId);
    if (received > ATTACHMENT_MAX_BYTES) throw tooLarge();
    return { received };
  }

  async finishUpload({
    principal,
    uploadId,
    size,
    sha256,
  }: FinishAttachmentUploadRequest): Promise<StoredAttachmentView> {
    if (size > ATTACHMENT_MAX_BYTES) throw tooLarge();
    const stored = await this.attachments.transaction(async (tx) => {
      const session = await tx.findUpload(uploadId);
      if (session === undefined || session.accountId !== principal.accountId) throw uploadNotFound();
      const { data, complete } = await tx.chunks(uploadId);
      const digest = createHash('sha256').update(data).digest('hex');
      if (!complete || data.length !== size || digest !== sha256) {
        throw new DomainError('REQUEST.MALFORMED', 'Berkas tidak diterima utuh; silakan unggah ulang');
      }
      if (data.length > ATTACHMENT_MAX_BYTES) throw tooLarge();
      const contentType = sniffContentType(data.subarray(0, SNIFF_BYTES));
      if (contentType === undefined) throw unsupportedType();
      // An image is judged by the size it declares, before anyone's browser tries to draw it.
      const image = judgeImage(contentType, data);
      if (image?.ok === false) throw image.reason === 'too-large' ? imageTooLarge() : unsupportedType();
      // The application may have moved on while the bytes travelled: decide under its lock.
      const application = await tx.lockApplication(session.applicationId);
      if (application === null || !maySee(principal, application)) throw applicationNotFound();
      assertOpenForEvidence(principal, application);
      const attachment = Object.assign(new AttachmentEntity(), {
        id: randomUUID(),
        applicationId: application.id,
        kind: session.kind,
        // The name takes the extension of what the content is, and loses any markup.
        fileName: storedFileName(session.fileName, contentType),
        contentType,
        size: data.length,
        sha256: digest,
        uploadedBy: principal.accountId,
        createdAt: new Date(),
      });
      await tx.insert(attachment, data);
      await tx.deleteUpload(uploadId);
      return attachment;
    });
    return { ...toAttachmentView(stored), sha256: stored.sha256 };
  }

  async get({ principal, applicationId, attachmentId }: GetAttachmentRequest): Promise<StoredAttachmentView> {
    const attachment = await this.visibleAttachment(principal, applicationId, attachmentId);
    return { ...toAttachmentView(attachment), sha256: attachment.sha256 };
  }

  async read({
    principal,
    applicationId,
    attachmentId,
    offset,
    length,
  }: ReadAttachmentRequest): Promise<ReadAttachmentReply> {
    const attachment = await this.visibleAttachment(principal, applicationId, attachmentId);
    if (offset >= attachment.size) return { data: '' };
    const part = await this.attachments.slice(attachment.id, offset, Math.min(length, attachment.size - offset));
    return { data: part.toString('base64') };
  }

  private async visibleAttachment(principal: Principal, applicationId: string, attachmentId: string) {
    const application = await this.applications.findById(applicationId);
    if (application === null || !maySee(principal, application)) throw applicationNotFound();
    const attachment = await this.attachments.find(applicationId, attachmentId);
    if (attachment === null) throw new DomainError('ATTACHMENT.NOT_FOUND', 'Lampiran tidak ditemukan');
    return attachment;
  }

  /** Only the resident who applied adds evidence; anyone else is told there is no such application. */
  private async ownApplication(principal: Principal, applicationId: string): Promise<ApplicationEntity> {
    if (principal.role !== Role.RESIDENT) {
      throw new DomainError('APPLICATION.ROLE_NOT_ALLOWED', 'Hanya pemohon yang dapat mengunggah lampiran');
    }
    const application = await this.applications.findById(applicationId);
    if (application === null || !maySee(principal, application)) throw applicationNotFound();
    return application;
  }
}

function assertOpenForEvidence(principal: Principal, application: ApplicationEntity): void {
  if (!OPEN_FOR_EVIDENCE.includes(application.status)) {
    const status = application.status;
    throw new DomainError(
      'APPLICATION.INVALID_TRANSITION',
      'Lampiran hanya dapat ditambahkan selama permohonan berstatus SUBMITTED atau REVISION_REQUESTED',
      { details: { status, action: 'attach', allowedActions: actionsFor(principal, { ...application, status }) } },
    );
  }
}

/** The name as shown to staff: no folders, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .filter((char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(0, 255);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'lampiran' : cleaned;
}

function uploadNotFound(): DomainError {
  return new DomainError('ATTACHMENT.NOT_FOUND', 'Sesi unggah tidak ditemukan');
}

function tooLarge(): DomainError {
  return new DomainError('REQUEST.TOO_LARGE', `Ukuran berkas melebihi ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`);
}

function imageTooLarge(): DomainError {
  return new DomainError(
    'REQUEST.TOO_LARGE',
    `Ukuran gambar melebihi batas: paling besar ${MAX_IMAGE_SIDE.toLocaleString('id-ID')} piksel per sisi dan ${MAX_IMAGE_PIXELS / 1_000_000} megapiksel`,
  );
}

function unsupportedType(): DomainError {
  return new DomainError(
    'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    'Jenis berkas tidak didukung: hanya PDF, JPEG atau PNG (dinilai dari isi berkas)',
  );
}
