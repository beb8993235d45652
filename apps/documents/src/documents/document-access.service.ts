import { Injectable } from '@nestjs/common';
import { adminMayManage, documentFileName, DomainError, Role } from '#lib/domain';
import type { DocumentFileChunk, DocumentView, Principal, PublicDocumentView } from '#lib/contracts';
import type { IssuedDocumentEntity } from '../issuance/issued-document.entity.js';
import { IssuedDocumentRepository } from '../issuance/issued-document.repository.js';
import { IssuanceService } from '../issuance/issuance.service.js';
import { toDocumentView, toPublicView } from './document.mapper.js';
import { StaffReadAudit } from './staff-read-audit.js';

const STAFF: ReadonlySet<string> = new Set([Role.CLERK, Role.OFFICIAL, Role.ADMIN]);

/**
 * Reading issued documents: staff of the document's regency and the residents of the family it
 * belongs to. Anyone else gets the same "not found" as for a document that does not exist.
 */
@Injectable()
export class DocumentAccessService {
  constructor(
    private readonly documents: IssuedDocumentRepository,
    private readonly issuance: IssuanceService,
    private readonly audit: StaffReadAudit,
  ) {}

  async get(principal: Principal, id: string): Promise<DocumentView> {
    const document = await this.readable(principal, id);
    await this.audit.documentRead(principal, document.memberNiks, 'GET /documents/{id}');
    return toDocumentView(document, this.issuance.verificationUrl.bind(this.issuance));
  }

  async readFile(principal: Principal, id: string, offset: number, length: number): Promise<DocumentFileChunk> {
    const document = await this.readable(principal, id);
    // A download reads from offset 0 first: a staff read is logged once, before any byte leaves.
    if (offset === 0) await this.audit.documentRead(principal, document.memberNiks, 'GET /documents/{id}/pdf');
    const part = await this.documents.readFile(id, offset, length);
    if (!part) throw notFound();
    return {
      data: part.data.toString('base64'),
      size: part.size,
      sha256: document.sha256,
      fileName: documentFileName(document.kind, document.number),
    };
  }

  async revoke(principal: Principal, id: string, reason: string): Promise<DocumentView> {
    if (principal.role !== Role.ADMIN)
      throw new DomainError('AUTH.FORBIDDEN', 'Hanya administrator yang dapat mencabut dokumen');
    const document = await this.documents.findById(id);
    if (!document) throw notFound();
    // An ADMIN revokes within its scope (docs/security.md "Administration scope and four-eyes").
    if (!adminMayManage(principal, document.regencyCode)) {
      throw new DomainError(
        'ADMIN.OUT_OF_SCOPE',
        `Administrator kabupaten/kota ${principal.regencyCode ?? '-'} tidak berwenang mencabut dokumen wilayah lain ` +
          `(${document.regencyCode}); hubungi administrator tingkat deployment`,
      );
    }
    const revoked = await this.documents.revoke(id, reason.trim(), principal.accountId, new Date());
    if (!revoked) {
      throw new DomainError('DOCUMENT.ALREADY_REVOKED', 'Dokumen ini sudah dicabut', {
        details: { allowedActions: [] },
      });
    }
    return toDocumentView(await this.readable(principal, id), this.issuance.verificationUrl.bind(this.issuance));
  }

  async verifyPublic(token: string): Promise<PublicDocumentView> {
    const document = await this.documents.findByToken(token);
    if (!document) throw notFound();
    return toPublicView(document);
  }

  private async readable(principal: Principal, id: string): Promise<IssuedDocumentEntity> {
    const document = await this.documents.findById(id);
    if (!document || !mayRead(principal, document)) throw notFound();
    return document;
  }
}

function mayRead(principal: Principal, document: IssuedDocumentEntity): boolean {
  if (principal.role === Role.ADMIN) return adminMayManage(principal, document.regencyCode);
  if (STAFF.has(principal.role)) return principal.regencyCode === document.regencyCode;
  if (principal.role === Role.RESIDENT && principal.nik) return document.memberNiks.includes(principal.nik);
  return false;
}

function notFound(): DomainError {
  return new DomainError('DOCUMENT.NOT_FOUND', 'Dokumen tidak ditemukan');
}
