import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { APP_CONFIG } from '#lib/platform/core';
import type { GatewayConfig } from '../config/gateway.config.js';
import { RegionsController } from './regions.controller.js';
import { registerWebApp } from './web-app.js';

/** The web pages (resident portal, staff console) at `/`, and the region lists their forms use. */
@Module({ controllers: [RegionsController] })
export class WebModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    // Only in development are the pages rebuilt under a running gateway (`vite build --watch`).
    await registerWebApp(this.adapterHost.httpAdapter.getInstance<FastifyInstance>(), undefined, {
      watch: this.config.NODE_ENV === 'development',
    });
  }
}
