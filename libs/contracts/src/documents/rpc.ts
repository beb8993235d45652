import { HealthCheckRequest, type HealthReply } from '../common/health.messages.js';
import { defineRpc } from '../common/rpc.js';
import {
  GetDocumentRequest,
  ReadDocumentFileRequest,
  RevokeDocumentRequest,
  VerifyDocumentRequest,
  type DocumentFileChunk,
  type DocumentView,
  type PublicDocumentView,
} from './document.messages.js';
import { DocumentsPatterns as P } from './patterns.js';

/** Every request/reply subject of the documents service, with its request class and reply type. */
export const DocumentsRpc = {
  HEALTH_CHECK: defineRpc(P.HEALTH_CHECK, HealthCheckRequest).returns<HealthReply>(),
  DOCUMENT_GET: defineRpc(P.DOCUMENT_GET, GetDocumentRequest).returns<DocumentView>(),
  DOCUMENT_FILE_READ: defineRpc(P.DOCUMENT_FILE_READ, ReadDocumentFileRequest).returns<DocumentFileChunk>(),
  DOCUMENT_REVOKE: defineRpc(P.DOCUMENT_REVOKE, RevokeDocumentRequest).returns<DocumentView>(),
  PUBLIC_VERIFY: defineRpc(P.PUBLIC_VERIFY, VerifyDocumentRequest).returns<PublicDocumentView>(),
} as const;
