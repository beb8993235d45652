import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, APP_LOGGER, type AppLogger } from '#lib/platform/core';
import type { DocumentsConfig } from '../config/documents.config.js';
import type { IssuanceDetails } from '../rendering/document-models.js';
import { ensureDevCertificate } from '../signing/dev-certificate.js';
import { DocumentSigner } from '../signing/document.signer.js';
import { TimestampAuthorityClient } from '../signing/timestamp-authority.js';

const DEV_PASSPHRASE = 'dev-only-passphrase';
const DEV_SUBJECT = 'Disdukcapil Kabupaten Ogan Komering Ilir (DEV)';

/**
 * Renders and signs. The PKCS#12 is read and parsed once at start-up (parsing it per document
 * costs most of the time); outside production a self-signed development certificate is made
 * at the configured path on first start, shared by replicas that share that path.
 */
@Injectable()
export class SignedPdfFactory implements OnModuleInit {
  private signer?: DocumentSigner;
  private footnoteIssuer?: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: DocumentsConfig,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {}

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
    const pdf = await render({ ...model, certificateIssuer: model.certificateIssuer ?? this.footnoteIssuer });
    return this.sign(pdf, signingTime);
  }

  private sign(pdf: Buffer, signingTime: Date): Promise<Buffer> {
    if (!this.signer) throw new Error('The signing certificate is not loaded yet');
    return this.signer.sign(pdf, { signingTime });
  }
}
