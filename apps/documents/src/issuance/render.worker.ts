import { parentPort, workerData } from 'node:worker_threads';
import { documentFonts } from '../rendering/document-fonts.js';
import { DocumentSigner } from '../signing/document.signer.js';
import { TimestampAuthorityClient } from '../signing/timestamp-authority.js';
import type { RenderJob, RenderReply, RenderWorkerSetup } from './render-pool.js';
import { RENDERERS } from './renderers.js';

/**
 * A render worker (render-pool.ts): renders and signs documents in its own thread, so that a
 * service renders on every core and its main thread stays free for the database and NATS. It
 * parses the fonts and the PKCS#12 once, when it starts.
 */
const setup = workerData as RenderWorkerSetup;
const port = parentPort;
if (port === null) throw new Error('render.worker.js runs as a worker thread only');

const signer = await DocumentSigner.fromPkcs12File(setup.p12Path, setup.passphrase, {
  timestampAuthority: setup.tsaUrl === undefined ? undefined : new TimestampAuthorityClient(setup.tsaUrl),
});
documentFonts();

port.on('message', (job: RenderJob) => {
  void (async (): Promise<RenderReply> => {
    try {
      const render = RENDERERS[job.renderer] as (model: unknown) => Promise<Buffer>;
      const pdf = await signer.sign(await render(job.model), { signingTime: job.signingTime });
      return { id: job.id, pdf };
    } catch (error) {
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      return { id: job.id, error: { name, message } };
    }
  })().then((reply) => port.postMessage(reply));
});
port.postMessage({ ready: true });
