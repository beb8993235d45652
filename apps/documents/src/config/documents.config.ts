import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Max, MaxLength, Min } from 'class-validator';
import { ServiceConfig } from '#lib/platform/core';

/** Environment of the documents service, validated once at start-up. */
export class DocumentsConfig extends ServiceConfig {
  /** Public origin of the deployment: printed in every QR code (`<origin>/verifikasi/<token>`). */
  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_BASE_URL: string = 'http://localhost:3000';

  /**
   * The signing key and certificate (PKCS#12). Required in production; in development and
   * tests a self-signed certificate is created at this path on first start.
   */
  @IsString()
  SIGNING_P12_PATH: string = '.data/dev/signing-certificate.p12';

  @IsOptional()
  @IsString()
  SIGNING_P12_PASSPHRASE?: string;

  /**
   * RFC 3161 time-stamp authority (e.g. BSrE's TSA): when set, every signature carries a
   * time-stamp token over its value (PAdES baseline B-T). Off by default.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  SIGNING_TSA_URL?: string;

  /** Who issued the signing certificate, for the footnote (default: BSrE, BSSN). */
  @IsOptional()
  @IsString()
  @MaxLength(120)
  CERTIFICATE_ISSUER_NAME?: string;

  /**
   * Worker threads that render and sign documents; default one per core, at most four. 0 renders
   * in the service's main thread.
   */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(32)
  @Type(() => Number)
  DOCUMENT_RENDER_WORKERS?: number;

  @IsString()
  @MaxLength(120)
  OFFICIAL_TITLE: string = 'KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL';
}
