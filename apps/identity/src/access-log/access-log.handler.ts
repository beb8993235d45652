import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IdentityPatterns, ListAccessLogRequest, type AccessLogItem, type Page } from '#lib/contracts';
import { AccessLogService } from './access-log.service.js';

@Controller()
export class AccessLogHandler {
  constructor(private readonly accessLog: AccessLogService) {}

  @MessagePattern(IdentityPatterns.ACCESS_LOG_LIST)
  list(@Payload() request: ListAccessLogRequest): Promise<Page<AccessLogItem>> {
    return this.accessLog.listOwn(request);
  }
}
