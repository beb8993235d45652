import { Inject, Injectable } from '@nestjs/common';
import type { HealthReply } from '#lib/contracts';
import { DatabaseHealth } from '../database/database.module.js';
import { APP_CONFIG } from '../platform.tokens.js';
import type { BaseConfig } from '../config/base.config.js';
import { hostname } from 'node:os';

/** What a service replica answers to the gateway's health check: itself, and its database. */
@Injectable()
export class ServiceHealth {
  private readonly instance: string;

  constructor(
    private readonly database: DatabaseHealth,
    @Inject(APP_CONFIG) config: BaseConfig,
  ) {
    this.instance = config.INSTANCE_ID ?? `${hostname()}:${process.pid}`;
  }

  async report(service: string): Promise<HealthReply> {
    return { service, instance: this.instance, database: await this.database.check() };
  }
}
