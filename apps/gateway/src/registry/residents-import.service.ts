import { Injectable } from '@nestjs/common';
import { IMPORT_CHUNK_MAX_BYTES, type ImportRejection, type Principal, IdentityRpc } from '#lib/contracts';
import { RpcClient } from '#lib/platform/rpc';
import { DomainError } from '#lib/domain';
import { CsvRecordTooLargeError, csvPieces } from './csv-chunks.js';

/**
 * Well under NATS's 1 MB message limit even when JSON escaping doubles every character of a
 * chunk (a field full of quotes).
 */
const CHUNK_BYTES = Math.min(IMPORT_CHUNK_MAX_BYTES, 384 * 1024);
/** A chunk is a few thousand rows validated and merged in one transaction. */
const CHUNK_TIMEOUT_MS = 60_000;
const REJECTION_PAGE = 2000;
/**
 * Chunks in flight at once: identity validates the next chunk while the previous one merges
 * (each waits for its turn to merge, so order and line numbers hold).
 */
const CHUNKS_IN_FLIGHT = 2;

export interface ImportReport {
  imported: number;
  updated: number;
  rejected: ImportRejection[];
}

/**
 * Streams a CSV upload of any size to the identity service: the header opens an import session,
 * then line-aligned chunks follow in order (any identity replica may take each one: the session
 * lives in its database), and the summary comes back with every rejected row by line.
 */
@Injectable()
export class ResidentsImportService {
  constructor(private readonly services: RpcClient) {}

  async import(body: AsyncIterable<Buffer>, principal: Principal): Promise<ImportReport> {
    let importId: string | undefined;
    let seq = 0;
    const inFlight: Array<Promise<unknown>> = [];
    try {
      for await (const piece of csvPieces(body, CHUNK_BYTES)) {
        if (piece.kind === 'header') {
          const reply = await this.services.call(IdentityRpc.IMPORT_START, {
            principal,
            header: piece.header,
          });
          importId = reply.importId;
        } else {
          // csvPieces yields the header first, whose reply set importId.
          if (importId === undefined) throw new Error('CSV chunk before its header');
          const sent = this.services.call(
            IdentityRpc.IMPORT_CHUNK,
            { principal, importId, seq, firstLine: piece.firstLine, text: piece.text },
            { timeoutMs: CHUNK_TIMEOUT_MS },
          );
          // Observed below (in order); this only keeps a failure from going unhandled meanwhile.
          sent.catch(() => undefined);
          inFlight.push(sent);
          seq++;
          if (inFlight.length >= CHUNKS_IN_FLIGHT) await inFlight.shift();
        }
      }
      for (const sent of inFlight.splice(0)) await sent;
    } catch (error) {
      if (error instanceof CsvRecordTooLargeError) {
        throw new DomainError('REQUEST.TOO_LARGE', `Baris ${error.line} CSV melebihi ${CHUNK_BYTES / 1024} KB`);
      }
      throw error;
    }
    if (importId === undefined) throw new DomainError('REQUEST.MALFORMED', 'Berkas CSV kosong');
    const summary = await this.services.call(IdentityRpc.IMPORT_FINISH, {
      principal,
      importId,
    });
    const rejected: ImportRejection[] = [];
    while (rejected.length < summary.rejectedCount) {
      const page = await this.services.call(IdentityRpc.IMPORT_REJECTION_LIST, {
        principal,
        importId,
        afterLine: rejected.at(-1)?.line ?? 0,
        limit: REJECTION_PAGE,
      });
      if (page.items.length === 0) break;
      rejected.push(...page.items);
    }
    return { imported: summary.imported, updated: summary.updated, rejected };
  }
}
