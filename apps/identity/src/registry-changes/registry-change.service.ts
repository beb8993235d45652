import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource } from 'typeorm';
import {
  APPLICATION_INPUT_CLASSES,
  EventSubjects,
  type ApplicationApprovedEvent,
  type ApplicationInput,
  type BirthRegistrationInput,
  type DocumentToIssue,
  type FamilyCardNewInput,
  type FamilyCardUpdateInput,
  type RegistryChangeAppliedEvent,
} from '#lib/contracts';
import {
  ApplicationType,
  BloodType,
  Citizenship,
  DocumentKind,
  DomainError,
  EDUCATION_LIST,
  MaritalStatus,
  OCCUPATION_LIST,
  Relationship,
  regionDirectory,
  todayIso,
} from '#lib/domain';
import { enqueueEvent } from '#lib/platform/events';
import { IdentifierService } from '../identifiers/identifier.service.js';
import { toFamilyView } from '../registry/registry.mapper.js';
import { RegistryRepository } from '../registry/registry.repository.js';
import { RegistryChangeRepository, type AppliedChange, type RegistryWriter } from './registry-change.repository.js';

/**
 * Applies an approved application to the registry exactly once — a newborn gets a NIK and
 * joins the KK as ANAK, a new family gets a No. KK and its members move, changed fields are
 * updated — and announces which documents must now be issued, with the families as they stand.
 * A redelivered approval finds the change applied and only announces it again (the outbox
 * keeps one copy).
 */
@Injectable()
export class RegistryChangeService {
  constructor(
    private readonly changes: RegistryChangeRepository,
    private readonly registry: RegistryRepository,
    private readonly identifiers: IdentifierService,
    private readonly dataSource: DataSource,
  ) {}

  async apply(event: ApplicationApprovedEvent): Promise<RegistryChangeAppliedEvent> {
    const input = await parseDetails(event);
    const applied = (await this.changes.findApplied(event.applicationId)) ?? (await this.applyNow(event, input));
    const announcement: RegistryChangeAppliedEvent = {
      applicationId: event.applicationId,
      type: event.type,
      regencyCode: event.regencyCode,
      approvedAt: event.approvedAt,
      official: event.official,
      familyCardNumbers: applied.familyCardNumbers,
      documents: await this.documentsFor(input, applied),
    };
    await this.dataSource.transaction((manager) =>
      enqueueEvent(
        manager,
        EventSubjects.REGISTRY_CHANGE_APPLIED,
        announcement,
        `registry-change-applied:${event.applicationId}`,
      ),
    );
    return announcement;
  }

  private async applyNow(event: ApplicationApprovedEvent, input: ApplicationInput): Promise<AppliedChange> {
    const id = event.applicationId;
    switch (input.type) {
      case ApplicationType.BIRTH_REGISTRATION: {
        const family = await this.requireFamily(input.familyCardNumber);
        const childNik = await this.changes.reserveIdentifier(
          id,
          'child-nik',
          async () =>
            (
              await this.identifiers.assignNik({
                districtCode: districtOf(family.villageCode),
                birthDate: input.child.birthDate,
                sex: input.child.sex,
              })
            ).nik,
        );
        return this.changes.applyOnce(id, input.type, (writer) => this.registerBirth(writer, input, childNik));
      }
      case ApplicationType.FAMILY_CARD_NEW: {
        const familyCardNumber = await this.changes.reserveIdentifier(
          id,
          'family-card-number',
          async () =>
            (await this.identifiers.assignFamilyCardNumber({ districtCode: districtOf(input.villageCode) }))
              .familyCardNumber,
        );
        return this.changes.applyOnce(id, input.type, (writer) => this.formFamily(writer, input, familyCardNumber));
      }
      case ApplicationType.FAMILY_CARD_UPDATE:
        await this.requireFamily(input.familyCardNumber);
        return this.changes.applyOnce(id, input.type, (writer) => this.updateFamily(writer, input));
      case ApplicationType.FAMILY_CARD_REPLACEMENT:
        // A lost or damaged card: the registry does not change; the card is printed again.
        await this.requireFamily(input.familyCardNumber);
        return this.changes.applyOnce(id, input.type, () =>
          Promise.resolve({ familyCardNumbers: [input.familyCardNumber] }),
        );
    }
  }

  private async registerBirth(
    writer: RegistryWriter,
    input: BirthRegistrationInput,
    childNik: string,
  ): Promise<{ familyCardNumbers: string[]; childNik: string }> {
    const at = new Date();
    const names = await writer.fullNames([input.fatherNik, input.motherNik]);
    await writer.insertPerson(
      {
        nik: childNik,
        fullName: input.child.fullName.toUpperCase(),
        sex: input.child.sex,
        birthPlace: input.child.birthPlace.toUpperCase(),
        birthDate: input.child.birthDate,
        religion: input.child.religion,
        education: EDUCATION_LIST.labelOf(1)!,
        occupation: OCCUPATION_LIST.labelOf(1)!,
        bloodType: BloodType.TIDAK_TAHU,
        maritalStatus: MaritalStatus.BELUM_KAWIN,
        citizenship: Citizenship.WNI,
        fatherName: names.get(input.fatherNik) ?? '',
        motherName: names.get(input.motherNik) ?? '',
      },
      at,
    );
    await writer.join(input.familyCardNumber, childNik, Relationship.ANAK, at);
    await writer.updateFamily(input.familyCardNumber, {}, at);
    return { familyCardNumbers: [input.familyCardNumber], childNik };
  }

  private async formFamily(
    writer: RegistryWriter,
    input: FamilyCardNewInput,
    familyCardNumber: string,
  ): Promise<{ familyCardNumbers: string[] }> {
    const at = new Date();
    await writer.insertFamily(
      familyCardNumber,
      {
        address: input.address,
        rt: input.rt,
        rw: input.rw,
        villageCode: input.villageCode,
        regencyCode: regencyOf(input.villageCode),
        postalCode: input.postalCode,
      },
      at,
    );
    const moving = [
      { nik: input.headNik, relationship: Relationship.KEPALA_KELUARGA as string },
      ...input.members.filter((m) => m.nik !== input.headNik),
    ];
    const left = new Set<string>();
    for (const member of moving) {
      const previous = await writer.leaveCurrentFamily(member.nik, at);
      if (previous) left.add(previous);
      await writer.join(familyCardNumber, member.nik, member.relationship, at);
    }
    // Every family someone left, and that still has members, gets a new print of its card.
    const changed: string[] = [];
    for (const old of left) {
      await writer.updateFamily(old, {}, at);
      if ((await writer.memberCount(old)) > 0) changed.push(old);
    }
    return { familyCardNumbers: [familyCardNumber, ...changed.sort()] };
  }

  private async updateFamily(
    writer: RegistryWriter,
    input: FamilyCardUpdateInput,
  ): Promise<{ familyCardNumbers: string[] }> {
    const at = new Date();
    await writer.updateFamily(
      input.familyCardNumber,
      {
        address: input.address,
        rt: input.rt,
        rw: input.rw,
        villageCode: input.villageCode,
        regencyCode: input.villageCode ? regencyOf(input.villageCode) : undefined,
        postalCode: input.postalCode,
      },
      at,
    );
    for (const change of input.memberChanges ?? []) {
      await writer.updatePerson(
        change.nik,
        {
          education: change.education ? (EDUCATION_LIST.match(change.education) ?? change.education) : undefined,
          occupation: change.occupation ? (OCCUPATION_LIST.match(change.occupation) ?? change.occupation) : undefined,
          maritalStatus: change.maritalStatus,
          marriageDate: change.marriageDate,
        },
        at,
      );
    }
    return { familyCardNumbers: [input.familyCardNumber] };
  }

  private async documentsFor(input: ApplicationInput, applied: AppliedChange): Promise<DocumentToIssue[]> {
    const documents: DocumentToIssue[] = [];
    for (const familyCardNumber of applied.familyCardNumbers) {
      const found = await this.registry.findFamily(familyCardNumber);
      if (found && found.members.length > 0)
        documents.push({ kind: DocumentKind.KARTU_KELUARGA, family: toFamilyView(found) });
    }
    if (input.type === ApplicationType.BIRTH_REGISTRATION && applied.childNik) {
      const [child, father, mother] = await Promise.all(
        [applied.childNik, input.fatherNik, input.motherNik].map((nik) => this.registry.findPerson(nik)),
      );
      if (!child) throw new DomainError('RESIDENT.NOT_FOUND', 'Data anak tidak ditemukan setelah pencatatan');
      documents.push({
        kind: DocumentKind.AKTA_KELAHIRAN,
        birth: {
          childNik: child.nik,
          childName: child.full_name,
          sex: input.child.sex,
          birthDate: input.child.birthDate,
          birthPlace: input.child.birthPlace,
          birthOrder: input.child.birthOrder,
          fatherName: father?.full_name,
          motherName: mother?.full_name ?? child.mother_name,
          registrationDate: todayIso(applied.appliedAt.getTime()),
        },
      });
    }
    return documents;
  }

  private async requireFamily(familyCardNumber: string): Promise<{ villageCode: string }> {
    const found = await this.registry.findFamily(familyCardNumber);
    if (!found) throw new DomainError('FAMILY.NOT_FOUND', 'Kartu Keluarga tidak ditemukan');
    return { villageCode: found.family.village_code };
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

function districtOf(villageCode: string): string {
  return villageCode.split('.').slice(0, 3).join('.');
}

function regencyOf(villageCode: string): string {
  const regency = regionDirectory().regencyOf(villageCode);
  if (!regency) throw new DomainError('REGION.UNKNOWN', 'Desa/kelurahan tidak dikenal');
  return regency.code;
}
