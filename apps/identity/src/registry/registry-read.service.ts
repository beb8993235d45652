import { Injectable } from '@nestjs/common';
import {
  AccessActorType,
  PERSON_FIELDS,
  type FamilyView,
  type PersonView,
  type Principal,
  type ReadFamilyRequest,
  type ReadOwnFamilyRequest,
  type ReadResidentRequest,
} from '#lib/contracts';
import { adminMayManage, DomainError, Role } from '#lib/domain';
import { AccessLogService } from '../access-log/access-log.service.js';
import { toFamilyView, toPersonView } from './registry.mapper.js';
import { RegistryRepository } from './registry.repository.js';

const STAFF_ROLES: readonly Role[] = [Role.CLERK, Role.OFFICIAL, Role.ADMIN];
const STAFF_READ_PURPOSE = 'Pelayanan administrasi kependudukan oleh petugas Disdukcapil';

function residentNotFound(): DomainError {
  return new DomainError('RESIDENT.NOT_FOUND', 'Data penduduk tidak ditemukan');
}

function familyNotFound(): DomainError {
  return new DomainError('FAMILY.NOT_FOUND', 'Data keluarga tidak ditemukan');
}

function isStaff(principal: Principal): boolean {
  return STAFF_ROLES.includes(principal.role);
}

/**
 * Staff read the registry of their own regency; an ADMIN reads within its scope (a
 * deployment-wide ADMIN everywhere: libs/domain `adminMayManage`).
 */
function staffMayRead(principal: Principal, regencyCode: string | null): boolean {
  if (!isStaff(principal) || regencyCode === null) return false;
  if (principal.role === Role.ADMIN) return adminMayManage(principal, regencyCode);
  return regencyCode === principal.regencyCode;
}

/**
 * Reads of the registry on behalf of a caller, with the region and family rules: staff see the
 * people and families of their own regency (and each read is logged for the people read);
 * residents see their own family. Anything else is "not found", never "forbidden", so that a
 * read cannot tell whether a record exists.
 */
@Injectable()
export class RegistryReadService {
  constructor(
    private readonly registry: RegistryRepository,
    private readonly accessLog: AccessLogService,
  ) {}

  /** `GET /residents/{nik}`. */
  async readResident({ principal, nik }: ReadResidentRequest): Promise<PersonView> {
    if (!isStaff(principal)) throw residentNotFound();
    const person = await this.registry.findPerson(nik);
    if (person === undefined || !staffMayRead(principal, person.regency_code)) throw residentNotFound();
    await this.accessLog.record({
      subjectNiks: [person.nik],
      actorType: AccessActorType.STAFF,
      actorId: principal.accountId,
      purpose: STAFF_READ_PURPOSE,
      fields: PERSON_FIELDS,
      endpoint: 'GET /residents/{nik}',
    });
    return toPersonView(person);
  }

  /** `GET /families/{familyCardNumber}`: staff of its regency, or a resident who is a member. */
  async readFamily({ principal, familyCardNumber }: ReadFamilyRequest): Promise<FamilyView> {
    const found = await this.registry.findFamily(familyCardNumber);
    if (found === undefined) throw familyNotFound();
    if (principal.role === Role.RESIDENT) {
      if (!found.members.some((member) => member.nik === principal.nik)) throw familyNotFound();
      return toFamilyView(found);
    }
    if (!staffMayRead(principal, found.family.regency_code)) throw familyNotFound();
    await this.accessLog.record({
      subjectNiks: found.members.map((member) => member.nik),
      actorType: AccessActorType.STAFF,
      actorId: principal.accountId,
      purpose: STAFF_READ_PURPOSE,
      fields: PERSON_FIELDS,
      endpoint: 'GET /families/{familyCardNumber}',
    });
    return toFamilyView(found);
  }

  /** `GET /me/family`. */
  async readOwnFamily({ principal }: ReadOwnFamilyRequest): Promise<FamilyView> {
    if (principal.role !== Role.RESIDENT || principal.nik === undefined) throw familyNotFound();
    const familyCardNumber = await this.registry.findCurrentFamilyNumber(principal.nik);
    if (familyCardNumber === undefined) throw familyNotFound();
    const found = await this.registry.findFamily(familyCardNumber);
    if (found === undefined) throw familyNotFound();
    return toFamilyView(found);
  }
}
