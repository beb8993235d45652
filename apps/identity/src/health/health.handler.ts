import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { HealthCheckRequest, ServiceName, type HealthReply, IdentityRpc } from '#lib/contracts';
import { RpcHandler } from '#lib/platform/rpc';
import { ServiceHealth } from '#lib/platform/health';

@Controller()
export class HealthHandler {
  constructor(private readonly health: ServiceHealth) {}

  @RpcHandler(IdentityRpc.HEALTH_CHECK)
  check(@Payload() _request: HealthCheckRequest): Promise<HealthReply> {
    return this.health.report(ServiceName.IDENTITY);
  }
}
