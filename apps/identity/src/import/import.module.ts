import { Module } from '@nestjs/common';
import { ImportHandler } from './import.handler.js';
import { ImportRepository } from './import.repository.js';
import { ImportService } from './import.service.js';

@Module({
  controllers: [ImportHandler],
  providers: [ImportRepository, ImportService],
})
export class ImportModule {}
