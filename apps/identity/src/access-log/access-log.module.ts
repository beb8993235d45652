import { Module } from '@nestjs/common';
import { AccessLogHandler } from './access-log.handler.js';
import { AccessLogRepository } from './access-log.repository.js';
import { AccessLogService } from './access-log.service.js';
import { AccessLogWriter } from './access-log.writer.js';

@Module({
  controllers: [AccessLogHandler],
  providers: [AccessLogRepository, AccessLogWriter, AccessLogService],
  // The repository too: the anchor service (in the root, beside the JetStream connection) reads the head.
  exports: [AccessLogService, AccessLogWriter, AccessLogRepository],
})
export class AccessLogModule {}
