import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { FamiliesController } from './families.controller.js';
import { MeRegistryController } from './me-registry.controller.js';
import { ResidentsImportController } from './residents-import.controller.js';
import { ResidentsImportService } from './residents-import.service.js';
import { ResidentsController } from './residents.controller.js';

/** Reads of the population registry, and its CSV import. */
@Module({
  controllers: [ResidentsController, FamiliesController, MeRegistryController, ResidentsImportController],
  providers: [ResidentsImportService],
})
export class RegistryModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /**
   * `text/csv` bodies are handed to the import controller as the raw stream, unread: the file
   * is forwarded chunk by chunk, so its size is not limited by the JSON body limit.
   */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    if (!fastify.hasContentTypeParser('text/csv')) {
      fastify.addContentTypeParser('text/csv', (_request, payload, done) => done(null, payload));
    }
  }
}
