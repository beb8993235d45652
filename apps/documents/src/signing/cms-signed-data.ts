import { createHash, sign as signWithKey, type KeyObject } from 'node:crypto';
import {
  Attribute,
  CertificateChoices,
  CertificateSet,
  ContentInfo,
  DigestAlgorithmIdentifiers,
  EncapsulatedContent,
  EncapsulatedContentInfo,
  IssuerAndSerialNumber,
  SignedData,
  SignerIdentifier,
  SignerInfo,
  SignerInfos,
  id_signedData,
} from '@peculiar/asn1-cms';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, Certificate, GeneralName, GeneralNames } from '@peculiar/asn1-x509';
import {
  AttributeSet,
  EssCertIdV2,
  IssuerSerial,
  OID,
  ObjectIdentifierValue,
  SigningCertificateV2,
} from './cms-attributes.js';

/**
 * A CMS SignedData (RFC 5652) as PAdES baseline B-B wants it inside a PDF signature (ETSI EN
 * 319 142-1, subfilter ETSI.CAdES.detached): SHA-256, signed attributes content-type,
 * message-digest and ESS signing-certificate-v2 (which binds the signer's certificate to the
 * signature), and no signing-time attribute: PAdES takes the time from the signature
 * dictionary's /M. For B-T the signature value is then time-stamped (RFC 3161) and the token
 * added as an unsigned attribute.
 *
 * The encoding is @peculiar/asn1-cms's (see docs/adr/0003-field-made-parts.md); the signature
 * itself is one `node:crypto` call with a key parsed once.
 */

export class CmsError extends Error {
  override readonly name = 'CmsError';
}

export type SigningKeyType = 'rsa' | 'ec';

export interface CmsSignerKey {
  privateKey: KeyObject;
  /** DER certificate of the key. */
  certificate: Buffer;
  /** DER certificates of the chain above it, if any, to ship inside the signature. */
  chain?: readonly Buffer[];
}

export interface CmsSignOptions {
  /** eContentType; default id-data. */
  contentType?: string;
  /** Carry the content inside (eContent) instead of detached, as a time-stamp token does. */
  encapsulate?: boolean;
  /** Time-stamps the signature value (RFC 3161): returns the DER TimeStampToken. */
  timestamp?: (signatureValue: Buffer) => Promise<Buffer>;
}

/** Parses a DER certificate, refusing anything that does not re-encode to the same bytes. */
export function parseCertificate(der: Buffer, what = 'The signing certificate'): Certificate {
  let certificate: Certificate;
  try {
    certificate = AsnConvert.parse(der, Certificate);
  } catch (error) {
    throw new CmsError(`${what} is not a well-formed X.509 certificate: ${(error as Error).message}`);
  }
  // A certificate is DER by definition; one that does not round-trip (BER lengths, trailing
  // bytes) would be shipped altered and break every verifier's chain building.
  if (!Buffer.from(AsnConvert.serialize(certificate)).equals(der)) {
    throw new CmsError(`${what} is not a DER-encoded X.509 certificate`);
  }
  return certificate;
}

const der = (value: unknown): Buffer => Buffer.from(AsnConvert.serialize(value));
const attribute = (attrType: string, value: Buffer): Attribute =>
  new Attribute({ attrType, attrValues: [new Uint8Array(value).buffer] });
const sha256 = (data: Buffer): Buffer => createHash('sha256').update(data).digest();
const contentInfoOf = (signedData: SignedData): Buffer =>
  der(new ContentInfo({ contentType: id_signedData, content: AsnConvert.serialize(signedData) }));

/**
 * Signs with a key parsed once: per document one SHA-256 over the PDF, one over the signed
 * attributes and one private-key operation; everything else is prepared here.
 */
export class CmsSignedDataBuilder {
  private readonly keyType: SigningKeyType;
  private readonly privateKey: KeyObject;
  private readonly sid: SignerIdentifier;
  private readonly signingCertificateAttribute: Attribute;
  private readonly signatureAlgorithm: AlgorithmIdentifier;
  private readonly certificates: CertificateSet;
  /** Size of a signature over nothing, to size the PDF placeholder. */
  private readonly emptySignatureLength: number;

  constructor(key: CmsSignerKey) {
    const type = key.privateKey.asymmetricKeyType;
    if (type !== 'rsa' && type !== 'ec') {
      throw new CmsError(`Signing keys of type ${String(type)} are not supported; use RSA or ECDSA`);
    }
    this.keyType = type;
    this.privateKey = key.privateKey;
    const certificate = parseCertificate(key.certificate);
    const chain = (key.chain ?? []).map((der, i) => parseCertificate(der, `Certificate ${i + 1} of the chain`));
    const { issuer, serialNumber } = certificate.tbsCertificate;
    this.sid = new SignerIdentifier({ issuerAndSerialNumber: new IssuerAndSerialNumber({ issuer, serialNumber }) });
    // ESSCertIDv2 with the default hash (SHA-256, so omitted) and the issuer/serial of the cert.
    this.signingCertificateAttribute = attribute(
      OID.signingCertificateV2,
      der(
        new SigningCertificateV2({
          certs: [
            new EssCertIdV2({
              certHash: new OctetString(sha256(key.certificate)),
              issuerSerial: new IssuerSerial({
                issuer: new GeneralNames([new GeneralName({ directoryName: issuer })]),
                serialNumber,
              }),
            }),
          ],
        }),
      ),
    );
    this.signatureAlgorithm =
      type === 'rsa'
        ? new AlgorithmIdentifier({ algorithm: OID.sha256WithRsaEncryption, parameters: null })
        : new AlgorithmIdentifier({ algorithm: OID.ecdsaWithSha256 });
    this.certificates = new CertificateSet(
      [certificate, ...chain].map((entry) => new CertificateChoices({ certificate: entry })),
    );
    this.emptySignatureLength = this.sign(Buffer.alloc(0)).length;
  }

  /** Upper bound of the signature's size in bytes (without a time-stamp token). */
  get maxLength(): number {
    // ECDSA signatures vary by a few bytes; DER lengths by one or two.
    return this.emptySignatureLength + 64;
  }

  /** The DER ContentInfo of a SignedData over `content` (detached unless asked otherwise). */
  sign(content: Buffer, options: Omit<CmsSignOptions, 'timestamp'> = {}): Buffer {
    return contentInfoOf(this.signedData(content, options).signedData);
  }

  /** As `sign`, then time-stamps the signature value and adds the token (PAdES B-T). */
  async signTimestamped(content: Buffer, options: CmsSignOptions): Promise<Buffer> {
    const { signedData, signerInfo, signerInfoSignature } = this.signedData(content, options);
    if (options.timestamp !== undefined) {
      const token = await options.timestamp(signerInfoSignature);
      signerInfo.unsignedAttrs = [attribute(OID.timeStampToken, token)];
    }
    return contentInfoOf(signedData);
  }

  private signedData(content: Buffer, options: CmsSignOptions) {
    const contentType = options.contentType ?? OID.data;
    // DER orders a SET OF by the encodings of its elements; the signature covers that order.
    const signedAttrs = [
      attribute(OID.contentType, der(new ObjectIdentifierValue(contentType))),
      attribute(OID.messageDigest, der(new OctetString(sha256(content)))),
      this.signingCertificateAttribute,
    ]
      .map((entry) => ({ entry, encoded: der(entry) }))
      .sort((a, b) => Buffer.compare(a.encoded, b.encoded))
      .map(({ entry }) => entry);
    const signerInfoSignature = signWithKey(
      'sha256',
      der(new AttributeSet(signedAttrs)),
      this.keyType === 'ec' ? { key: this.privateKey, dsaEncoding: 'der' } : this.privateKey,
    );
    const digestAlgorithm = new AlgorithmIdentifier({ algorithm: OID.sha256, parameters: null });
    const signerInfo = new SignerInfo({
      version: 1,
      sid: this.sid,
      digestAlgorithm,
      signedAttrs,
      signatureAlgorithm: this.signatureAlgorithm,
      signature: new OctetString(signerInfoSignature),
    });
    const signedData = new SignedData({
      // v3 when the content is not id-data (RFC 5652 §5.1), as a time-stamp token's TSTInfo.
      version: contentType === OID.data ? 1 : 3,
      digestAlgorithms: new DigestAlgorithmIdentifiers([digestAlgorithm]),
      encapContentInfo: new EncapsulatedContentInfo({
        eContentType: contentType,
        eContent: options.encapsulate ? new EncapsulatedContent({ single: new OctetString(content) }) : undefined,
      }),
      certificates: this.certificates,
      signerInfos: new SignerInfos([signerInfo]),
    });
    return { signedData, signerInfo, signerInfoSignature };
  }
}
