import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  ListAccessLogRequest,
  RecordStaffReadRequest,
  type AccessLogItem,
  type Page,
  type RecordStaffReadReply,
  IdentityRpc,
} from '#lib/contracts';
import { RpcHandler } from '#lib/platform/rpc';
import { AccessLogService } from './access-log.service.js';

@Controller()
export class AccessLogHandler {
  constructor(private readonly accessLog: AccessLogService) {}

  @RpcHandler(IdentityRpc.ACCESS_LOG_LIST)
  list(@Payload() request: ListAccessLogRequest): Promise<Page<AccessLogItem>> {
    return this.accessLog.listOwn(request);
  }

  @RpcHandler(IdentityRpc.ACCESS_LOG_RECORD_STAFF_READ)
  recordStaffRead(@Payload() request: RecordStaffReadRequest): Promise<RecordStaffReadReply> {
    return this.accessLog.recordStaffRead(request);
  }
}
