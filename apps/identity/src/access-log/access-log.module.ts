import { Module } from '@nestjs/common';
import { AccessLogHandler } from './access-log.handler.js';
import { AccessLogRepository } from './access-log.repository.js';
import { AccessLogService } from './access-log.service.js';

@Module({
  controllers: [AccessLogHandler],
  providers: [AccessLogRepository, AccessLogService],
  exports: [AccessLogService],
})
export class AccessLogModule {}
