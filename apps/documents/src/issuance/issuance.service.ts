import { Inject, Injectable } from '@nestjs/common';
import { randomBytes, randomUUID, createHash } from 'node:crypto';
import {
  DocumentKind,
  DocumentStatus,
  DomainError,
  formatBirthCertificateNumber,
  type DocumentKind as Kind,
} from '#lib/domain';
import { EventSubjects, type DocumentSetIssuedEvent, type RegistryChangeAppliedEvent } from '#lib/contracts';
import { APP_CONFIG, APP_LOGGER, maskNiks, type AppLogger } from '#lib/platform/core';
import { enqueueEvent } from '#lib/platform/events';
import type { DocumentsConfig } from '../config/documents.config.js';
import { aktaKelahiranModel, issuerOf, kartuKeluargaModel } from './document-models.mapper.js';
import { IssuedDocumentEntity } from './issued-document.entity.js';
import { IssuedDocumentRepository, type DocumentToStore } from './issued-document.repository.js';
import { SignedPdfFactory } from './signed-pdf.factory.js';

/** 144 random bits, URL-safe: the part of the QR code nobody can guess. */
export function newVerificationToken(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * Issues the document set of an approved application, exactly once however often the event
 * arrives: a set already stored is returned as it is, and two replicas racing on one event end
 * with one set (the database refuses the second). The set, the superseding of earlier prints
 * and the `document-set.issued` event commit together.
 */
@Injectable()
export class IssuanceService {
  constructor(
    private readonly documents: IssuedDocumentRepository,
    private readonly pdfs: SignedPdfFactory,
    @Inject(APP_CONFIG) private readonly config: DocumentsConfig,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {}

  async issue(event: RegistryChangeAppliedEvent): Promise<IssuedDocumentEntity[]> {
    const already = await this.documents.findByApplication(event.applicationId);
    if (already.length > 0) return already;

    const issuedAt = new Date();
    const issuer = issuerOf(event.regencyCode);
    const official = { name: event.official.fullName, nip: event.official.nip, title: this.config.OFFICIAL_TITLE };
    const familyOfSet = event.documents.find((d) => d.kind === DocumentKind.KARTU_KELUARGA)?.family;
    const set: DocumentToStore[] = [];

    for (const wanted of event.documents) {
      const id = randomUUID();
      const token = newVerificationToken();
      const details = {
        issuedAt,
        issuingRegencyName: issuer.regencyName,
        official,
        verificationUrl: this.verificationUrl(token),
        certificateIssuer: this.config.CERTIFICATE_ISSUER_NAME,
      };
      if (wanted.kind === DocumentKind.KARTU_KELUARGA) {
        const family = wanted.family;
        if (!family) throw invalidEvent('a Kartu Keluarga without its family');
        const pdf = await this.pdfs.kartuKeluarga(kartuKeluargaModel(family, details), issuedAt);
        const head = family.members.find((m) => m.nik === family.headNik) ?? family.members[0];
        set.push(
          this.toStore(event, pdf, {
            id,
            token,
            issuedAt,
            kind: DocumentKind.KARTU_KELUARGA,
            number: family.familyCardNumber,
            subjectKey: family.familyCardNumber,
            familyCardNumber: family.familyCardNumber,
            holderName: head?.fullName ?? '',
            memberNiks: family.members.map((m) => m.nik),
            issuer: issuer.officeName,
          }),
        );
      } else {
        const birth = wanted.birth;
        if (!birth) throw invalidEvent('a Kutipan Akta Kelahiran without the birth');
        const number = await this.documents.birthCertificateSerial(
          birth.childNik,
          event.regencyCode,
          birth.registrationDate,
          (serial) =>
            formatBirthCertificateNumber({
              regencyCode: event.regencyCode,
              birthDate: birth.birthDate,
              registrationDate: birth.registrationDate,
              serial,
            }),
        );
        const pdf = await this.pdfs.aktaKelahiran(aktaKelahiranModel(birth, number, issuer.place, details), issuedAt);
        set.push(
          this.toStore(event, pdf, {
            id,
            token,
            issuedAt,
            kind: DocumentKind.AKTA_KELAHIRAN,
            number,
            subjectKey: birth.childNik,
            familyCardNumber: null,
            holderName: birth.childName,
            memberNiks: familyOfSet ? familyOfSet.members.map((m) => m.nik) : [birth.childNik],
            issuer: issuer.officeName,
          }),
        );
      }
    }

    const issued: DocumentSetIssuedEvent = {
      applicationId: event.applicationId,
      documents: set.map(({ document }) => ({ id: document.id, kind: document.kind, number: document.number })),
    };
    try {
      await this.documents.storeSet(set, (manager) =>
        enqueueEvent(manager, EventSubjects.DOCUMENT_SET_ISSUED, issued, `document-set-issued:${event.applicationId}`),
      );
    } catch (error) {
      // Another replica stored this application's set first (unique constraint): theirs stands.
      if ((error as { code?: string }).code === '23505') {
        const stored = await this.documents.findByApplication(event.applicationId);
        if (stored.length > 0) return stored;
      }
      throw error;
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

  private toStore(
    event: RegistryChangeAppliedEvent,
    pdf: Buffer,
    fields: {
      id: string;
      token: string;
      issuedAt: Date;
      kind: Kind;
      number: string;
      subjectKey: string;
      familyCardNumber: string | null;
      holderName: string;
      memberNiks: string[];
      issuer: string;
    },
  ): DocumentToStore {
    const document = Object.assign(new IssuedDocumentEntity(), {
      id: fields.id,
      kind: fields.kind,
      number: fields.number,
      status: DocumentStatus.VALID,
      applicationId: event.applicationId,
      subjectKey: fields.subjectKey,
      familyCardNumber: fields.familyCardNumber,
      holderName: fields.holderName,
      memberNiks: fields.memberNiks,
      regencyCode: event.regencyCode,
      issuer: fields.issuer,
      officialName: event.official.fullName,
      officialNip: event.official.nip,
      issuedAt: fields.issuedAt,
      verificationToken: fields.token,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      size: pdf.length,
      statusChangedAt: null,
      supersededBy: null,
      revokedReason: null,
      revokedBy: null,
    });
    return { document, pdf };
  }
}

function invalidEvent(what: string): DomainError {
  return new DomainError('VALIDATION.FAILED', `Cannot issue ${what}`);
}
