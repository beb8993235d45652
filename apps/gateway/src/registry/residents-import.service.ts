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
/** A chunk is a few thousand rows validated and staged in one transaction. */
const CHUNK_TIMEOUT_MS = 60_000;
/**
 * The finish merges every staged row at once (≈ 15–30 µs of PostgreSQL a row on a quiet core):
 * two minutes, and a second more for each chunk (≈ 1,500 rows) on a machine ten times slower.
 */
const FINISH_BASE_TIMEOUT_MS = 120_000;
const FINISH_TIMEOUT_MS_PER_CHUNK = 1_000;
const REJECTION_PAGE = 2000;
/**
 * Chunks in flight at once: chunks are staged independently (in parallel, on any identity
 * replica; the line numbers, not the arrival order, decide which row of a NIK wins), so the
 * cutting here, the validation in identity and the COPY in PostgreSQL overlap.
 */
const CHUNKS_IN_FLIGHT = 4;

export interface ImportReport {
  imported: number;
  updated: number;
  rejected: ImportRejection[];
}

/**
 * Streams a CSV upload of any size to the identity service: the header opens an import session,
 * then line-aligned chunks follow, several at once (any identity replica may take each one: the
 * session and its staged rows live in its database); the finish merges them and the summary
 * comes back with every rejected row by line.
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
    const summary = await this.services.call(
      IdentityRpc.IMPORT_FINISH,
      { principal, importId, chunks: seq },
      { timeoutMs: FINISH_BASE_TIMEOUT_MS + seq * FINISH_TIMEOUT_MS_PER_CHUNK },
    );
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
