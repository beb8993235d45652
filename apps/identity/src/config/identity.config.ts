import { ServiceConfig } from '#lib/platform';

/** Environment of the identity service, validated once at start-up. */
export class IdentityConfig extends ServiceConfig {}
