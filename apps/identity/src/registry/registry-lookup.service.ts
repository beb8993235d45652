import { Injectable } from '@nestjs/common';
import type {
  FamilyView,
  FindFamilyByMemberRequest,
  GetFamilyRequest,
  GetPersonsRequest,
  PersonRecord,
} from '#lib/contracts';
import { DomainError } from '#lib/domain';
import { toFamilyView, toPersonRecord } from './registry.mapper.js';
import { RegistryRepository } from './registry.repository.js';

/**
 * Lookups for the other services (applications check NIKs and families, documents print KKs).
 * They act for the system, not for a person, so nothing is written to the access log: the
 * service that shows data to staff logs that read where it happens.
 */
@Injectable()
export class RegistryLookupService {
  constructor(private readonly registry: RegistryRepository) {}

  async getPersons({ niks }: GetPersonsRequest): Promise<{ items: PersonRecord[] }> {
    const rows = await this.registry.findPeople([...new Set(niks)]);
    return { items: rows.map(toPersonRecord) };
  }

  async getFamily({ familyCardNumber, asOf }: GetFamilyRequest): Promise<FamilyView> {
    const found = await this.registry.findFamily(familyCardNumber, asOf === undefined ? undefined : new Date(asOf));
    if (found === undefined) throw new DomainError('FAMILY.NOT_FOUND', 'Data keluarga tidak ditemukan');
    return toFamilyView(found);
  }

  async findFamilyByMember({ nik }: FindFamilyByMemberRequest): Promise<FamilyView> {
    const familyCardNumber = await this.registry.findCurrentFamilyNumber(nik);
    const found = familyCardNumber === undefined ? undefined : await this.registry.findFamily(familyCardNumber);
    if (found === undefined) throw new DomainError('FAMILY.NOT_FOUND', 'Penduduk ini tidak terdaftar dalam keluarga');
    return toFamilyView(found);
  }
}
