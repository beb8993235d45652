import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  FindFamilyByMemberRequest,
  GetFamilyRequest,
  GetPersonsRequest,
  IdentityPatterns,
  ReadFamilyRequest,
  ReadOwnFamilyRequest,
  ReadResidentRequest,
  type FamilyView,
  type PersonRecord,
  type PersonView,
} from '#lib/contracts';
import { RegistryLookupService } from './registry-lookup.service.js';
import { RegistryReadService } from './registry-read.service.js';

@Controller()
export class RegistryHandler {
  constructor(
    private readonly reads: RegistryReadService,
    private readonly lookups: RegistryLookupService,
  ) {}

  @MessagePattern(IdentityPatterns.RESIDENT_READ)
  readResident(@Payload() request: ReadResidentRequest): Promise<PersonView> {
    return this.reads.readResident(request);
  }

  @MessagePattern(IdentityPatterns.FAMILY_READ)
  readFamily(@Payload() request: ReadFamilyRequest): Promise<FamilyView> {
    return this.reads.readFamily(request);
  }

  @MessagePattern(IdentityPatterns.FAMILY_READ_OWN)
  readOwnFamily(@Payload() request: ReadOwnFamilyRequest): Promise<FamilyView> {
    return this.reads.readOwnFamily(request);
  }

  @MessagePattern(IdentityPatterns.PERSONS_GET)
  getPersons(@Payload() request: GetPersonsRequest): Promise<{ items: PersonRecord[] }> {
    return this.lookups.getPersons(request);
  }

  @MessagePattern(IdentityPatterns.FAMILY_GET)
  getFamily(@Payload() request: GetFamilyRequest): Promise<FamilyView> {
    return this.lookups.getFamily(request);
  }

  @MessagePattern(IdentityPatterns.FAMILY_FIND_BY_MEMBER)
  findFamilyByMember(@Payload() request: FindFamilyByMemberRequest): Promise<FamilyView> {
    return this.lookups.findFamilyByMember(request);
  }
}
