import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type {
  FinishImportReply,
  FinishImportRequest,
  ImportChunkReply,
  ImportChunkRequest,
  ImportRejection,
  ListImportRejectionsReply,
  ListImportRejectionsRequest,
  Principal,
  StartImportReply,
  StartImportRequest,
} from '#lib/contracts';
import { DomainError, isDeploymentAdmin, Role } from '#lib/domain';
import { adminMayManage } from '../accounts/admin-scope.js';
import type { CheckedChunk } from './chunk-check.js';
import { ChunkChecker } from './chunk-checker.js';
import { decodeLayout, encodeLayout, readImportHeader } from './import-layout.js';
import { ImportRepository, type ImportSessionRow } from './import.repository.js';

/**
 * `POST /admin/residents/import`: rows are validated with the domain's rules chunk by chunk as
 * the gateway streams them and staged; `finish` upserts them by NIK all at once, the latest line
 * of a NIK winning. A bad row is reported with its line and field errors and never stops the
 * good ones. Importing the same file again changes nothing.
 */
@Injectable()
export class ImportService {
  constructor(
    private readonly imports: ImportRepository,
    private readonly checker: ChunkChecker,
  ) {}

  async start({ principal, header }: StartImportRequest): Promise<StartImportReply> {
    requireAdmin(principal);
    const layout = readImportHeader(header);
    const importId = randomUUID();
    await this.imports.createSession(importId, principal.accountId, encodeLayout(layout));
    return { importId };
  }

  async chunk(request: ImportChunkRequest): Promise<ImportChunkReply> {
    const session = await this.ownSession(request.principal, request.importId);
    const checked = await this.checker.check({
      layout: decodeLayout(session.columns),
      text: request.text,
      firstLine: request.firstLine,
      regencyCode: request.principal.regencyCode,
    });
    const kept = await this.withinScope(request.principal, checked);
    const rejections = [...checked.rejections, ...kept.rejections];
    // Staged now, merged by `finish`: chunks of a session go in parallel and in any order (the
    // line numbers decide which row of a NIK wins); a chunk sent twice is staged once.
    await this.imports.stageChunk(request.importId, request.seq, {
      withoutPostalCode: kept.rows.some((i) => checked.withoutPostalCode[i]),
      copyLines: kept.rows.map((i) => checked.copyLines[i]),
      rejections,
    });
    return { rows: kept.rows.length, rejected: rejections.length };
  }

  async finish({ principal, importId, chunks }: FinishImportRequest): Promise<FinishImportReply> {
    await this.ownSession(principal, importId);
    const counts = await this.imports.finish(importId, chunks);
    return { imported: counts.imported, updated: counts.updated, rejectedCount: counts.rejected };
  }

  async rejections(request: ListImportRejectionsRequest): Promise<ListImportRejectionsReply> {
    await this.ownSession(request.principal, request.importId);
    const items = await this.imports.listRejections(request.importId, request.afterLine ?? 0, request.limit ?? 1000);
    return { items };
  }

  /**
   * A regency ADMIN imports its own regency only: a row whose village lies elsewhere, or that
   * would rewrite a person or a KK the registry has in another regency, is rejected by itself
   * (the rest of the file goes on). A deployment-wide ADMIN imports anywhere.
   */
  private async withinScope(
    principal: Principal,
    checked: CheckedChunk,
  ): Promise<{ rows: number[]; rejections: ImportRejection[] }> {
    const all = checked.lines.map((_, i) => i);
    if (isDeploymentAdmin(principal) || all.length === 0) return { rows: all, rejections: [] };
    const where = await this.imports.currentRegencies(checked.niks, [...new Set(checked.familyCardNumbers)]);
    const kept: number[] = [];
    const rejections: ImportRejection[] = [];
    const own = principal.regencyCode ?? '-';
    for (const i of all) {
      const errors: ImportRejection['errors'] = [];
      if (!adminMayManage(principal, checked.regencyCodes[i])) {
        errors.push({
          field: 'villageCode',
          message: `Desa/kelurahan ${checked.villageCodes[i]} berada di luar wilayah administrator (${own}); baris ini tidak diimpor`,
        });
      }
      const personRegency = where.byNik.get(checked.niks[i]);
      if (personRegency !== undefined && !adminMayManage(principal, personRegency)) {
        errors.push({
          field: 'nik',
          message: `Penduduk ini terdaftar di kabupaten/kota lain (${personRegency}); hanya administrator wilayah itu yang dapat mengubahnya`,
        });
      }
      const familyRegency = where.byFamily.get(checked.familyCardNumbers[i]);
      if (familyRegency !== undefined && !adminMayManage(principal, familyRegency)) {
        errors.push({
          field: 'familyCardNumber',
          message: `KK ini terdaftar di kabupaten/kota lain (${familyRegency}); hanya administrator wilayah itu yang dapat mengubahnya`,
        });
      }
      if (errors.length === 0) kept.push(i);
      else rejections.push({ line: checked.lines[i], errors });
    }
    return { rows: kept, rejections };
  }

  private async ownSession(principal: Principal, importId: string): Promise<ImportSessionRow> {
    requireAdmin(principal);
    const session = await this.imports.findSession(importId);
    if (session === undefined || session.account_id !== principal.accountId) {
      throw new DomainError('IMPORT.NOT_FOUND', 'Sesi impor tidak ditemukan');
    }
    return session;
  }
}

function requireAdmin(principal: Principal): void {
  if (principal.role !== Role.ADMIN) {
    throw new DomainError('AUTH.FORBIDDEN', 'Hanya administrator yang dapat mengimpor data penduduk');
  }
}
