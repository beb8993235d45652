import { Type } from 'class-transformer';
import { IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import type { DocumentKind, DocumentStatus } from '#lib/domain';
import { IsNotBlank, IsReadableText } from '#lib/validation';
import { Principal } from '../identity/principal.js';

/** `documents.document.get` (API.md `GET /documents/{id}`): the family's members and staff of its regency. */
export class GetDocumentRequest {
  @ValidateNested()
  @Type(() => Principal)
  principal: Principal;

  @IsUUID()
  id: string;
}

/** Largest part of a PDF sent in one NATS message (NATS's default payload limit is 1 MB). */
export const DOCUMENT_FILE_CHUNK_BYTES = 512 * 1024;

/** `documents.document-file.read`: one part of the signed PDF, same access rules as the document. */
export class ReadDocumentFileRequest {
  @ValidateNested()
  @Type(() => Principal)
  principal: Principal;

  @IsUUID()
  id: string;

  @IsInt()
  @Min(0)
  offset: number;

  @IsInt()
  @Min(1)
  @Max(DOCUMENT_FILE_CHUNK_BYTES)
  length: number;
}

export interface DocumentFileChunk {
  /** Base64 of the bytes from `offset`. */
  data: string;
  size: number;
  sha256: string;
  fileName: string;
}

/** `documents.document.revoke` (`POST /admin/documents/{id}/revoke`): ADMIN, with a reason. */
export class RevokeDocumentRequest {
  @ValidateNested()
  @Type(() => Principal)
  principal: Principal;

  @IsUUID()
  id: string;

  /** Shown to anyone who checks the document's QR code: no hidden characters (docs/security.md). */
  @IsString()
  @IsNotBlank({ message: 'alasan pencabutan wajib diisi' })
  @MaxLength(500)
  @IsReadableText({ multiline: true })
  reason: string;
}

/** `documents.public.verify` (`GET /public/documents/{token}`): anyone holding the QR code. */
export class VerifyDocumentRequest {
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{16,64}$/, { message: 'bukan kode verifikasi dokumen' })
  token: string;
}

/** API.md Document. */
export interface DocumentView {
  id: string;
  kind: DocumentKind;
  number: string;
  status: DocumentStatus;
  issuedAt: string;
  applicationId: string;
  verificationUrl: string;
}

/** API.md public verification: nothing beyond what the paper itself shows, the name masked. */
export interface PublicDocumentView {
  valid: boolean;
  status: DocumentStatus;
  kind: DocumentKind;
  number: string;
  issuedAt: string;
  issuer: string;
  holderName: string;
  /** Extra: when and why a revoked document was revoked, when a superseded one was replaced. */
  revokedReason?: string;
  statusChangedAt?: string;
}
