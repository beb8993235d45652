import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  FinishImportRequest,
  IdentityPatterns,
  ImportChunkRequest,
  ListImportRejectionsRequest,
  StartImportRequest,
  type FinishImportReply,
  type ImportChunkReply,
  type ListImportRejectionsReply,
  type StartImportReply,
} from '#lib/contracts';
import { ImportService } from './import.service.js';

@Controller()
export class ImportHandler {
  constructor(private readonly imports: ImportService) {}

  @MessagePattern(IdentityPatterns.IMPORT_START)
  start(@Payload() request: StartImportRequest): Promise<StartImportReply> {
    return this.imports.start(request);
  }

  @MessagePattern(IdentityPatterns.IMPORT_CHUNK)
  chunk(@Payload() request: ImportChunkRequest): Promise<ImportChunkReply> {
    return this.imports.chunk(request);
  }

  @MessagePattern(IdentityPatterns.IMPORT_FINISH)
  finish(@Payload() request: FinishImportRequest): Promise<FinishImportReply> {
    return this.imports.finish(request);
  }

  @MessagePattern(IdentityPatterns.IMPORT_REJECTION_LIST)
  rejections(@Payload() request: ListImportRejectionsRequest): Promise<ListImportRejectionsReply> {
    return this.imports.rejections(request);
  }
}
