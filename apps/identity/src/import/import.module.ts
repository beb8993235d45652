import { Module } from '@nestjs/common';
import { ChunkChecker } from './chunk-checker.js';
import { ImportHandler } from './import.handler.js';
import { ImportRepository } from './import.repository.js';
import { ImportService } from './import.service.js';

@Module({
  controllers: [ImportHandler],
  providers: [ChunkChecker, ImportRepository, ImportService],
})
export class ImportModule {}
