import { createHash, sign as signWithKey, type KeyObject } from 'node:crypto';
import {
  bytesOf,
  childrenOf,
  explicit,
  implicitConstructed,
  NULL,
  objectIdentifier,
  octetString,
  readElement,
  sequence,
  setOf,
  smallInteger,
  Tag,
} from './der.js';

/**
 * A detached CMS SignedData (RFC 5652) as PAdES baseline B-B wants it inside a PDF signature
 * (ETSI EN 319 142-1, subfilter ETSI.CAdES.detached): SHA-256, signed attributes content-type,
 * message-digest and ESS signing-certificate-v2 (which binds the signer's certificate to the
 * signature), and no signing-time attribute: PAdES takes the time from the signature
 * dictionary's /M.
 */

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRsaEncryption: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

const SHA256_ALGORITHM = sequence(objectIdentifier(OID.sha256), NULL);

const CONTENT_TYPE_ATTRIBUTE = sequence(objectIdentifier(OID.contentType), setOf(objectIdentifier(OID.data)));

/** Issuer name and serial number, copied from the certificate's own bytes. */
function issuerAndSerialNumber(certificate: Buffer): { issuer: Buffer; serialNumber: Buffer } {
  const tbs = childrenOf(certificate, readElement(certificate, 0))[0];
  const fields = childrenOf(certificate, tbs);
  // An explicit version ([0]) comes first in every v3 certificate.
  const first = fields[0].tag === 0xa0 ? 1 : 0;
  const serialNumber = fields[first];
  const issuer = fields[first + 2];
  if (serialNumber?.tag !== Tag.INTEGER || issuer?.tag !== Tag.SEQUENCE) {
    throw new Error('The signing certificate is not a well-formed X.509 certificate');
  }
  return { issuer: bytesOf(certificate, issuer), serialNumber: bytesOf(certificate, serialNumber) };
}

export type SigningKeyType = 'rsa' | 'ec';

export interface CmsSignerKey {
  privateKey: KeyObject;
  /** DER certificate of the key. */
  certificate: Buffer;
  /** DER certificates of the chain above it, if any, to ship inside the signature. */
  chain?: readonly Buffer[];
}

/**
 * Signs with a key parsed once: per document one SHA-256 over the PDF, one over the signed
 * attributes and one private-key operation; everything else is prepared here.
 */
export class CmsSignedDataBuilder {
  private readonly keyType: SigningKeyType;
  private readonly privateKey: KeyObject;
  private readonly sid: Buffer;
  private readonly signingCertificateAttribute: Buffer;
  private readonly signatureAlgorithm: Buffer;
  private readonly certificates: Buffer;

  constructor(key: CmsSignerKey) {
    const type = key.privateKey.asymmetricKeyType;
    if (type !== 'rsa' && type !== 'ec') {
      throw new Error(`Signing keys of type ${String(type)} are not supported; use RSA or ECDSA`);
    }
    this.keyType = type;
    this.privateKey = key.privateKey;
    const { issuer, serialNumber } = issuerAndSerialNumber(key.certificate);
    this.sid = sequence(issuer, serialNumber);
    // ESSCertIDv2 with the default hash (SHA-256, so omitted) and the issuer/serial of the cert.
    const certHash = createHash('sha256').update(key.certificate).digest();
    const issuerSerial = sequence(sequence(explicit(4, issuer)), serialNumber);
    this.signingCertificateAttribute = sequence(
      objectIdentifier(OID.signingCertificateV2),
      setOf(sequence(sequence(sequence(octetString(certHash), issuerSerial)))),
    );
    this.signatureAlgorithm =
      type === 'rsa'
        ? sequence(objectIdentifier(OID.sha256WithRsaEncryption), NULL)
        : sequence(objectIdentifier(OID.ecdsaWithSha256));
    this.certificates = explicit(0, key.certificate, ...(key.chain ?? []));
  }

  /** Upper bound of the signature's size in bytes, to size the PDF placeholder. */
  get maxLength(): number {
    const keyBytes = this.privateKey.asymmetricKeyDetails?.modulusLength ?? 4096;
    return this.certificates.length + this.sid.length + this.signingCertificateAttribute.length + keyBytes / 4 + 512;
  }

  /** The DER ContentInfo of a detached SignedData over `content`. */
  sign(content: Buffer): Buffer {
    const digest = createHash('sha256').update(content).digest();
    const signedAttributes = setOf(
      CONTENT_TYPE_ATTRIBUTE,
      sequence(objectIdentifier(OID.messageDigest), setOf(octetString(digest))),
      this.signingCertificateAttribute,
    );
    // The signature covers the attributes as a SET (RFC 5652 §5.4); they are stored as [0].
    const signature = signWithKey(
      'sha256',
      signedAttributes,
      this.keyType === 'ec' ? { key: this.privateKey, dsaEncoding: 'der' } : this.privateKey,
    );
    const signerInfo = sequence(
      smallInteger(1),
      this.sid,
      SHA256_ALGORITHM,
      implicitConstructed(0, signedAttributes),
      this.signatureAlgorithm,
      octetString(signature),
    );
    const signedData = sequence(
      smallInteger(1),
      setOf(SHA256_ALGORITHM),
      sequence(objectIdentifier(OID.data)),
      this.certificates,
      setOf(signerInfo),
    );
    return sequence(objectIdentifier(OID.signedData), explicit(0, signedData));
  }
}
