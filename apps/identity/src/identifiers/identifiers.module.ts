import { Module } from '@nestjs/common';
import { IdentifierRepository } from './identifier.repository.js';
import { IdentifierService } from './identifier.service.js';

@Module({
  providers: [IdentifierRepository, IdentifierService],
  exports: [IdentifierService],
})
export class IdentifiersModule {}
