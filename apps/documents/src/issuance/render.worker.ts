import { workerData } from 'node:worker_threads';
import { serveWorkerJobs } from '#lib/platform/workers';
import { documentFonts } from '../rendering/document-fonts.js';
import { DocumentSigner } from '../signing/document.signer.js';
import { TimestampAuthorityClient } from '../signing/timestamp-authority.js';
import type { RenderJob, RenderWorkerSetup } from './render-pool.js';
import { RENDERERS } from './renderers.js';

/**
 * A render worker (render-pool.ts): renders and signs documents in its own thread, so that a
 * service renders on every core and its main thread stays free for the database and NATS. It
 * parses the fonts and the PKCS#12 once, when it starts.
 */
const setup = workerData as RenderWorkerSetup;

const signer = await DocumentSigner.fromPkcs12File(setup.p12Path, setup.passphrase, {
  timestampAuthority: setup.tsaUrl === undefined ? undefined : new TimestampAuthorityClient(setup.tsaUrl),
});
documentFonts();

serveWorkerJobs(async (job: RenderJob): Promise<Uint8Array> => {
  const render = RENDERERS[job.renderer] as (model: unknown) => Promise<Buffer>;
  return signer.sign(await render(job.model), { signingTime: job.signingTime });
});
