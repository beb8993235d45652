import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { STAFF_ROLES, type Role } from '#lib/domain';
import { Public } from '../auth/auth.decorators.js';
import { TokenVerifier } from '../auth/token-verifier.js';
import { ApiResult } from '../docs/api-docs.decorators.js';
import { problemResponses } from '../docs/problems.openapi.js';
import { PROBLEM_CONTENT_TYPE } from '../http/problem.js';
import { HealthService, type HealthReport } from './health.service.js';

const STAFF: readonly Role[] = STAFF_ROLES;

/**
 * `GET /health`: 200 when everything is up, 503 when a part is down (API.md). The public sees
 * the status only; which part is down and its error text go to staff (any staff token) and to
 * the internal port (`METRICS_PORT`/health), never to the public (issue #13): a database or
 * NATS error message names hosts, users and versions.
 */
@ApiTags('Health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthService,
    private readonly tokens: TokenVerifier,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Up or down: the gateway, NATS, every service and every database',
    description:
      'Anyone gets `{ status }`. With a staff access token (CLERK, OFFICIAL, ADMIN) the answer also names every component (`checks`, `down`); the same details are on the internal port (`METRICS_PORT`, `/health`).',
  })
  @ApiResult(200, 'HealthReport', 'All components are up (`checks` and `down` for staff only)')
  @ApiResponse({
    ...problemResponses(['SERVICE.UNAVAILABLE'])['503'],
    status: 503,
    description:
      'Problem details; for staff also naming the components that are down (`down`) with every `checks` entry',
  })
  async check(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<HealthReport | object> {
    const [report, staff] = await Promise.all([this.health.check(), this.isStaff(authorization)]);
    const shown = staff ? report : { status: report.status };
    if (report.status === 'up') return shown;
    void reply.status(503).header('content-type', PROBLEM_CONTENT_TYPE);
    return {
      ...shown,
      type: 'urn:disdukcapil:problem:service.unavailable',
      title: 'Layanan sedang tidak tersedia',
      status: 503,
      detail: staff ? `Tidak tersedia: ${report.down.join(', ')}` : 'Layanan sedang tidak tersedia; silakan coba lagi',
      code: 'SERVICE.UNAVAILABLE',
      errors: [],
    };
  }

  /** A valid staff token shows the details; anything else (none, bad, expired, a resident) does not. */
  private async isStaff(authorization: string | undefined): Promise<boolean> {
    const match =
      typeof authorization === 'string' ? /^bearer\s+([A-Za-z0-9._~+/-]+=*)$/i.exec(authorization.trim()) : null;
    if (match === null) return false;
    try {
      return STAFF.includes((await this.tokens.verify(match[1])).role);
    } catch {
      return false;
    }
  }
}
