import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync, type ExecFileSyncOptionsWithStringEncoding } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { ContentInfo, SignedData } from '@peculiar/asn1-cms';
import { AsnConvert } from '@peculiar/asn1-schema';
import { EventSubjects, Streams, type DocumentSetIssuedEvent, type RegistryChangeAppliedEvent } from '#lib/contracts';
import { OID } from '../apps/documents/src/signing/cms-attributes.js';
import { startTsaStub, TSA_STUB_POLICY, type TsaStub } from '../apps/documents/src/signing/testing/tsa-stub.js';
import type { SyntheticFamily } from '../apps/identity/src/seed/population-generator.js';
import {
  createStaff,
  IDENTITY_TEST_ENV,
  importCsv,
  login,
  STAFF_PASSWORD,
  TEST_ADMIN,
} from './factories/accounts.factory.js';
import { familyViewOf, residentsCsv, syntheticFamilies } from './factories/registry.factory.js';
import { EventProbe } from './support/events.js';
import { startStack, type Stack } from './support/stack.js';

/**
 * PAdES B-T through configuration: the documents service started with SIGNING_TSA_URL pointing
 * at a real RFC 3161 server on 127.0.0.1 issues PDFs whose signature carries that authority's
 * time-stamp token over the signature value (pdfsig validates the signature; OpenSSL the token).
 */
describe('documents: signatures time-stamped by the configured authority (SIGNING_TSA_URL)', () => {
  let tsa: TsaStub;
  let stack: Stack;
  let probe: EventProbe;
  let clerk: string;
  let documentId: string;
  const scratch = mkdtempSync(path.join(tmpdir(), 'documents-tsa-e2e-'));

  beforeAll(async () => {
    tsa = await startTsaStub();
    stack = await startStack({ env: { ...IDENTITY_TEST_ENV, SIGNING_TSA_URL: tsa.url } });
    probe = await EventProbe.connect(stack);
    const [family] = syntheticFamilies({ regencyCode: '16.02', families: 1, seed: 3161 }) as [SyntheticFamily];
    const admin = await login(stack.url, TEST_ADMIN.username, TEST_ADMIN.password);
    expect((await importCsv(stack.url, admin, residentsCsv([family]))).status).toBe(200);
    await createStaff(stack.url, admin, { username: 'clerk.tsa', role: 'CLERK', regencyCode: '16.02' });
    clerk = await login(stack.url, 'clerk.tsa', STAFF_PASSWORD);
    const event: RegistryChangeAppliedEvent = {
      applicationId: randomUUID(),
      type: 'FAMILY_CARD_REPLACEMENT',
      regencyCode: '16.02',
      approvedAt: new Date().toISOString(),
      official: { accountId: randomUUID(), fullName: 'Drs. H. AHMAD SYAHRIAL, M.Si.', nip: '197003152000031004' },
      familyCardNumbers: [family.familyCardNumber],
      documents: [{ kind: 'KARTU_KELUARGA', family: familyViewOf(family) }],
    };
    await probe.ensureStream(Streams.IDENTITY.name, Streams.IDENTITY.subjects);
    await probe.publish(EventSubjects.REGISTRY_CHANGE_APPLIED, event);
    const issued = await probe.read<DocumentSetIssuedEvent>(
      Streams.DOCUMENTS.name,
      EventSubjects.DOCUMENT_SET_ISSUED,
      (events) => events.some((e) => e.applicationId === event.applicationId),
    );
    documentId = issued.find((e) => e.applicationId === event.applicationId)!.documents[0].id;
  });

  afterAll(async () => {
    await probe?.close();
    await stack?.close();
    await tsa?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('issues a PDF whose valid signature carries the authority’s token over the signature value', async () => {
    expect(tsa.requests).toBeGreaterThanOrEqual(1);
    const response = await request(stack.url)
      .get(`/api/v1/documents/${documentId}/pdf`)
      .set('authorization', `Bearer ${clerk}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const file = path.join(scratch, 'kk.pdf');
    writeFileSync(file, response.body as Buffer);
    expect(spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout).toMatch(/Signature is Valid/);

    execFileSync('pdfsig', ['-dump', file], { cwd: scratch, stdio: 'ignore' });
    const dumped = readdirSync(scratch).find((name) => name.endsWith('.sig0'))!;
    const contentInfo = AsnConvert.parse(readFileSync(path.join(scratch, dumped)), ContentInfo);
    const signerInfo = AsnConvert.parse(contentInfo.content, SignedData).signerInfos[0];
    const token = signerInfo.unsignedAttrs?.find((a) => a.attrType === OID.timeStampToken)?.attrValues[0];
    expect(token).toBeDefined();
    writeFileSync(path.join(scratch, 'token.der'), Buffer.from(token!));
    writeFileSync(path.join(scratch, 'tsa.pem'), tsa.certificatePem);
    const imprint = createHash('sha256').update(Buffer.from(signerInfo.signature.buffer)).digest('hex');
    // stderr piped: OpenSSL names its configuration file there.
    const quiet: ExecFileSyncOptionsWithStringEncoding = {
      cwd: scratch,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    };
    const text = execFileSync('openssl', ['ts', '-reply', '-token_in', '-in', 'token.der', '-text'], quiet);
    expect(text).toContain(`Policy OID: ${TSA_STUB_POLICY}`);
    const verified = execFileSync(
      'openssl',
      ['ts', '-verify', '-token_in', '-in', 'token.der', '-digest', imprint, '-CAfile', 'tsa.pem'],
      quiet,
    );
    expect(verified).toContain('Verification: OK');
  });
});
