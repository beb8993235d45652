import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { ATTACHMENT_MAX_BYTES } from '#lib/contracts';
import { ApplicationAttachmentsService } from './application-attachments.service.js';
import { ApplicationsController } from './applications.controller.js';

/** Residents apply, staff work their regency's queue, evidence comes and goes as files. */
@Module({
  controllers: [ApplicationsController],
  providers: [ApplicationAttachmentsService],
})
export class ApplicationsModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /**
   * Multipart forms for evidence uploads. A file over the limit is not an error while it is read
   * (`throwFileSizeLimit: false`): the application's owner and status are checked first, so a
   * stranger learns nothing from a 413.
   */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    if (!fastify.hasContentTypeParser('multipart/form-data')) {
      void fastify.register(multipart, {
        throwFileSizeLimit: false,
        limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 4, fieldSize: 1024, parts: 6 },
      });
    }
  }
}
