import { ServiceConfig } from '#lib/platform/core';

/** Environment of the applications service, validated once at start-up. */
export class ApplicationsConfig extends ServiceConfig {}
