import { Inject, Injectable } from '@nestjs/common';
import {
  ApplicationsPatterns,
  ComponentStatus,
  DocumentsPatterns,
  IdentityPatterns,
  ServiceName,
  type ComponentHealth,
  type HealthReply,
} from '#lib/contracts';
import { APP_CONFIG } from '#lib/platform/core';
import type { GatewayConfig } from '../config/gateway.config.js';
import { ServiceClient } from '../nats/service-client.js';

const CHECKS: ReadonlyArray<readonly [ServiceName, string]> = [
  [ServiceName.IDENTITY, IdentityPatterns.HEALTH_CHECK],
  [ServiceName.APPLICATIONS, ApplicationsPatterns.HEALTH_CHECK],
  [ServiceName.DOCUMENTS, DocumentsPatterns.HEALTH_CHECK],
];

export interface HealthReport {
  status: ComponentStatus;
  checks: Record<string, ComponentHealth>;
  down: string[];
}

/**
 * Asks NATS and, through it, every service and its database how they are, all at once and
 * each within a deadline, so a dead part is named within seconds instead of hanging the check.
 */
@Injectable()
export class HealthService {
  constructor(
    private readonly services: ServiceClient,
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async check(): Promise<HealthReport> {
    const checks: Record<string, ComponentHealth> = { gateway: { status: ComponentStatus.UP } };
    const started = performance.now();
    let natsUp = true;
    try {
      await this.services.ensureConnected(this.config.HEALTH_TIMEOUT_MS);
      checks['nats'] = { status: ComponentStatus.UP, latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      natsUp = false;
      checks['nats'] = { status: ComponentStatus.DOWN, error: error instanceof Error ? error.message : 'unreachable' };
    }
    const replies = await Promise.all(CHECKS.map(([service, subject]) => this.checkService(service, subject, natsUp)));
    for (const [service, health, database] of replies) {
      checks[service] = health;
      checks[`${service}.database`] = database;
    }
    const down = Object.entries(checks)
      .filter(([, health]) => health.status === ComponentStatus.DOWN)
      .map(([name]) => name);
    return { status: down.length === 0 ? ComponentStatus.UP : ComponentStatus.DOWN, checks, down };
  }

  private async checkService(
    service: ServiceName,
    subject: string,
    natsUp: boolean,
  ): Promise<readonly [string, ComponentHealth, ComponentHealth]> {
    if (!natsUp) {
      const unknown = { status: ComponentStatus.DOWN, error: 'not reachable: NATS is down' };
      return [service, unknown, unknown];
    }
    const started = performance.now();
    try {
      const reply = await this.services.request<HealthReply>(subject, {}, this.config.HEALTH_TIMEOUT_MS);
      return [
        service,
        { status: ComponentStatus.UP, latencyMs: Math.round(performance.now() - started) },
        reply.database,
      ];
    } catch (error) {
      const message = error instanceof Error ? error.message : 'unreachable';
      return [
        service,
        { status: ComponentStatus.DOWN, error: message },
        { status: ComponentStatus.DOWN, error: 'not reachable: service is down' },
      ];
    }
  }
}
