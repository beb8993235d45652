import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DocumentsPatterns, HealthCheckRequest, ServiceName, type HealthReply } from '#lib/contracts';
import { ServiceHealth } from '#lib/platform/health';

@Controller()
export class HealthHandler {
  constructor(private readonly health: ServiceHealth) {}

  @MessagePattern(DocumentsPatterns.HEALTH_CHECK)
  check(@Payload() _request: HealthCheckRequest): Promise<HealthReply> {
    return this.health.report(ServiceName.DOCUMENTS);
  }
}
