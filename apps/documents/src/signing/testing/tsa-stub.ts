import { createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  PKIFreeText,
  PKIStatus,
  PKIStatusInfo,
  TimeStampReq,
  TimeStampResp,
  TimeStampToken,
  TSTInfo,
  id_ct_tstInfo,
} from '@peculiar/asn1-tsp';
import forge from 'node-forge';
import { CmsSignedDataBuilder } from '../cms-signed-data.js';
import { randomPositiveInteger } from '../der-integer.js';

/**
 * A time-stamp authority for tests: a real HTTP server on 127.0.0.1 answering RFC 3161
 * requests with TimeStampResp tokens signed by a test key, built with the same ASN.1 library
 * as the signer. `mode` makes it refuse, or answer for other data, to test the client's checks.
 */

export type TsaStubMode = 'grant' | 'reject' | 'wrong-imprint';

export interface TsaStub {
  url: string;
  /** The authority's certificate, PEM, for `openssl ts -verify -CAfile`. */
  certificatePem: string;
  /** Requests answered so far. */
  readonly requests: number;
  mode: TsaStubMode;
  /** When set, requests must carry these HTTP basic credentials (401 otherwise). */
  credentials?: { user: string; password: string };
  close(): Promise<void>;
}

/** The policy OID of the stub's tokens, from the arc ITU-T reserves for examples (2.999). */
export const TSA_STUB_POLICY = '2.999.3161.1';

function tsaCertificate(): { privateKeyPem: string; certificate: forge.pki.Certificate } {
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
    { shortName: 'CN', value: 'TSA Uji (TEST)' },
    { shortName: 'O', value: 'Disdukcapil Test' },
  ];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    // RFC 3161 §2.3: exactly this purpose, critical.
    { name: 'extKeyUsage', timeStamping: true, critical: true },
  ]);
  certificate.sign(forge.pki.privateKeyFromPem(privateKey), forge.md.sha256.create());
  return { privateKeyPem: privateKey, certificate };
}

async function body(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startTsaStub(initialMode: TsaStubMode = 'grant'): Promise<TsaStub> {
  const { privateKeyPem, certificate } = tsaCertificate();
  const certificateDer = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary');
  const signer = new CmsSignedDataBuilder({ privateKey: createPrivateKey(privateKeyPem), certificate: certificateDer });
  let requests = 0;

  const answer = (request: TimeStampReq, mode: TsaStubMode): TimeStampResp => {
    if (mode === 'reject') {
      return new TimeStampResp({
        status: new PKIStatusInfo({ status: PKIStatus.rejection, statusString: new PKIFreeText(['test refusal']) }),
      });
    }
    const messageImprint = request.messageImprint;
    if (mode === 'wrong-imprint') messageImprint.hashedMessage.buffer = randomBytes(32).buffer;
    const serial = randomPositiveInteger(8);
    const info = new TSTInfo({
      version: 1,
      policy: TSA_STUB_POLICY,
      messageImprint,
      serialNumber: serial.buffer.slice(serial.byteOffset, serial.byteOffset + 8),
      // Whole seconds: RFC 3161 forbids trailing zeros in fractions, and tests compare seconds.
      genTime: new Date(Math.floor(Date.now() / 1000) * 1000),
      nonce: request.nonce,
    });
    const token = signer.sign(Buffer.from(AsnConvert.serialize(info)), {
      contentType: id_ct_tstInfo,
      encapsulate: true,
    });
    return new TimeStampResp({
      status: new PKIStatusInfo({ status: PKIStatus.granted }),
      timeStampToken: AsnConvert.parse(token, TimeStampToken),
    });
  };

  const stub = {
    url: '',
    certificatePem: forge.pki.certificateToPem(certificate),
    get requests() {
      return requests;
    },
    mode: initialMode,
    credentials: undefined as TsaStub['credentials'],
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    // Read the whole request before answering, refusals included: a reply sent while the client
    // is still writing makes the server drop the connection, and the client sees a reset
    // ("fetch failed") instead of the status (it happened under load).
    const received = await body(request);
    if (request.method !== 'POST' || request.headers['content-type'] !== 'application/timestamp-query') {
      response.writeHead(400).end();
      return;
    }
    const { credentials } = stub;
    if (credentials !== undefined) {
      const expected = `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`;
      if (request.headers.authorization !== expected) {
        response.writeHead(401, { 'www-authenticate': 'Basic realm="tsa"' }).end();
        return;
      }
    }
    let query: TimeStampReq;
    try {
      query = AsnConvert.parse(received, TimeStampReq);
    } catch {
      response.writeHead(400).end();
      return;
    }
    requests++;
    const reply = Buffer.from(AsnConvert.serialize(answer(query, stub.mode)));
    response.writeHead(200, { 'content-type': 'application/timestamp-reply', 'content-length': reply.length });
    response.end(reply);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => response.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`;
  return stub;
}
