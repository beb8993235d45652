import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ApplicationsPatterns, HealthCheckRequest, ServiceName, type HealthReply } from '#lib/contracts';
import { ServiceHealth } from '#lib/platform/health';

@Controller()
export class HealthHandler {
  constructor(private readonly health: ServiceHealth) {}

  @MessagePattern(ApplicationsPatterns.HEALTH_CHECK)
  check(@Payload() _request: HealthCheckRequest): Promise<HealthReply> {
    return this.health.report(ServiceName.APPLICATIONS);
  }
}
