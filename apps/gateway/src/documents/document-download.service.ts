import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DOCUMENT_FILE_CHUNK_BYTES, type DocumentFileChunk, type Principal, DocumentsRpc } from '#lib/contracts';
import { RpcClient } from '#lib/platform/rpc';
import { DomainError } from '#lib/domain';

export interface DownloadedFile {
  content: Buffer;
  fileName: string;
  sha256: string;
}

/**
 * Fetches a signed PDF from the documents service in parts that fit NATS messages, and checks
 * the whole against the SHA-256 recorded at issue before handing it out.
 */
@Injectable()
export class DocumentDownloadService {
  constructor(private readonly services: RpcClient) {}

  async download(principal: Principal, id: string): Promise<DownloadedFile> {
    const parts: Buffer[] = [];
    let offset = 0;
    let first: DocumentFileChunk | undefined;
    do {
      const chunk = await this.services.call(DocumentsRpc.DOCUMENT_FILE_READ, {
        principal,
        id,
        offset,
        length: DOCUMENT_FILE_CHUNK_BYTES,
      });
      first ??= chunk;
      const bytes = Buffer.from(chunk.data, 'base64');
      if (bytes.length === 0) break;
      parts.push(bytes);
      offset += bytes.length;
    } while (offset < first.size);
    const content = Buffer.concat(parts);
    const sha256 = createHash('sha256').update(content).digest('hex');
    if (!first || content.length !== first.size || sha256 !== first.sha256) {
      throw new DomainError('SERVICE.UNAVAILABLE', 'Berkas dokumen tidak terbaca utuh; silakan coba lagi', {
        details: { service: 'documents' },
      });
    }
    return { content, fileName: first.fileName, sha256 };
  }
}
