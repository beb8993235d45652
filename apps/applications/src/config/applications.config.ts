import { ServiceConfig } from '#lib/platform';

/** Environment of the applications service, validated once at start-up. */
export class ApplicationsConfig extends ServiceConfig {}
