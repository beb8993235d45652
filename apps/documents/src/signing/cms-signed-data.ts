import { createHash, sign as signWithKey, type KeyObject } from 'node:crypto';
import {
  Attribute,
  CertificateChoices,
  CertificateSet,
  DigestAlgorithmIdentifiers,
  IssuerAndSerialNumber,
  SignerIdentifier,
  id_signedData,
} from '@peculiar/asn1-cms';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, Certificate, GeneralName, GeneralNames } from '@peculiar/asn1-x509';
import { EssCertIdV2, IssuerSerial, OID, ObjectIdentifierValue, SigningCertificateV2 } from './cms-attributes.js';

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

/** A DER tag-length-value: definite length, short form below 128 bytes. */
function tlv(tag: number, ...content: Buffer[]): Buffer {
  let length = 0;
  for (const part of content) length += part.length;
  let header: Buffer;
  if (length < 0x80) {
    header = Buffer.from([tag, length]);
  } else {
    const bytes: number[] = [];
    for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
    header = Buffer.from([tag, 0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([header, ...content]);
}

/** The same encoding under another tag (an IMPLICIT [n] of a SET OF keeps length and content). */
function retagged(encoding: Buffer, tag: number): Buffer {
  const copy = Buffer.from(encoding);
  copy[0] = tag;
  return copy;
}

const SEQUENCE = 0x30;
const SET = 0x31;
const OCTET_STRING = 0x04;
const CONTEXT_0 = 0xa0;
const CONTEXT_1 = 0xa1;

/** The DER encodings that stay the same for every signature of one key (see `assemble`). */
interface ConstantParts {
  sid: Buffer;
  digestAlgorithm: Buffer;
  /** SET OF the digest algorithm. */
  digestAlgorithms: Buffer;
  signatureAlgorithm: Buffer;
  signingCertificateAttribute: Buffer;
  /** [0] IMPLICIT CertificateSet. */
  certificates: Buffer;
  /** A message-digest attribute without its last 32 bytes (the SHA-256). */
  messageDigestPrefix: Buffer;
  signedDataType: Buffer;
}

/**
 * Signs with a key parsed once: per document one SHA-256 over the PDF, one over the signed
 * attributes and one private-key operation; everything else is prepared here.
 *
 * The schemas of @peculiar/asn1-cms describe the structure, and encode once, in the
 * constructor, everything that is the same for every signature (the certificates, the signer's
 * identifier, the algorithms, the signing-certificate attribute). A signature then joins those
 * encodings with the few that change (message digest, signature value, time-stamp token): the
 * library's encoder built the whole SignedData, certificates included, as objects, and encoded
 * the SignedData twice (once more inside ContentInfo's ANY), ~2.5 ms of CPU per document — an
 * eighth of a Kartu Keluarga. The bytes are the same (cms-signed-data.spec.ts compares them with
 * the library's encoding).
 */
export class CmsSignedDataBuilder {
  private readonly keyType: SigningKeyType;
  private readonly privateKey: KeyObject;
  private readonly parts: ConstantParts;
  /** content-type attributes by content type (one or two in a process). */
  private readonly contentTypeAttributes = new Map<string, Buffer>();
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
    const digestAlgorithm = new AlgorithmIdentifier({ algorithm: OID.sha256, parameters: null });
    const emptyDigest = Buffer.alloc(32);
    const messageDigest = der(attribute(OID.messageDigest, der(new OctetString(emptyDigest))));
    this.parts = {
      sid: der(new SignerIdentifier({ issuerAndSerialNumber: new IssuerAndSerialNumber({ issuer, serialNumber }) })),
      digestAlgorithm: der(digestAlgorithm),
      digestAlgorithms: der(new DigestAlgorithmIdentifiers([digestAlgorithm])),
      signatureAlgorithm: der(
        type === 'rsa'
          ? new AlgorithmIdentifier({ algorithm: OID.sha256WithRsaEncryption, parameters: null })
          : new AlgorithmIdentifier({ algorithm: OID.ecdsaWithSha256 }),
      ),
      // ESSCertIDv2 with the default hash (SHA-256, so omitted) and the issuer/serial of the cert.
      signingCertificateAttribute: der(
        attribute(
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
        ),
      ),
      certificates: retagged(
        der(new CertificateSet([certificate, ...chain].map((entry) => new CertificateChoices({ certificate: entry })))),
        CONTEXT_0,
      ),
      messageDigestPrefix: messageDigest.subarray(0, messageDigest.length - emptyDigest.length),
      signedDataType: der(new ObjectIdentifierValue(id_signedData)),
    };
    this.emptySignatureLength = this.sign(Buffer.alloc(0)).length;
  }

  /** Upper bound of the signature's size in bytes (without a time-stamp token). */
  get maxLength(): number {
    // ECDSA signatures vary by a few bytes; DER lengths by one or two.
    return this.emptySignatureLength + 64;
  }

  /** The DER ContentInfo of a SignedData over `content` (detached unless asked otherwise). */
  sign(content: Buffer, options: Omit<CmsSignOptions, 'timestamp'> = {}): Buffer {
    const signed = this.signedAttributes(content, options);
    return this.assemble(content, options, signed, this.signatureOver(signed.set));
  }

  /** As `sign`, then time-stamps the signature value and adds the token (PAdES B-T). */
  async signTimestamped(content: Buffer, options: CmsSignOptions): Promise<Buffer> {
    const signed = this.signedAttributes(content, options);
    const signature = this.signatureOver(signed.set);
    const token = options.timestamp === undefined ? undefined : await options.timestamp(signature);
    return this.assemble(content, options, signed, signature, token);
  }

  /** The signed attributes, as the SET OF the signature covers and as the elements of it. */
  private signedAttributes(content: Buffer, options: CmsSignOptions): { set: Buffer; contentType: string } {
    const contentType = options.contentType ?? OID.data;
    let contentTypeAttribute = this.contentTypeAttributes.get(contentType);
    if (contentTypeAttribute === undefined) {
      contentTypeAttribute = der(attribute(OID.contentType, der(new ObjectIdentifierValue(contentType))));
      this.contentTypeAttributes.set(contentType, contentTypeAttribute);
    }
    // DER orders a SET OF by the encodings of its elements; the signature covers that order.
    const elements = [
      contentTypeAttribute,
      Buffer.concat([this.parts.messageDigestPrefix, sha256(content)]),
      this.parts.signingCertificateAttribute,
    ].sort((a, b) => Buffer.compare(a, b));
    return { set: tlv(SET, ...elements), contentType };
  }

  private signatureOver(signedAttributes: Buffer): Buffer {
    return signWithKey(
      'sha256',
      signedAttributes,
      this.keyType === 'ec' ? { key: this.privateKey, dsaEncoding: 'der' } : this.privateKey,
    );
  }

  /**
   * ContentInfo { id-signedData, [0] SignedData { version, digestAlgorithms, encapContentInfo,
   * [0] certificates, signerInfos { SignerInfo { version 1, sid, digestAlgorithm, [0] signedAttrs,
   * signatureAlgorithm, signature, [1] unsignedAttrs } } } } (RFC 5652 §3, §5).
   */
  private assemble(
    content: Buffer,
    options: CmsSignOptions,
    signed: { set: Buffer; contentType: string },
    signature: Buffer,
    timestampToken?: Buffer,
  ): Buffer {
    const { parts } = this;
    const integer = (value: number): Buffer => Buffer.from([0x02, 0x01, value]);
    const signerInfo = tlv(
      SEQUENCE,
      integer(1),
      parts.sid,
      parts.digestAlgorithm,
      retagged(signed.set, CONTEXT_0),
      parts.signatureAlgorithm,
      tlv(OCTET_STRING, signature),
      ...(timestampToken === undefined ? [] : [tlv(CONTEXT_1, der(attribute(OID.timeStampToken, timestampToken)))]),
    );
    const contentTypeOid = der(new ObjectIdentifierValue(signed.contentType));
    const signedData = tlv(
      SEQUENCE,
      // v3 when the content is not id-data (RFC 5652 §5.1), as a time-stamp token's TSTInfo.
      integer(signed.contentType === OID.data ? 1 : 3),
      parts.digestAlgorithms,
      tlv(SEQUENCE, contentTypeOid, ...(options.encapsulate ? [tlv(CONTEXT_0, tlv(OCTET_STRING, content))] : [])),
      parts.certificates,
      tlv(SET, signerInfo),
    );
    return tlv(SEQUENCE, parts.signedDataType, tlv(CONTEXT_0, signedData));
  }
}
