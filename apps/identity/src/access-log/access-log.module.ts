import { Module } from '@nestjs/common';
import { AccessLogHandler } from './access-log.handler.js';
import { AccessLogRepository } from './access-log.repository.js';
import { AccessLogService } from './access-log.service.js';
import { AccessLogWriter } from './access-log.writer.js';

@Module({
  controllers: [AccessLogHandler],
  providers: [AccessLogRepository, AccessLogWriter, AccessLogService],
  exports: [AccessLogService, AccessLogWriter],
})
export class AccessLogModule {}
