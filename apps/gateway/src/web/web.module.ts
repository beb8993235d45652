import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { RegionsController } from './regions.controller.js';
import { registerWebApp } from './web-app.js';

/** The web pages (resident portal, staff console) at `/`, and the region lists their forms use. */
@Module({ controllers: [RegionsController] })
export class WebModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  async onModuleInit(): Promise<void> {
    await registerWebApp(this.adapterHost.httpAdapter.getInstance<FastifyInstance>());
  }
}
