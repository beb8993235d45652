import { ServiceConfig } from '#lib/platform';

/** Environment of the documents service, validated once at start-up. */
export class DocumentsConfig extends ServiceConfig {}
