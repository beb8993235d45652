import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  FindFamilyByMemberRequest,
  GetFamilyRequest,
  GetPersonsRequest,
  ReadFamilyRequest,
  ReadOwnFamilyRequest,
  ReadResidentRequest,
  type FamilyView,
  type PersonRecord,
  type PersonView,
  IdentityRpc,
} from '#lib/contracts';
import { RpcHandler } from '#lib/platform/rpc';
import { RegistryLookupService } from './registry-lookup.service.js';
import { RegistryReadService } from './registry-read.service.js';

@Controller()
export class RegistryHandler {
  constructor(
    private readonly reads: RegistryReadService,
    private readonly lookups: RegistryLookupService,
  ) {}

  @RpcHandler(IdentityRpc.RESIDENT_READ)
  readResident(@Payload() request: ReadResidentRequest): Promise<PersonView> {
    return this.reads.readResident(request);
  }

  @RpcHandler(IdentityRpc.FAMILY_READ)
  readFamily(@Payload() request: ReadFamilyRequest): Promise<FamilyView> {
    return this.reads.readFamily(request);
  }

  @RpcHandler(IdentityRpc.FAMILY_READ_OWN)
  readOwnFamily(@Payload() request: ReadOwnFamilyRequest): Promise<FamilyView> {
    return this.reads.readOwnFamily(request);
  }

  @RpcHandler(IdentityRpc.PERSONS_GET)
  getPersons(@Payload() request: GetPersonsRequest): Promise<{ items: PersonRecord[] }> {
    return this.lookups.getPersons(request);
  }

  @RpcHandler(IdentityRpc.FAMILY_GET)
  getFamily(@Payload() request: GetFamilyRequest): Promise<FamilyView> {
    return this.lookups.getFamily(request);
  }

  @RpcHandler(IdentityRpc.FAMILY_FIND_BY_MEMBER)
  findFamilyByMember(@Payload() request: FindFamilyByMemberRequest): Promise<FamilyView> {
    return this.lookups.findFamilyByMember(request);
  }
}
