import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, APP_LOGGER, type AppLogger } from '#lib/platform/core';
import { BackgroundStart } from '#lib/platform/workers';
import type { DocumentsConfig } from '../config/documents.config.js';
import type { IssuanceDetails } from '../rendering/document-models.js';
import { ensureDevCertificate } from '../signing/dev-certificate.js';
import { DocumentSigner } from '../signing/document.signer.js';
import { TimestampAuthorityClient } from '../signing/timestamp-authority.js';
import { RenderPool } from './render-pool.js';
import { rendererName } from './renderers.js';

const DEV_PASSPHRASE = 'dev-only-passphrase';
const DEV_SUBJECT = 'Disdukcapil Kabupaten Ogan Komering Ilir (DEV)';

/** The compiled worker; absent when the service runs from its TypeScript sources (jest). */
const RENDER_WORKER = new URL('./render.worker.js', import.meta.url);

/**
 * Renders and signs. The PKCS#12 is read and parsed once at start-up (parsing it per document
 * costs most of the time); outside production a self-signed development certificate is made
 * at the configured path on first start, shared by replicas that share that path. Rendering
 * and signing run in worker threads (`DOCUMENT_RENDER_WORKERS`, by default one per core up to
 * four), in this thread when there are none.
 */
@Injectable()
export class SignedPdfFactory implements OnModuleInit, OnApplicationShutdown {
  private signer?: DocumentSigner;
  private footnoteIssuer?: string;
  private readonly workers: BackgroundStart<RenderPool>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: DocumentsConfig,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {
    this.workers = new BackgroundStart(logger, 'Render workers');
  }

  async onModuleInit(): Promise<void> {
    const production = this.config.NODE_ENV === 'production';
    const passphrase = this.config.SIGNING_P12_PASSPHRASE ?? (production ? undefined : DEV_PASSPHRASE);
    if (passphrase === undefined) {
      throw new Error('SIGNING_P12_PASSPHRASE is required in production (with SIGNING_P12_PATH)');
    }
    if (!production && (await ensureDevCertificate(this.config.SIGNING_P12_PATH, passphrase, DEV_SUBJECT))) {
      this.logger.warn({ path: this.config.SIGNING_P12_PATH }, 'Created a self-signed development signing certificate');
    }
    const tsaUrl = this.config.SIGNING_TSA_URL;
    const timestampAuthority = tsaUrl === undefined ? undefined : new TimestampAuthorityClient(tsaUrl);
    this.signer = await DocumentSigner.fromPkcs12File(this.config.SIGNING_P12_PATH, passphrase, {
      timestampAuthority,
    });
    const certificate = this.signer.certificate;
    // The footnote must not claim BSrE for a certificate BSrE did not issue.
    this.footnoteIssuer =
      this.config.CERTIFICATE_ISSUER_NAME ?? (certificate.selfSigned ? certificate.issuerName : undefined);
    this.logger.info(
      {
        subject: certificate.subjectName,
        validTo: certificate.validTo.toISOString(),
        selfSigned: certificate.selfSigned,
        // Without the credentials the URL may carry.
        timestampAuthority: timestampAuthority?.url ?? null,
      },
      'Signing certificate loaded',
    );
    // In the background: the service is ready meanwhile and renders in this thread until they are.
    this.startWorkers(passphrase);
  }

  private startWorkers(passphrase: string): void {
    const size = this.config.DOCUMENT_RENDER_WORKERS ?? Math.min(4, availableParallelism());
    if (size === 0 || !existsSync(fileURLToPath(RENDER_WORKER))) return;
    const pool = new RenderPool(
      RENDER_WORKER,
      size,
      { p12Path: this.config.SIGNING_P12_PATH, passphrase, tsaUrl: this.config.SIGNING_TSA_URL },
      (error) => this.logger.warn({ err: error }, 'A render worker stopped; starting another'),
    );
    this.workers.start(pool, size);
  }

  onApplicationShutdown(): Promise<void> {
    return this.workers.close();
  }

  /**
   * Renders a document with the TTE footnote naming this certificate's issuer (unless the model
   * names one) and signs it.
   */
  async signed<M extends IssuanceDetails>(
    render: (model: M) => Promise<Buffer>,
    model: M,
    signingTime: Date,
  ): Promise<Buffer> {
    const complete = { ...model, certificateIssuer: model.certificateIssuer ?? this.footnoteIssuer };
    const name = rendererName(render);
    // While a dead worker is being replaced and none is left, this thread renders.
    const pool = this.workers.current;
    if (pool !== undefined && name) return pool.run(name, complete, signingTime);
    const pdf = await render(complete);
    return this.sign(pdf, signingTime);
  }

  private sign(pdf: Buffer, signingTime: Date): Promise<Buffer> {
    if (!this.signer) throw new Error('The signing certificate is not loaded yet');
    return this.signer.sign(pdf, { signingTime });
  }
}
