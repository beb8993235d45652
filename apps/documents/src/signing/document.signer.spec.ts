import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderAktaKelahiran } from '../document-kinds/akta-kelahiran/akta-kelahiran.renderer.js';
import { renderKartuKeluarga } from '../document-kinds/kartu-keluarga/kartu-keluarga.renderer.js';
import { buildAktaKelahiran, buildKartuKeluarga } from '../rendering/testing/document-factories.js';
import { PdfFile } from '../rendering/testing/pdf-tools.js';
import { createSelfSignedPkcs12, ensureDevCertificate } from './dev-certificate.js';
import { DocumentSigner, SigningError } from './document.signer.js';

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
