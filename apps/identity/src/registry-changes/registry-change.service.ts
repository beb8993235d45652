import { Inject, Injectable, Optional } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import {
  APPLICATION_INPUT_CLASSES,
  EventSubjects,
  RegistryChangeAppliedEvent,
  type ApplicationApprovedEvent,
  type ApplicationInput,
  type DocumentToIssue,
  type KartuKeluargaToIssue,
} from '#lib/contracts';
import { APPLICATION_TYPES, DocumentKind, DomainError } from '#lib/domain';
import type { EventSealer } from '#lib/platform/rpc';
import type { DocumentsContext, RegistryChangeContext } from '../application-types/registry-change-type.js';
import { registryChangeFor } from '../application-types/registry-change-types.registry.js';
import { IdentifierService } from '../identifiers/identifier.service.js';
import { toFamilyView } from '../registry/registry.mapper.js';
import { RegistryRepository } from '../registry/registry.repository.js';
import { RegistryChangeRepository } from './registry-change.repository.js';

/** The EventSealer identity seals its announcements with (RegistryChangesModule provides it). */
export const REGISTRY_CHANGE_SEALER = Symbol('REGISTRY_CHANGE_SEALER');

/**
 * Applies an approved application to the registry exactly once, with its type's change
 * (`REGISTRY_CHANGE_TYPES`), and announces which documents must now be issued, with the
 * families as they stand. A redelivered approval finds the change applied and only announces it
 * again (the outbox keeps one copy).
 */
@Injectable()
export class RegistryChangeService {
  constructor(
    private readonly changes: RegistryChangeRepository,
    private readonly registry: RegistryRepository,
    private readonly identifiers: IdentifierService,
    /** Seals every announcement with identity's nkey (absent only where no key is configured). */
    @Optional() @Inject(REGISTRY_CHANGE_SEALER) private readonly sealer?: EventSealer,
  ) {}

  async apply(event: ApplicationApprovedEvent): Promise<RegistryChangeAppliedEvent> {
    const input = await parseDetails(event);
    const change = registryChangeFor(input.type);
    const applied =
      (await this.changes.findApplied(event.applicationId)) ??
      (await change.apply(input, this.changeContext(event.applicationId, input.type)));
    const documents = await change.documents(input, applied, this.documentsContext());
    assertIssuable(input, documents);
    const announcement: RegistryChangeAppliedEvent = {
      applicationId: event.applicationId,
      type: event.type,
      regencyCode: event.regencyCode,
      approvedAt: event.approvedAt,
      // The official identity checked (ApprovalCheckService), carried forward to be printed.
      official: { accountId: event.official.accountId, fullName: event.official.fullName, nip: event.official.nip },
      familyCardNumbers: applied.familyCardNumbers,
      documents,
    };
    if (this.sealer !== undefined) {
      announcement.seal = await this.sealer.seal(
        EventSubjects.REGISTRY_CHANGE_APPLIED,
        RegistryChangeAppliedEvent,
        announcement,
      );
    }
    await this.changes.enqueueApplied(announcement);
    return announcement;
  }

  private changeContext(applicationId: string, type: string): RegistryChangeContext {
    return {
      applicationId,
      requireFamily: async (familyCardNumber) => {
        const found = await this.registry.findFamily(familyCardNumber);
        if (!found) throw new DomainError('FAMILY.NOT_FOUND', 'Kartu Keluarga tidak ditemukan');
        return { villageCode: found.family.village_code };
      },
      reserve: (purpose, assign) => this.changes.reserveIdentifier(applicationId, purpose, assign),
      assignNik: async (request) => (await this.identifiers.assignNik(request)).nik,
      assignFamilyCardNumber: async (request) =>
        (await this.identifiers.assignFamilyCardNumber(request)).familyCardNumber,
      applyOnce: (write) => this.changes.applyOnce(applicationId, type, write),
    };
  }

  private documentsContext(): DocumentsContext {
    return {
      familyCards: async (familyCardNumbers) => {
        const cards: KartuKeluargaToIssue[] = [];
        for (const familyCardNumber of familyCardNumbers) {
          const found = await this.registry.findFamily(familyCardNumber);
          if (found && found.members.length > 0) {
            cards.push({ kind: DocumentKind.KARTU_KELUARGA, family: toFamilyView(found) });
          }
        }
        return cards;
      },
      findPerson: (nik) => this.registry.findPerson(nik),
    };
  }
}

/** The approved details, checked again on arrival with the same classes the application used. */
async function parseDetails(event: ApplicationApprovedEvent): Promise<ApplicationInput> {
  const inputClass: new () => ApplicationInput = APPLICATION_INPUT_CLASSES[event.type];
  const input = plainToInstance(inputClass, { ...event.details, type: event.type });
  const errors = await validate(input, { whitelist: true });
  if (errors.length > 0) {
    throw new DomainError(
      'VALIDATION.FAILED',
      `Approved details do not validate: ${errors.map((e) => e.property).join(', ')}`,
    );
  }
  return input;
}

/** A type's change may only ask for the documents its definition names (libs/domain). */
function assertIssuable(input: ApplicationInput, documents: DocumentToIssue[]): void {
  const allowed: readonly DocumentKind[] = APPLICATION_TYPES[input.type].documents;
  const stray = documents.filter((document) => !allowed.includes(document.kind));
  if (stray.length > 0) {
    throw new DomainError(
      'VALIDATION.FAILED',
      `${input.type} may not issue ${stray.map((document) => document.kind).join(', ')}`,
    );
  }
}
