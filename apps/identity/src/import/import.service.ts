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
import { readCsv } from './csv-reader.js';
import { decodeLayout, encodeLayout, readImportHeader, type ImportLayout } from './import-layout.js';
import { ImportRepository, type ImportSessionRow } from './import.repository.js';
import {
  IMPORT_COLUMNS,
  validateResidentRow,
  type ImportColumn,
  type ResidentRow,
  type RowResult,
} from './resident-row.js';
import { siakFieldErrors, siakRowToImport } from './siak-row.js';

const KNOWN_COLUMNS: ReadonlySet<string> = new Set(IMPORT_COLUMNS);

/**
 * `POST /admin/residents/import`: rows are validated with the domain's rules chunk by chunk as
 * the gateway streams them and staged; `finish` upserts them by NIK all at once, the latest line
 * of a NIK winning. A bad row is reported with its line and field errors and never stops the
 * good ones. Importing the same file again changes nothing.
 */
@Injectable()
export class ImportService {
  constructor(private readonly imports: ImportRepository) {}

  async start({ principal, header }: StartImportRequest): Promise<StartImportReply> {
    requireAdmin(principal);
    const layout = readImportHeader(header);
    const importId = randomUUID();
    await this.imports.createSession(importId, principal.accountId, encodeLayout(layout));
    return { importId };
  }

  async chunk(request: ImportChunkRequest): Promise<ImportChunkReply> {
    const session = await this.ownSession(request.principal, request.importId);
    const layout = decodeLayout(session.columns);
    const { records, faults } = readCsv(request.text, request.firstLine, layout.delimiter);
    const rows: ResidentRow[] = [];
    const rejections: ImportRejection[] = faults.map((fault) => ({
      line: fault.line,
      errors: [{ field: 'row', message: fault.message }],
    }));
    for (const record of records) {
      const result = validateRecord(layout, record.cells, record.line, request.principal);
      if (result.ok) rows.push(result.row);
      else rejections.push({ line: record.line, errors: result.errors });
    }
    const inScope = await this.withinScope(request.principal, rows);
    rows.splice(0, rows.length, ...inScope.rows);
    rejections.push(...inScope.rejections);
    // Staged now, merged by `finish`: chunks of a session go in parallel and in any order (the
    // line numbers decide which row of a NIK wins); a chunk sent twice is staged once.
    await this.imports.stageChunk(request.importId, request.seq, rows, rejections);
    return { rows: rows.length, rejected: rejections.length };
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
    rows: ResidentRow[],
  ): Promise<{ rows: ResidentRow[]; rejections: ImportRejection[] }> {
    if (isDeploymentAdmin(principal) || rows.length === 0) return { rows, rejections: [] };
    const where = await this.imports.currentRegencies(
      rows.map((row) => row.nik),
      [...new Set(rows.map((row) => row.familyCardNumber))],
    );
    const kept: ResidentRow[] = [];
    const rejections: ImportRejection[] = [];
    const own = principal.regencyCode ?? '-';
    for (const row of rows) {
      const errors: ImportRejection['errors'] = [];
      if (!adminMayManage(principal, row.regencyCode)) {
        errors.push({
          field: 'villageCode',
          message: `Desa/kelurahan ${row.villageCode} berada di luar wilayah administrator (${own}); baris ini tidak diimpor`,
        });
      }
      const personRegency = where.byNik.get(row.nik);
      if (personRegency !== undefined && !adminMayManage(principal, personRegency)) {
        errors.push({
          field: 'nik',
          message: `Penduduk ini terdaftar di kabupaten/kota lain (${personRegency}); hanya administrator wilayah itu yang dapat mengubahnya`,
        });
      }
      const familyRegency = where.byFamily.get(row.familyCardNumber);
      if (familyRegency !== undefined && !adminMayManage(principal, familyRegency)) {
        errors.push({
          field: 'familyCardNumber',
          message: `KK ini terdaftar di kabupaten/kota lain (${familyRegency}); hanya administrator wilayah itu yang dapat mengubahnya`,
        });
      }
      if (errors.length === 0) kept.push(row);
      else rejections.push({ line: row.line, errors });
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

function validateRecord(layout: ImportLayout, cells: string[], line: number, principal: Principal): RowResult {
  if (layout.format === 'api') {
    const columns = layout.columns.filter((c): c is ImportColumn => KNOWN_COLUMNS.has(c));
    return validateResidentRow(columns, cells, line);
  }
  // Names of districts and villages are resolved within the importing administrator's regency.
  const converted = siakRowToImport(layout.headers, cells, principal.regencyCode);
  if (!converted.ok) return converted;
  const result = validateResidentRow(converted.columns, converted.cells, line, { postalCodeOptional: true });
  return result.ok ? result : { ok: false, errors: siakFieldErrors(result.errors) };
}

function requireAdmin(principal: Principal): void {
  if (principal.role !== Role.ADMIN) {
    throw new DomainError('AUTH.FORBIDDEN', 'Hanya administrator yang dapat mengimpor data penduduk');
  }
}
