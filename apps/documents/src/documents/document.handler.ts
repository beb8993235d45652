import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DocumentsPatterns,
  GetDocumentRequest,
  ReadDocumentFileRequest,
  RevokeDocumentRequest,
  VerifyDocumentRequest,
  type DocumentFileChunk,
  type DocumentView,
  type PublicDocumentView,
} from '#lib/contracts';
import { DocumentAccessService } from './document-access.service.js';

/** NATS adapter of the document reads, the revocation and the public check. */
@Controller()
export class DocumentHandler {
  constructor(private readonly documents: DocumentAccessService) {}

  @MessagePattern(DocumentsPatterns.DOCUMENT_GET)
  get(@Payload() request: GetDocumentRequest): Promise<DocumentView> {
    return this.documents.get(request.principal, request.id);
  }

  @MessagePattern(DocumentsPatterns.DOCUMENT_FILE_READ)
  readFile(@Payload() request: ReadDocumentFileRequest): Promise<DocumentFileChunk> {
    return this.documents.readFile(request.principal, request.id, request.offset, request.length);
  }

  @MessagePattern(DocumentsPatterns.DOCUMENT_REVOKE)
  revoke(@Payload() request: RevokeDocumentRequest): Promise<DocumentView> {
    return this.documents.revoke(request.principal, request.id, request.reason);
  }

  @MessagePattern(DocumentsPatterns.PUBLIC_VERIFY)
  verify(@Payload() request: VerifyDocumentRequest): Promise<PublicDocumentView> {
    return this.documents.verifyPublic(request.token);
  }
}
