import { installIdnAreaRegions } from '#lib/platform/regions';
import { serveWorkerJobs } from '#lib/platform/workers';
import { checkChunk } from './chunk-check.js';

/**
 * A worker thread of identity's import (chunk-checker.ts): reads and checks chunks of an upload,
 * so that an import uses every core and identity's main thread stays free for the agencies'
 * checks, NATS and the database while it runs. It loads the region directory (village codes,
 * SIAK's names) once, as the service does.
 */
installIdnAreaRegions();
serveWorkerJobs(checkChunk);
