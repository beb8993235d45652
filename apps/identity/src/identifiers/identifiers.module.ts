import { Module } from '@nestjs/common';
import { IdentifierHandler } from './identifier.handler.js';
import { IdentifierRepository } from './identifier.repository.js';
import { IdentifierService } from './identifier.service.js';

@Module({
  controllers: [IdentifierHandler],
  providers: [IdentifierRepository, IdentifierService],
  exports: [IdentifierService],
})
export class IdentifiersModule {}
