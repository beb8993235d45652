import { Inject, Injectable, Optional } from '@nestjs/common';
import { randomBytes, randomUUID, createHash } from 'node:crypto';
import { APPLICATION_TYPES, DocumentKind, DocumentStatus, DomainError } from '#lib/domain';
import {
  DocumentSetIssuedEvent,
  EventSubjects,
  type DocumentToIssue,
  type RegistryChangeAppliedEvent,
} from '#lib/contracts';
import { APP_CONFIG, APP_LOGGER, maskNiks, type AppLogger } from '#lib/platform/core';
import type { EventSealer } from '#lib/platform/rpc';
import type { DocumentsConfig } from '../config/documents.config.js';
import type { DocumentDraft, IssueContext } from '../document-kinds/document-issuer.js';
import { DOCUMENT_ISSUERS, issuerFor } from '../document-kinds/document-issuers.registry.js';
import { issuerOf } from './document-models.mapper.js';
import { IssuedDocumentEntity } from './issued-document.entity.js';
import { IssuedDocumentRepository, type DocumentToStore } from './issued-document.repository.js';
import { SignedPdfFactory } from './signed-pdf.factory.js';

/** 144 random bits, URL-safe: the part of the QR code nobody can guess. */
export function newVerificationToken(): string {
  return randomBytes(18).toString('base64url');
}

/** The EventSealer documents seals its `document-set.issued` events with (DocumentsModule provides it). */
export const DOCUMENT_SET_SEALER = Symbol('DOCUMENT_SET_SEALER');

/**
 * Issues the document set of an approved application, exactly once however often the event
 * arrives: a set already stored is returned as it is, and two replicas racing on one event end
 * with one set (the database refuses the second). Each document is made by its kind's issuer
 * (`DOCUMENT_ISSUERS`). The set, the superseding of earlier prints and the `document-set.issued`
 * event commit together.
 */
@Injectable()
export class IssuanceService {
  constructor(
    private readonly documents: IssuedDocumentRepository,
    private readonly pdfs: SignedPdfFactory,
    @Inject(APP_CONFIG) private readonly config: DocumentsConfig,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
    /** Seals every `issued` event with documents' nkey (absent only where no key is configured). */
    @Optional() @Inject(DOCUMENT_SET_SEALER) private readonly sealer?: EventSealer,
  ) {}

  async issue(event: RegistryChangeAppliedEvent): Promise<IssuedDocumentEntity[]> {
    const already = await this.documents.findByApplication(event.applicationId);
    if (already.length > 0) return already;
    assertIssuable(event);

    const issuedAt = new Date();
    const issuer = issuerOf(event.regencyCode);
    const official = { name: event.official.fullName, nip: event.official.nip, title: this.config.OFFICIAL_TITLE };
    const familyOfSet = event.documents.find((d) => d.kind === DocumentKind.KARTU_KELUARGA)?.family;
    const set: DocumentToStore[] = [];

    for (const wanted of event.documents) {
      const id = randomUUID();
      const token = newVerificationToken();
      const context: IssueContext = {
        event,
        issuer,
        details: {
          issuedAt,
          issuingRegencyName: issuer.regencyName,
          official,
          verificationUrl: this.verificationUrl(token),
          certificateIssuer: this.config.CERTIFICATE_ISSUER_NAME,
        },
        familyOfSet,
        sign: (render, model) => this.pdfs.signed(render, model, issuedAt),
        numbers: {
          birthCertificate: (...args) => this.documents.birthCertificateSerial(...args),
          deathCertificate: (...args) => this.documents.deathCertificateSerial(...args),
        },
      };
      const kindIssuer = issuerFor(wanted);
      const draft = await kindIssuer.issue(wanted, context);
      set.push({
        document: this.toEntity(event, wanted, draft, { id, token, issuedAt, issuer: issuer.officeName }),
        pdf: draft.pdf,
        supersedesEarlierPrints: kindIssuer.supersedesEarlierPrints,
      });
    }

    const issued: DocumentSetIssuedEvent = {
      applicationId: event.applicationId,
      documents: set.map(({ document }) => ({ id: document.id, kind: document.kind, number: document.number })),
    };
    if (this.sealer !== undefined) {
      // Applications closes the application only on an event documents sealed.
      issued.seal = await this.sealer.seal(EventSubjects.DOCUMENT_SET_ISSUED, DocumentSetIssuedEvent, issued);
    }
    const stored = await this.documents.storeSet(set, issued);
    if (stored === 'already-stored') {
      // Another replica stored this application's set first (unique constraint): theirs stands.
      return this.documents.findByApplication(event.applicationId);
    }
    this.logger.info(
      { applicationId: event.applicationId, documents: issued.documents.map((d) => maskNiks(d.number)) },
      'Issued document set',
    );
    return set.map(({ document }) => document);
  }

  verificationUrl(token: string): string {
    return `${this.config.PUBLIC_BASE_URL.replace(/\/+$/, '')}/verifikasi/${token}`;
  }

  private toEntity(
    event: RegistryChangeAppliedEvent,
    wanted: DocumentToIssue,
    draft: DocumentDraft,
    fields: { id: string; token: string; issuedAt: Date; issuer: string },
  ): IssuedDocumentEntity {
    return Object.assign(new IssuedDocumentEntity(), {
      id: fields.id,
      kind: wanted.kind,
      number: draft.number,
      status: DocumentStatus.VALID,
      applicationId: event.applicationId,
      subjectKey: draft.subjectKey,
      familyCardNumber: draft.familyCardNumber,
      holderName: draft.holderName,
      memberNiks: draft.memberNiks,
      regencyCode: event.regencyCode,
      issuer: fields.issuer,
      officialName: event.official.fullName,
      officialNip: event.official.nip,
      issuedAt: fields.issuedAt,
      verificationToken: fields.token,
      sha256: createHash('sha256').update(draft.pdf).digest('hex'),
      size: draft.pdf.length,
      statusChangedAt: null,
      supersededBy: null,
      revokedReason: null,
      revokedBy: null,
    });
  }
}

/** Only the kinds the application's type may issue (libs/domain), and only kinds this service knows. */
function assertIssuable(event: RegistryChangeAppliedEvent): void {
  const allowed: readonly string[] = APPLICATION_TYPES[event.type].documents;
  for (const wanted of event.documents) {
    if (!(wanted.kind in DOCUMENT_ISSUERS) || !allowed.includes(wanted.kind)) {
      throw new DomainError('VALIDATION.FAILED', `Cannot issue ${wanted.kind} for ${event.type}`);
    }
  }
}
