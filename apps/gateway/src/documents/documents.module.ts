import { Module } from '@nestjs/common';
import { DocumentDownloadService } from './document-download.service.js';
import { DocumentsController } from './documents.controller.js';
import { VerificationPageController } from './verification-page.controller.js';

@Module({
  controllers: [DocumentsController, VerificationPageController],
  providers: [DocumentDownloadService],
})
export class DocumentsModule {}
