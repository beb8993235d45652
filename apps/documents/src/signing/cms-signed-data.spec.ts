import { describe, expect, it } from '@jest/globals';
import { createHash, createPrivateKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
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
import forge from 'node-forge';
import {
  AttributeSet,
  EssCertIdV2,
  IssuerSerial,
  OID,
  ObjectIdentifierValue,
  SigningCertificateV2,
} from './cms-attributes.js';
import { CmsSignedDataBuilder } from './cms-signed-data.js';

/** A self-signed RSA certificate (DER) and its key. */
function rsaCertificate(commonName: string): { privateKey: KeyObject; der: Buffer } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(publicKey);
  certificate.serialNumber = '01' + randomBytes(8).toString('hex');
  certificate.validity.notBefore = new Date(Date.now() - 86_400_000);
  certificate.validity.notAfter = new Date(Date.now() + 365 * 86_400_000);
  const name = [
    { shortName: 'CN', value: commonName },
    { shortName: 'O', value: 'Disdukcapil Test' },
  ];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.sign(forge.pki.privateKeyFromPem(privateKey), forge.md.sha256.create());
  return {
    privateKey: createPrivateKey(privateKey),
    der: Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary'),
  };
}

const der = (value: unknown): Buffer => Buffer.from(AsnConvert.serialize(value));
const attribute = (attrType: string, value: Buffer): Attribute =>
  new Attribute({ attrType, attrValues: [new Uint8Array(value).buffer] });
const sha256 = (data: Buffer): Buffer => createHash('sha256').update(data).digest();

/**
 * The SignedData as @peculiar/asn1-cms encodes it from its schemas, object by object: what the
 * builder made before it joined pre-encoded parts (RSA PKCS#1 v1.5 signatures are deterministic,
 * so the bytes must match exactly).
 */
function libraryEncoding(
  key: { privateKey: KeyObject; certificate: Buffer; chain?: Buffer[] },
  content: Buffer,
  options: { contentType?: string; encapsulate?: boolean; timestampToken?: Buffer } = {},
): Buffer {
  const certificate = AsnConvert.parse(key.certificate, Certificate);
  const chain = (key.chain ?? []).map((entry) => AsnConvert.parse(entry, Certificate));
  const { issuer, serialNumber } = certificate.tbsCertificate;
  const contentType = options.contentType ?? OID.data;
  const signingCertificate = attribute(
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
  const signedAttrs = [
    attribute(OID.contentType, der(new ObjectIdentifierValue(contentType))),
    attribute(OID.messageDigest, der(new OctetString(sha256(content)))),
    signingCertificate,
  ]
    .map((entry) => ({ entry, encoded: der(entry) }))
    .sort((a, b) => Buffer.compare(a.encoded, b.encoded))
    .map(({ entry }) => entry);
  const signature = sign('sha256', der(new AttributeSet(signedAttrs)), key.privateKey);
  const digestAlgorithm = new AlgorithmIdentifier({ algorithm: OID.sha256, parameters: null });
  const signerInfo = new SignerInfo({
    version: 1,
    sid: new SignerIdentifier({ issuerAndSerialNumber: new IssuerAndSerialNumber({ issuer, serialNumber }) }),
    digestAlgorithm,
    signedAttrs,
    signatureAlgorithm: new AlgorithmIdentifier({ algorithm: OID.sha256WithRsaEncryption, parameters: null }),
    signature: new OctetString(signature),
  });
  if (options.timestampToken !== undefined) {
    signerInfo.unsignedAttrs = [attribute(OID.timeStampToken, options.timestampToken)];
  }
  const signedData = new SignedData({
    version: contentType === OID.data ? 1 : 3,
    digestAlgorithms: new DigestAlgorithmIdentifiers([digestAlgorithm]),
    encapContentInfo: new EncapsulatedContentInfo({
      eContentType: contentType,
      eContent: options.encapsulate ? new EncapsulatedContent({ single: new OctetString(content) }) : undefined,
    }),
    certificates: new CertificateSet(
      [certificate, ...chain].map((entry) => new CertificateChoices({ certificate: entry })),
    ),
    signerInfos: new SignerInfos([signerInfo]),
  });
  return der(new ContentInfo({ contentType: id_signedData, content: AsnConvert.serialize(signedData) }));
}

describe('CmsSignedDataBuilder', () => {
  const own = rsaCertificate('Disdukcapil Kabupaten Ogan Komering Ilir (TEST)');
  const intermediate = rsaCertificate('CA Uji (TEST)');
  const key = { privateKey: own.privateKey, certificate: own.der };

  it('encodes a detached signature byte for byte as the ASN.1 library does', () => {
    const builder = new CmsSignedDataBuilder(key);
    for (const content of [Buffer.alloc(0), Buffer.from('%PDF-1.7 …'), randomBytes(200_000)]) {
      expect(builder.sign(content).equals(libraryEncoding(key, content))).toBe(true);
    }
  });

  it('does so with a chain, an encapsulated content of another type and a time-stamp token', async () => {
    const withChain = { ...key, chain: [intermediate.der] };
    const builder = new CmsSignedDataBuilder(withChain);
    const content = randomBytes(300);
    const tstInfo = '1.2.840.113549.1.9.16.1.4';
    expect(
      builder
        .sign(content, { contentType: tstInfo, encapsulate: true })
        .equals(libraryEncoding(withChain, content, { contentType: tstInfo, encapsulate: true })),
    ).toBe(true);
    // Any DER of some length (the token is a ContentInfo itself): long-form lengths included.
    const token = new CmsSignedDataBuilder({ privateKey: intermediate.privateKey, certificate: intermediate.der }).sign(
      randomBytes(20),
    );
    let signatureValue: Buffer | undefined;
    const timestamped = await builder.signTimestamped(content, {
      timestamp: (value) => {
        signatureValue = value;
        return Promise.resolve(token);
      },
    });
    expect(timestamped.equals(libraryEncoding(withChain, content, { timestampToken: token }))).toBe(true);
    // The token was asked for the signature value the SignerInfo carries.
    const signedData = AsnConvert.parse(AsnConvert.parse(timestamped, ContentInfo).content, SignedData);
    expect(Buffer.from(signedData.signerInfos[0].signature.buffer).equals(signatureValue!)).toBe(true);
  });

  it('encodes ECDSA signatures (random, so compared by structure) as DER that round-trips', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const builder = new CmsSignedDataBuilder({ privateKey, certificate: own.der });
    const encoded = builder.sign(Buffer.from('isi'));
    const contentInfo = AsnConvert.parse(encoded, ContentInfo);
    expect(der(contentInfo).equals(encoded)).toBe(true);
    const signedData = AsnConvert.parse(contentInfo.content, SignedData);
    expect(signedData.signerInfos[0].signatureAlgorithm.algorithm).toBe(OID.ecdsaWithSha256);
    expect(signedData.signerInfos[0].signedAttrs).toHaveLength(3);
  });
});
