import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiResult } from '../docs/api-docs.decorators.js';
import { problemResponses } from '../docs/problems.openapi.js';
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
  @ApiResult(200, 'HealthReport', 'All components are up')
  @ApiResponse({
    ...problemResponses(['SERVICE.UNAVAILABLE'])['503'],
    status: 503,
    description: 'Problem details naming the components that are down (`down`), with every `checks` entry',
  })
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
