import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { access, link, mkdir, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import forge from 'node-forge';
import { randomPositiveInteger } from './der-integer.js';

/**
 * The development signing identity: a self-signed certificate in a PKCS#12 file, created on the
 * first start where the configuration points, so every replica of the service signs with the
 * same key. Never for production, which signs with the certificate issued to the office.
 */

export interface DevCertificateOptions {
  /** Default 3 years from now. */
  validityDays?: number;
  now?: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A PKCS#12 (AES-256, SHA-256 certificate signature) with a new RSA-2048 key and a self-signed certificate. */
export function createSelfSignedPkcs12(
  subjectName: string,
  passphrase: string,
  options: DevCertificateOptions = {},
): Buffer {
  const now = options.now ?? new Date();
  // Node generates the key natively in milliseconds; forge's pure-JS generation takes seconds.
  const { privateKey: privatePem, publicKey: publicPem } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const privateKey = forge.pki.privateKeyFromPem(privatePem);
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(publicPem);
  // A positive 16-byte serial, unique without a registry of issued serials.
  certificate.serialNumber = randomPositiveInteger(16).toString('hex');
  // Backdated a day so a clock slightly behind on another replica still finds it valid.
  certificate.validity.notBefore = new Date(now.getTime() - DAY_MS);
  certificate.validity.notAfter = new Date(now.getTime() + (options.validityDays ?? 3 * 365) * DAY_MS);
  const name = [
    { shortName: 'CN', value: subjectName },
    { shortName: 'O', value: subjectName },
    { shortName: 'C', value: 'ID' },
  ];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  certificate.sign(privateKey, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(privateKey, [certificate], passphrase, {
    algorithm: 'aes256',
    friendlyName: subjectName,
    generateLocalKeyId: true,
  });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Creates the development PKCS#12 at `path` unless it exists. Replicas starting together may
 * race: each writes a file of its own and links it into place, the first link wins, and the
 * others keep (and use) the winner's, so all of them sign with the same key.
 * Returns whether this call created the file.
 */
export async function ensureDevCertificate(
  path: string,
  passphrase: string,
  subjectName: string,
  options?: DevCertificateOptions,
): Promise<boolean> {
  if (await exists(path)) return false;
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(temporary, createSelfSignedPkcs12(subjectName, passphrase, options), { mode: 0o600 });
  try {
    await link(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temporary);
  }
}
