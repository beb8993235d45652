import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators.js';
import { PROBLEM_CONTENT_TYPE } from '../http/problem.js';
import { HealthService, type HealthReport } from './health.service.js';

@ApiTags('Health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Gateway, NATS, every service and every database: up or down' })
  @ApiOkResponse({ description: 'All components are up' })
  @ApiServiceUnavailableResponse({ description: 'Problem details naming the components that are down (`down`)' })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport | object> {
    const report = await this.health.check();
    if (report.status === 'up') return report;
    void reply.status(503).header('content-type', PROBLEM_CONTENT_TYPE);
    return {
      ...report,
      type: 'urn:disdukcapil:problem:service.unavailable',
      title: 'Layanan sedang tidak tersedia',
      status: 503,
      detail: `Tidak tersedia: ${report.down.join(', ')}`,
      code: 'SERVICE.UNAVAILABLE',
      errors: [],
    };
  }
}
