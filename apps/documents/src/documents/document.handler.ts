import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  GetDocumentRequest,
  ReadDocumentFileRequest,
  RevokeDocumentRequest,
  VerifyDocumentRequest,
  type DocumentFileChunk,
  type DocumentView,
  type PublicDocumentView,
  DocumentsRpc,
} from '#lib/contracts';
import { RpcHandler } from '#lib/platform/rpc';
import { DocumentAccessService } from './document-access.service.js';

/** NATS adapter of the document reads, the revocation and the public check. */
@Controller()
export class DocumentHandler {
  constructor(private readonly documents: DocumentAccessService) {}

  @RpcHandler(DocumentsRpc.DOCUMENT_GET)
  get(@Payload() request: GetDocumentRequest): Promise<DocumentView> {
    return this.documents.get(request.principal, request.id);
  }

  @RpcHandler(DocumentsRpc.DOCUMENT_FILE_READ)
  readFile(@Payload() request: ReadDocumentFileRequest): Promise<DocumentFileChunk> {
    return this.documents.readFile(request.principal, request.id, request.offset, request.length);
  }

  @RpcHandler(DocumentsRpc.DOCUMENT_REVOKE)
  revoke(@Payload() request: RevokeDocumentRequest): Promise<DocumentView> {
    return this.documents.revoke(request.principal, request.id, request.reason);
  }

  @RpcHandler(DocumentsRpc.PUBLIC_VERIFY)
  verify(@Payload() request: VerifyDocumentRequest): Promise<PublicDocumentView> {
    return this.documents.verifyPublic(request.token);
  }
}
