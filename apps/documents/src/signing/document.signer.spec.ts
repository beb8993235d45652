import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { execFile } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ContentInfo, SignedData } from '@peculiar/asn1-cms';
import { AsnConvert } from '@peculiar/asn1-schema';
import forge from 'node-forge';
import { renderAktaKelahiran } from '../document-kinds/akta-kelahiran/akta-kelahiran.renderer.js';
import { renderKartuKeluarga } from '../document-kinds/kartu-keluarga/kartu-keluarga.renderer.js';
import { buildAktaKelahiran, buildKartuKeluarga } from '../rendering/testing/document-factories.js';
import { PdfFile } from '../rendering/testing/pdf-tools.js';
import { OID } from './cms-attributes.js';
import { CmsError, CmsSignedDataBuilder } from './cms-signed-data.js';
import { createSelfSignedPkcs12, ensureDevCertificate } from './dev-certificate.js';
import { DocumentSigner, SigningError } from './document.signer.js';
import { startTsaStub, TSA_STUB_POLICY, type TsaStub } from './testing/tsa-stub.js';
import { TimestampAuthorityClient } from './timestamp-authority.js';

const run = promisify(execFile);

/** The CMS SignedData of a signed PDF's only signature, as `pdfsig -dump` writes it out. */
async function dumpedSignature(pdf: PdfFile): Promise<SignedData> {
  const directory = join(pdf.path, '..');
  await run('pdfsig', ['-dump', pdf.path], { cwd: directory });
  const dumped = (await readdir(directory)).find((name) => name.endsWith('.sig0'));
  if (dumped === undefined) throw new Error('pdfsig -dump wrote no signature');
  // The dump is the /Contents placeholder: the DER ContentInfo, then zero padding.
  const contentInfo = AsnConvert.parse(await readFile(join(directory, dumped)), ContentInfo);
  return AsnConvert.parse(contentInfo.content, SignedData);
}

jest.setTimeout(30_000);

const SUBJECT = 'Disdukcapil Kabupaten Ogan Komering Ilir (DEV)';
const PASSPHRASE = 'bukan-rahasia-produksi';

describe('DocumentSigner', () => {
  let directory: string;
  let p12Path: string;
  let signer: DocumentSigner;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'documents-signing-'));
    p12Path = join(directory, 'secrets', 'dev-signing.p12');
    expect(await ensureDevCertificate(p12Path, PASSPHRASE, SUBJECT)).toBe(true);
    signer = await DocumentSigner.fromPkcs12File(p12Path, PASSPHRASE);
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  describe('ensureDevCertificate', () => {
    it('keeps an existing file: a restarted replica signs with the same key', async () => {
      const before = await readFile(p12Path);
      expect(await ensureDevCertificate(p12Path, PASSPHRASE, SUBJECT)).toBe(false);
      expect((await readFile(p12Path)).equals(before)).toBe(true);
    });

    it('lets exactly one of several replicas starting together create the file, and leaves no temporary files', async () => {
      const path = join(directory, 'race', 'dev-signing.p12');
      const created = await Promise.all([1, 2, 3, 4].map(() => ensureDevCertificate(path, PASSPHRASE, SUBJECT)));
      expect(created.filter(Boolean)).toHaveLength(1);
      expect(await readdir(join(directory, 'race'))).toEqual(['dev-signing.p12']);
      expect((await DocumentSigner.fromPkcs12File(path, PASSPHRASE)).certificate.subjectName).toBe(SUBJECT);
    });
  });

  it('describes its self-signed development certificate', () => {
    const { certificate } = signer;
    expect(certificate.subjectName).toBe(SUBJECT);
    expect(certificate.issuerName).toBe(SUBJECT);
    expect(certificate.selfSigned).toBe(true);
    expect(certificate.validFrom.getTime()).toBeLessThan(Date.now());
    expect(certificate.validTo.getTime()).toBeGreaterThan(Date.now() + 2 * 365 * 86_400_000);
    expect(certificate.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  describe('a signed Kartu Keluarga', () => {
    // Now (the certificate was made now), to the second as /M records it.
    const signingTime = new Date(Math.floor(Date.now() / 1000) * 1000);
    let signed: Buffer;
    let pdf: PdfFile;

    beforeAll(async () => {
      signed = await signer.sign(await renderKartuKeluarga(buildKartuKeluarga()), {
        signingTime,
        location: 'Kayuagung',
      });
      pdf = await PdfFile.write(signed);
    });
    afterAll(() => pdf.dispose());

    it('carries one PAdES signature that pdfsig verifies, by the configured certificate, at the issuance time', async () => {
      const report = await pdf.signatures();
      expect(report.match(/Signature #\d+:/g)).toHaveLength(1);
      expect(report).toContain('Signature Validation: Signature is Valid.');
      expect(report).toContain('Signature Type: ETSI.CAdES.detached');
      expect(report).toContain('Signing Hash Algorithm: SHA-256');
      expect(report).toContain(`Signer Certificate Common Name: ${SUBJECT}`);
      expect(report).toContain('Total document signed');
      // pdfsig prints the signing time (/M) in the machine's local zone: `Jan 28 2026 03:04:05`.
      const two = (n: number) => String(n).padStart(2, '0');
      const month = signingTime.toLocaleString('en-US', { month: 'short' });
      const local = `${month} ${two(signingTime.getDate())} ${signingTime.getFullYear()} ${two(signingTime.getHours())}:${two(signingTime.getMinutes())}:${two(signingTime.getSeconds())}`;
      expect(report).toContain(`Signing Time: ${local}`);
    });

    it('still reads as the same document', async () => {
      expect(await pdf.text()).toContain('KARTU KELUARGA');
    });

    it('fails verification when one byte of the signed content changes', async () => {
      // One bit of one byte inside the first page's content stream, well within the signed ranges.
      const at = signed.indexOf('stream\n', 1000) + 20;
      expect(at).toBeGreaterThan(1000);
      const tampered = Buffer.from(signed);
      tampered[at] ^= 0x01;
      const changed = await PdfFile.write(tampered);
      try {
        const report = await changed.signatures();
        expect(report).not.toContain('Signature is Valid.');
        expect(report).toContain('Signature Validation: Digest Mismatch.');
      } finally {
        await changed.dispose();
      }
    });
  });

  it('signs a Kutipan Akta Kelahiran the same way', async () => {
    const pdf = await PdfFile.write(
      await signer.sign(await renderAktaKelahiran(buildAktaKelahiran()), { signingTime: new Date() }),
    );
    try {
      expect(await pdf.signatures()).toContain('Signature Validation: Signature is Valid.');
    } finally {
      await pdf.dispose();
    }
  });

  it('signs with an ECDSA (P-256) key from a PKCS#12 file made by OpenSSL', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'documents-ecdsa-'));
    try {
      const subject = '/CN=Disdukcapil Kabupaten Ogan Komering Ilir ECDSA (TEST)/O=Disdukcapil/C=ID';
      await run(
        'openssl',
        ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '30'].concat([
          '-subj',
          subject,
          '-keyout',
          'key.pem',
          '-out',
          'certificate.pem',
        ]),
        { cwd: dir },
      );
      await run(
        'openssl',
        ['pkcs12', '-export', '-inkey', 'key.pem', '-in', 'certificate.pem', '-out', 'ec.p12'].concat([
          '-passout',
          `pass:${PASSPHRASE}`,
        ]),
        { cwd: dir },
      );
      const ecdsa = await DocumentSigner.fromPkcs12File(join(dir, 'ec.p12'), PASSPHRASE);
      const pdf = await PdfFile.write(
        await ecdsa.sign(await renderAktaKelahiran(buildAktaKelahiran()), { signingTime: new Date() }),
      );
      try {
        const report = await pdf.signatures();
        expect(report).toContain('Signature Validation: Signature is Valid.');
        expect(report).toContain(
          'Signer Certificate Common Name: Disdukcapil Kabupaten Ogan Komering Ilir ECDSA (TEST)',
        );
        const signedData = await dumpedSignature(pdf);
        expect(signedData.signerInfos[0].signatureAlgorithm.algorithm).toBe(OID.ecdsaWithSha256);
      } finally {
        await pdf.dispose();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  describe('malformed certificates', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const builder = (certificate: Buffer) => () => new CmsSignedDataBuilder({ privateKey, certificate });
    /** The development certificate as DER, out of its PKCS#12 bag. */
    const certificateDer = (): Buffer => {
      const p12 = forge.pkcs12.pkcs12FromAsn1(
        forge.asn1.fromDer(createSelfSignedPkcs12(SUBJECT, PASSPHRASE).toString('binary')),
        false,
        PASSPHRASE,
      );
      const cert = p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag]?.[0]?.cert;
      if (cert === undefined) throw new Error('no certificate in the PKCS#12');
      return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
    };

    it('refuses bytes that are not a certificate', () => {
      expect(builder(Buffer.from('bukan sertifikat'))).toThrow(CmsError);
      expect(builder(Buffer.alloc(0))).toThrow(CmsError);
    });

    it('refuses a truncated certificate and a truncated long-form length', () => {
      const der = certificateDer();
      expect(builder(der)).not.toThrow();
      expect(builder(der.subarray(0, der.length - 10))).toThrow(CmsError);
      // SEQUENCE with a four-byte length of which two bytes are missing.
      expect(builder(Buffer.from([0x30, 0x84, 0x00, 0x00]))).toThrow(CmsError);
      expect(builder(Buffer.from([0x30, 0x82, 0x01]))).toThrow(CmsError);
    });

    it('refuses a certificate that is not DER (trailing bytes, a non-minimal length)', () => {
      const der = certificateDer();
      expect(builder(Buffer.concat([der, Buffer.from([0x00])]))).toThrow(CmsError);
      // The outer length re-written in the long form with a leading zero byte: valid BER, not DER.
      const header = der[1] & 0x7f;
      const longForm = Buffer.concat([Buffer.from([0x30, 0x80 | (header + 1), 0x00]), der.subarray(2)]);
      expect(builder(longForm)).toThrow(CmsError);
    });

    it('refuses keys other than RSA and ECDSA', () => {
      const { privateKey: ed25519 } = generateKeyPairSync('ed25519');
      expect(() => new CmsSignedDataBuilder({ privateKey: ed25519, certificate: certificateDer() })).toThrow(
        /RSA or ECDSA/,
      );
    });
  });

  describe('with an RFC 3161 time-stamp authority (PAdES B-T)', () => {
    let tsa: TsaStub;
    let timestamped: DocumentSigner;

    beforeAll(async () => {
      tsa = await startTsaStub();
      timestamped = await DocumentSigner.fromPkcs12File(p12Path, PASSPHRASE, {
        timestampAuthority: new TimestampAuthorityClient(tsa.url, { timeoutMs: 5_000 }),
      });
    });
    afterAll(() => tsa.close());

    it('embeds a token over the signature value that pdfsig accepts and OpenSSL verifies', async () => {
      expect(timestamped.timestamped).toBe(true);
      const before = tsa.requests;
      const pdf = await PdfFile.write(
        await timestamped.sign(await renderKartuKeluarga(buildKartuKeluarga()), { signingTime: new Date() }),
      );
      try {
        expect(tsa.requests).toBe(before + 1);
        const report = await pdf.signatures();
        expect(report).toContain('Signature Validation: Signature is Valid.');
        const signerInfo = (await dumpedSignature(pdf)).signerInfos[0];
        const attribute = signerInfo.unsignedAttrs?.find((a) => a.attrType === OID.timeStampToken);
        expect(attribute).toBeDefined();
        const dir = join(pdf.path, '..');
        await writeFile(join(dir, 'token.der'), Buffer.from(attribute!.attrValues[0]));
        await writeFile(join(dir, 'tsa.pem'), tsa.certificatePem);
        const { stdout: text } = await run('openssl', ['ts', '-reply', '-token_in', '-in', 'token.der', '-text'], {
          cwd: dir,
        });
        expect(text).toContain(`Policy OID: ${TSA_STUB_POLICY}`);
        expect(text).toMatch(/Time stamp: \w{3} +\d+ \d\d:\d\d:\d\d \d{4} GMT/);
        const imprint = createHash('sha256').update(Buffer.from(signerInfo.signature.buffer)).digest('hex');
        const { stdout: verified } = await run(
          'openssl',
          ['ts', '-verify', '-token_in', '-in', 'token.der', '-digest', imprint, '-CAfile', 'tsa.pem'],
          { cwd: dir },
        );
        expect(verified).toContain('Verification: OK');
      } finally {
        await pdf.dispose();
      }
    });

    it('sends the credentials of the URL as basic authentication, and never names them', async () => {
      tsa.credentials = { user: 'disduk', password: 'rahasia uji' };
      try {
        const pdf = await renderAktaKelahiran(buildAktaKelahiran());
        const base = new URL(tsa.url);
        const withCredentials = `${base.protocol}//disduk:rahasia%20uji@${base.host}${base.pathname}`;
        const client = new TimestampAuthorityClient(withCredentials);
        expect(client.url).toBe(tsa.url);
        const signer = DocumentSigner.fromPkcs12(await readFile(p12Path), PASSPHRASE, { timestampAuthority: client });
        await expect(signer.sign(pdf, { signingTime: new Date() })).resolves.toBeInstanceOf(Buffer);
        const wrong = DocumentSigner.fromPkcs12(await readFile(p12Path), PASSPHRASE, {
          timestampAuthority: new TimestampAuthorityClient(tsa.url.replace('//', '//disduk:salah@')),
        });
        const failure = wrong.sign(pdf, { signingTime: new Date() });
        await expect(failure).rejects.toThrow(/HTTP 401/);
        await expect(failure).rejects.not.toThrow(/salah/);
      } finally {
        tsa.credentials = undefined;
      }
    });

    it('refuses to sign when the authority refuses, answers for other data or cannot be reached', async () => {
      const pdf = await renderAktaKelahiran(buildAktaKelahiran());
      tsa.mode = 'reject';
      await expect(timestamped.sign(pdf, { signingTime: new Date() })).rejects.toThrow(/refused/);
      tsa.mode = 'wrong-imprint';
      await expect(timestamped.sign(pdf, { signingTime: new Date() })).rejects.toThrow(/other data/);
      tsa.mode = 'grant';
      const unreachable = DocumentSigner.fromPkcs12(await readFile(p12Path), PASSPHRASE, {
        timestampAuthority: new TimestampAuthorityClient('http://127.0.0.1:9/tsa', { timeoutMs: 2_000 }),
      });
      await expect(unreachable.sign(pdf, { signingTime: new Date() })).rejects.toBeInstanceOf(SigningError);
    });
  });

  it('refuses a wrong passphrase', () => {
    return expect(DocumentSigner.fromPkcs12File(p12Path, 'salah')).rejects.toBeInstanceOf(SigningError);
  });

  it('refuses to sign at a time outside the certificate validity', async () => {
    const expired = DocumentSigner.fromPkcs12(
      createSelfSignedPkcs12(SUBJECT, PASSPHRASE, { now: new Date('2020-01-01T00:00:00Z'), validityDays: 30 }),
      PASSPHRASE,
    );
    const pdf = await renderAktaKelahiran(buildAktaKelahiran());
    await expect(expired.sign(pdf, { signingTime: new Date('2026-01-28T00:00:00Z') })).rejects.toBeInstanceOf(
      SigningError,
    );
    await expect(expired.sign(pdf, { signingTime: new Date('2020-01-15T00:00:00Z') })).resolves.toBeInstanceOf(Buffer);
  });
});
