import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  FinishImportRequest,
  ImportChunkRequest,
  ListImportRejectionsRequest,
  StartImportRequest,
  type FinishImportReply,
  type ImportChunkReply,
  type ListImportRejectionsReply,
  type StartImportReply,
  IdentityRpc,
} from '#lib/contracts';
import { RpcHandler } from '#lib/platform/rpc';
import { ImportService } from './import.service.js';

@Controller()
export class ImportHandler {
  constructor(private readonly imports: ImportService) {}

  @RpcHandler(IdentityRpc.IMPORT_START)
  start(@Payload() request: StartImportRequest): Promise<StartImportReply> {
    return this.imports.start(request);
  }

  @RpcHandler(IdentityRpc.IMPORT_CHUNK)
  chunk(@Payload() request: ImportChunkRequest): Promise<ImportChunkReply> {
    return this.imports.chunk(request);
  }

  @RpcHandler(IdentityRpc.IMPORT_FINISH)
  finish(@Payload() request: FinishImportRequest): Promise<FinishImportReply> {
    return this.imports.finish(request);
  }

  @RpcHandler(IdentityRpc.IMPORT_REJECTION_LIST)
  rejections(@Payload() request: ListImportRejectionsRequest): Promise<ListImportRejectionsReply> {
    return this.imports.rejections(request);
  }
}
