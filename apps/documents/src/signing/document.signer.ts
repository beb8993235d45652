import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import forge from 'node-forge';
import { CmsError, CmsSignedDataBuilder } from './cms-signed-data.js';
import { TIMESTAMP_TOKEN_ALLOWANCE, type TimestampAuthorityClient, TimestampError } from './timestamp-authority.js';

/**
 * Electronic signature (TTE) of issued documents: an invisible PAdES signature (CMS detached,
 * ETSI.CAdES.detached) over the whole PDF, with the key and certificate of the deployment's
 * PKCS#12 file. The file is parsed once; a signature then costs a hash and one private-key
 * operation, not a PKCS#12 decryption (which alone limits a process to ~10 documents a second).
 * With a time-stamp authority configured the signature value is time-stamped (RFC 3161) and the
 * token embedded: PAdES baseline B-T, whose time a verifier need not take from us.
 */

export class SigningError extends Error {
  override readonly name = 'SigningError';
}

export interface SignatureDetails {
  /** The issuance time; recorded as the signing time (/M of the signature). */
  signingTime: Date;
  /** /Reason; defaults to the issuance of a population document. */
  reason?: string;
  /** /Location, e.g. the issuing office's town: `Kayuagung`. */
  location?: string;
  /** /Name; defaults to the certificate's common name. */
  signerName?: string;
  contactInfo?: string;
}

export interface SigningCertificate {
  /** Common name of the subject: `Disdukcapil Kabupaten Ogan Komering Ilir (DEV)`. */
  subjectName: string;
  /** Common name (or organisation) of the issuer, for the TTE footnote. */
  issuerName: string;
  serialNumber: string;
  validFrom: Date;
  validTo: Date;
  /** SHA-256 fingerprint, `AB:CD:...`. */
  fingerprint256: string;
  selfSigned: boolean;
}

export const DEFAULT_SIGNATURE_REASON = 'Penerbitan dokumen kependudukan secara elektronik';

export interface DocumentSignerOptions {
  /** RFC 3161 time-stamp authority; none (PAdES B-B) by default. */
  timestampAuthority?: TimestampAuthorityClient;
}

/** Connects @signpdf to our CMS builder (it hands over the PDF with the placeholder cut out). */
class CmsSigner extends Signer {
  constructor(
    private readonly cms: CmsSignedDataBuilder,
    private readonly tsa: TimestampAuthorityClient | undefined,
  ) {
    super();
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    const tsa = this.tsa;
    if (tsa === undefined) return this.cms.sign(pdfBuffer);
    try {
      return await this.cms.signTimestamped(pdfBuffer, { timestamp: (value) => tsa.timestamp(value) });
    } catch (error) {
      if (error instanceof TimestampError) throw new SigningError(error.message);
      throw error;
    }
  }
}

function commonName(certificate: X509Certificate, part: 'subject' | 'issuer'): string {
  const lines = certificate[part].split('\n');
  const pick = (key: string) => lines.find((line) => line.startsWith(`${key}=`))?.slice(key.length + 1);
  return pick('CN') ?? pick('O') ?? certificate[part];
}

function toDer(asn1: forge.asn1.Asn1): Buffer {
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

interface Pkcs12Contents {
  privateKey: KeyObject;
  certificates: Buffer[];
}

function readPkcs12(p12: Buffer, passphrase: string): Pkcs12Contents {
  let pkcs12: forge.pkcs12.Pkcs12Pfx;
  try {
    pkcs12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), false, passphrase);
  } catch (error) {
    throw new SigningError(`Cannot open the signing PKCS#12 file (wrong passphrase or not PKCS#12): ${String(error)}`);
  }
  const keyBags = [
    ...(pkcs12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []),
    ...(pkcs12.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
  ];
  const keys = keyBags.map((bag) => {
    // forge decodes RSA keys only; any other PrivateKeyInfo is handed to Node's crypto as it is.
    const keyInfo = bag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key)) : bag.asn1;
    return createPrivateKey({ key: toDer(keyInfo), format: 'der', type: 'pkcs8' });
  });
  if (keys.length !== 1)
    throw new SigningError(`The signing PKCS#12 file must hold one private key, not ${keys.length}`);
  const certificates = (pkcs12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? []).map((bag) =>
    toDer(bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1),
  );
  return { privateKey: keys[0], certificates };
}

export class DocumentSigner {
  private readonly signPdf = new SignPdf();
  private readonly cmsSigner: CmsSigner;
  private readonly signatureLength: number;
  /** Whether signatures carry an RFC 3161 time-stamp (PAdES B-T). */
  readonly timestamped: boolean;

  private constructor(
    cms: CmsSignedDataBuilder,
    readonly certificate: SigningCertificate,
    options: DocumentSignerOptions,
  ) {
    this.cmsSigner = new CmsSigner(cms, options.timestampAuthority);
    this.timestamped = options.timestampAuthority !== undefined;
    this.signatureLength = cms.maxLength + (options.timestampAuthority ? TIMESTAMP_TOKEN_ALLOWANCE : 0);
  }

  /** Parses a PKCS#12 file's key and certificates once. Throws `SigningError` when unusable. */
  static fromPkcs12(p12: Buffer, passphrase: string, options: DocumentSignerOptions = {}): DocumentSigner {
    const { privateKey, certificates } = readPkcs12(p12, passphrase);
    const parsed = certificates.map((der) => ({ der, x509: new X509Certificate(der) }));
    const own = parsed.find(({ x509 }) => x509.checkPrivateKey(privateKey));
    if (own === undefined) throw new SigningError('The signing PKCS#12 file has no certificate for its private key');
    const chain = parsed.filter((entry) => entry !== own).map(({ der }) => der);
    const { x509 } = own;
    let cms: CmsSignedDataBuilder;
    try {
      cms = new CmsSignedDataBuilder({ privateKey, certificate: own.der, chain });
    } catch (error) {
      if (error instanceof CmsError) throw new SigningError(error.message);
      throw error;
    }
    return new DocumentSigner(
      cms,
      {
        subjectName: commonName(x509, 'subject'),
        issuerName: commonName(x509, 'issuer'),
        serialNumber: x509.serialNumber,
        validFrom: new Date(x509.validFrom),
        validTo: new Date(x509.validTo),
        fingerprint256: x509.fingerprint256,
        // checkIssued() would also demand the CA key usage a signing certificate does not have.
        selfSigned: x509.subject === x509.issuer && x509.verify(x509.publicKey),
      },
      options,
    );
  }

  static async fromPkcs12File(
    path: string,
    passphrase: string,
    options: DocumentSignerOptions = {},
  ): Promise<DocumentSigner> {
    return DocumentSigner.fromPkcs12(await readFile(path), passphrase, options);
  }

  /**
   * Adds the signature dictionary and placeholder to `pdf` (an incremental update, so the
   * rendered bytes stay as they are) and fills in the CMS signature over the whole file.
   */
  async sign(pdf: Buffer, details: SignatureDetails): Promise<Buffer> {
    const { validFrom, validTo } = this.certificate;
    if (details.signingTime < validFrom || details.signingTime > validTo) {
      // A document signed outside its certificate's validity would fail every verification.
      throw new SigningError(
        `The signing certificate is valid from ${validFrom.toISOString()} to ${validTo.toISOString()}, not at ${details.signingTime.toISOString()}`,
      );
    }
    const withPlaceholder = plainAddPlaceholder({
      pdfBuffer: pdf,
      reason: details.reason ?? DEFAULT_SIGNATURE_REASON,
      location: details.location ?? '',
      name: details.signerName ?? this.certificate.subjectName,
      contactInfo: details.contactInfo ?? '',
      signingTime: details.signingTime,
      signatureLength: this.signatureLength,
      subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    });
    return this.signPdf.sign(withPlaceholder, this.cmsSigner);
  }
}
