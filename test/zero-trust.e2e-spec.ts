import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { AckPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { createUser } from '@nats-io/nkeys';
import { connect, headers as natsHeaders, nkeyAuthenticator, type NatsConnection } from '@nats-io/transport-node';
import { NatsRecordBuilder } from '@nestjs/microservices';
import { NatsRecordSerializer } from '@nestjs/microservices/serializers/nats-record.serializer.js';
import { SignJWT } from 'jose';
import pg from 'pg';
import request from 'supertest';
import {
  Consumers,
  ConsumerSubjects,
  EventSubjects,
  IdentityPatterns,
  Streams,
  type ApplicationApprovedEvent,
  DocumentSetIssuedEvent,
  RegistryChangeAppliedEvent,
  ServiceName,
} from '#lib/contracts';
import { ConfigError, loadConfig } from '#lib/platform/core';
import { listDeadLetters, replayDeadLetter } from '#lib/platform/events';
import { EventSealer, RELAYED_BODY_HEADER, relayedPayload, TOKEN_AUDIENCE, TOKEN_ISSUER } from '#lib/platform/rpc';
import { IdentityConfig } from '../apps/identity/src/config/identity.config.js';
import {
  createApprover,
  createStaff,
  IDENTITY_TEST_ENV,
  importCsv,
  login,
  STAFF_PASSWORD,
  TEST_ADMIN,
} from './factories/accounts.factory.js';
import { as, birthBody, buildApplicationsWorld } from './factories/applications.factory.js';
import { residentsCsv, syntheticFamilyWith } from './factories/registry.factory.js';
import { EventProbe } from './support/events.js';
import { startStack, type NatsUser, type Stack } from './support/stack.js';

/**
 * The attacks of issue #12, each tried against a stack secured as deployed (ADR 0005): every
 * test fails if its attack succeeds.
 */
describe('zero trust inside: nobody on the bus is anybody', () => {
  let stack: Stack;
  const connections: NatsConnection[] = [];
  const serializer = new NatsRecordSerializer();

  async function natsAs(user: NatsUser): Promise<NatsConnection> {
    const nc = await stack.connectAs(user);
    connections.push(nc);
    return nc;
  }

  /** A Nest request packet, as RpcClient sends it; resolves with the decoded reply. */
  async function ask(
    nc: NatsConnection,
    subject: string,
    body: object,
    headers: Record<string, string> = {},
  ): Promise<{ err?: { code: string }; response?: unknown }> {
    const h = natsHeaders();
    for (const [name, value] of Object.entries(headers)) h.set(name, value);
    const packet = serializer.serialize({
      pattern: subject,
      id: randomUUID(),
      data: new NatsRecordBuilder(body).setHeaders(h).build(),
    });
    const reply = await nc.request(subject, packet.data as string, { timeout: 3000, headers: packet.headers as never });
    return reply.json();
  }

  /**
   * A seal that claims `app` made it but carries `impostor`'s signature (as if the claim were
   * edited after signing): only `app`'s own key could make it hold.
   */
  async function posingAs<T extends object>(
    app: string,
    impostor: NatsUser,
    subject: string,
    messageClass: new () => T,
    event: T,
  ): Promise<string> {
    const seal = await new EventSealer(impostor, stack.nats.seeds[impostor]).seal(subject, messageClass, event);
    const [header, payload, signature] = seal.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as object;
    return [header, Buffer.from(JSON.stringify({ ...claims, iss: app })).toString('base64url'), signature].join('.');
  }

  /** Published with the operator's key, which may publish every event subject (to replay dead letters). */
  async function publishAsOperator(subject: string, events: object[]): Promise<void> {
    const operator = jetstream(await natsAs('operator'));
    for (const event of events) await operator.publish(subject, JSON.stringify(event), { msgID: randomUUID() });
  }

  /** The dead letters `durable` filed whose payload `matches`, once there are `count` (or after 20 s). */
  async function deadLettersOf(
    durable: string,
    count: number,
    matches: (payload: string) => boolean,
  ): Promise<Awaited<ReturnType<typeof listDeadLetters>>> {
    const jsm = await jetstreamManager(await natsAs('observer'));
    const deadline = Date.now() + 20_000;
    for (;;) {
      const letters = (await listDeadLetters(jsm)).filter((l) => l.durable === durable && matches(l.payload));
      if (letters.length >= count || Date.now() > deadline) return letters;
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  beforeAll(async () => {
    stack = await startStack({ env: IDENTITY_TEST_ENV });
  });

  afterAll(async () => {
    for (const nc of connections) await nc.close().catch(() => undefined);
    await stack?.close();
  });

  it('refuses a NATS connection without credentials, or with a key it does not know', async () => {
    await expect(connect({ servers: stack.natsUrl, reconnect: false })).rejects.toThrow(/Authorization Violation/i);
    const stranger = createUser();
    await expect(
      connect({
        servers: stack.natsUrl,
        reconnect: false,
        authenticator: nkeyAuthenticator(stranger.getSeed()),
      }),
    ).rejects.toThrow(/Authorization Violation/i);
  });

  it('does not let the gateway publish an approval event', async () => {
    const observer = await natsAs('observer');
    const jsm = await jetstreamManager(observer);
    await jsm.streams
      .info(Streams.APPLICATIONS.name)
      .catch(() => jsm.streams.add({ name: Streams.APPLICATIONS.name, subjects: Streams.APPLICATIONS.subjects }));
    const before = (await jsm.streams.info(Streams.APPLICATIONS.name)).state.messages;

    const gateway = await natsAs('gateway');
    const forged = JSON.stringify({ applicationId: randomUUID(), type: 'BIRTH_REGISTRATION' });
    gateway.publish(EventSubjects.APPLICATION_APPROVED, forged);
    await expect(
      jetstream(gateway).publish(EventSubjects.APPLICATION_APPROVED, forged, { msgID: randomUUID() }),
    ).rejects.toThrow(/Permissions Violation|timeout|no responders/i);
    await gateway.flush().catch(() => undefined);
    await new Promise((r) => setTimeout(r, 300));
    expect((await jsm.streams.info(Streams.APPLICATIONS.name)).state.messages).toBe(before);
  });

  it('refuses forged approvals: a made-up official, a CLERK, an official of another regency, a state not APPROVED', async () => {
    const admin = await login(stack.url, TEST_ADMIN.username, TEST_ADMIN.password);
    const family = syntheticFamilyWith({ regencyCode: '16.02', members: 3, seed: 99 });
    expect((await importCsv(stack.url, admin, residentsCsv([family]))).status).toBe(200);
    const clerkId = await createStaff(stack.url, admin, {
      username: 'clerk.attack',
      role: 'CLERK',
      regencyCode: '16.02',
    });
    const official = await createApprover(stack.url, admin, { username: 'official.attack', regencyCode: '16.02' });
    const clerkAsOfficial = await createApprover(stack.url, admin, {
      username: 'clerk.posing',
      regencyCode: '16.02',
      role: 'CLERK',
    });
    const elsewhere = await createApprover(stack.url, admin, { username: 'official.ogan-ilir', regencyCode: '16.10' });
    const parents = family.members.filter(
      (m) => m.relationship === 'KEPALA_KELUARGA' || m.relationship === 'SUAMI' || m.relationship === 'ISTRI',
    );
    const father = parents.find((m) => m.sex === 'LAKI_LAKI')!;
    const mother = parents.find((m) => m.sex === 'PEREMPUAN')!;
    // Each approval a child of its own, so a registry change would show by name.
    const approval = (childName: string, changes: Partial<ApplicationApprovedEvent>): ApplicationApprovedEvent => ({
      applicationId: randomUUID(),
      number: '1602-20261128-09999',
      status: 'APPROVED',
      verifiedBy: clerkId,
      type: 'BIRTH_REGISTRATION',
      regencyCode: '16.02',
      applicantNik: father.nik,
      details: {
        familyCardNumber: family.familyCardNumber,
        child: {
          fullName: childName,
          sex: 'LAKI_LAKI',
          birthDate: '2026-11-20',
          birthPlace: 'Kayuagung',
          placeKind: 'RUMAH_SAKIT',
          birthOrder: 1,
          attendant: 'BIDAN',
          religion: 'ISLAM',
        },
        fatherNik: father.nik,
        motherNik: mother.nik,
        birthLetterNumber: 'SKL/777/XI/2026',
      } as unknown as ApplicationApprovedEvent['details'],
      approvedAt: new Date().toISOString(),
      official,
      ...changes,
    });
    const forged = {
      'no such official': approval('Anak Pejabat Palsu', {
        official: { ...official, accountId: randomUUID(), nip: '197001012000011999' },
      }),
      'a CLERK as the official': approval('Anak Dari Petugas', { official: { ...clerkAsOfficial, role: 'OFFICIAL' } }),
      'an official of another regency': approval('Anak Dari Kabupaten Lain', { official: elsewhere }),
      'a state other than APPROVED': approval('Anak Belum Disetujui', { status: 'VERIFIED' }),
      'the verifier approving': approval('Anak Empat Mata', { verifiedBy: official.accountId }),
      'a NIP not the official’s': approval('Anak Nip Palsu', { official: { ...official, nip: '197001012000011998' } }),
    };
    const genuine = approval('Anak Yang Sah', {});

    // Published with applications' own key: what a stolen key or a broken release could send.
    const probe = await EventProbe.connect(stack);
    try {
      for (const event of Object.values(forged)) await probe.publish(EventSubjects.APPLICATION_APPROVED, event);
      await probe.publish(EventSubjects.APPLICATION_APPROVED, genuine);

      // The genuine one goes through (so the forged ones fail for what they are, not by accident).
      await probe.read<DocumentSetIssuedEvent>(Streams.DOCUMENTS.name, EventSubjects.DOCUMENT_SET_ISSUED, (events) =>
        events.some((e) => e.applicationId === genuine.applicationId),
      );
      // Every forged one is dead-lettered at once as refused, not retried.
      const forgedIds = new Set(Object.values(forged).map((e) => e.applicationId));
      const observer = await natsAs('observer');
      const jsm = await jetstreamManager(observer);
      const deadline = Date.now() + 20_000;
      let refused: Awaited<ReturnType<typeof listDeadLetters>> = [];
      while (Date.now() < deadline) {
        refused = (await listDeadLetters(jsm)).filter((l) =>
          forgedIds.has((JSON.parse(l.payload) as { applicationId: string }).applicationId),
        );
        if (refused.length >= forgedIds.size) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(refused).toHaveLength(forgedIds.size);
      for (const letter of refused) {
        expect(letter.durable).toBe(Consumers.IDENTITY_APPLIES_APPROVALS);
        expect(letter.deliveries).toBe(1);
        expect(letter.reason).toMatch(/^AUTH\.FORBIDDEN: Approval refused/);
      }
      const refusedById = new Map(
        refused.map((l) => [(JSON.parse(l.payload) as { applicationId: string }).applicationId, l.reason]),
      );
      expect(refusedById.get(forged['no such official'].applicationId)).toMatch(/no enabled account/);
      expect(refusedById.get(forged['a CLERK as the official'].applicationId)).toMatch(/is a CLERK/);
      expect(refusedById.get(forged['an official of another regency'].applicationId)).toMatch(/of regency 16\.10/);
      expect(refusedById.get(forged['a state other than APPROVED'].applicationId)).toMatch(/is VERIFIED/);
      expect(refusedById.get(forged['the verifier approving'].applicationId)).toMatch(/four-eyes/);
      // No registry change announced, no document issued for any of them.
      const applied = await probe.read<RegistryChangeAppliedEvent>(
        Streams.IDENTITY.name,
        EventSubjects.REGISTRY_CHANGE_APPLIED,
        () => false,
        300,
      );
      expect(applied.map((e) => e.applicationId)).toContain(genuine.applicationId);
      expect(applied.filter((e) => forgedIds.has(e.applicationId))).toEqual([]);
      const issued = await probe.read<DocumentSetIssuedEvent>(
        Streams.DOCUMENTS.name,
        EventSubjects.DOCUMENT_SET_ISSUED,
        () => false,
        300,
      );
      expect(issued.filter((e) => forgedIds.has(e.applicationId))).toEqual([]);
      // The family gained the genuine child only; the official printed is the one identity checked.
      expect(applied.find((e) => e.applicationId === genuine.applicationId)!.official).toEqual({
        accountId: official.accountId,
        fullName: official.fullName,
        nip: official.nip,
      });
      await createStaff(stack.url, admin, { username: 'clerk.reader', role: 'CLERK', regencyCode: '16.02' });
      const clerk = await login(stack.url, 'clerk.reader', STAFF_PASSWORD);
      const now = await request(stack.url)
        .get(`/api/v1/families/${family.familyCardNumber}`)
        .set('authorization', `Bearer ${clerk}`)
        .expect(200);
      const names = (now.body.members as Array<{ fullName: string }>).map((m) => m.fullName);
      expect(names).toContain('ANAK YANG SAH');
      expect(names.filter((n) => n.startsWith('ANAK ') && n !== 'ANAK YANG SAH')).toEqual([]);
      // The log says what was refused, without a NIK.
      const lines = stack
        .logLines()
        .filter(
          (l) => String(l['msg']).startsWith('Event dead-lettered') && String(l['reason']).includes('Approval refused'),
        );
      expect(lines.length).toBeGreaterThanOrEqual(forgedIds.size);
      expect(JSON.stringify(lines)).not.toContain(father.nik);
    } finally {
      await probe.close();
    }
  });

  it('issues no document for a registry change identity did not seal (the operator’s key, a replayed seal)', async () => {
    // A genuine, sealed registry change (the previous test's approval): the material to forge from.
    const probe = await EventProbe.connect(stack);
    try {
      const [genuine] = await probe.read<RegistryChangeAppliedEvent>(
        Streams.IDENTITY.name,
        EventSubjects.REGISTRY_CHANGE_APPLIED,
        (events) => events.some((e) => typeof e.seal === 'string'),
        5000,
      );
      expect(genuine?.seal).toEqual(expect.any(String));
      const copy = (): RegistryChangeAppliedEvent => ({ ...genuine, applicationId: randomUUID() });
      const unsealed = { ...copy(), seal: undefined };
      const replayedSeal = copy(); // the genuine seal on other content
      const sealedByDocuments = copy();
      sealedByDocuments.seal = await new EventSealer('documents', stack.nats.seeds['documents']).seal(
        EventSubjects.REGISTRY_CHANGE_APPLIED,
        RegistryChangeAppliedEvent,
        sealedByDocuments,
      );
      const posingAsIdentity = copy();
      posingAsIdentity.seal = await posingAs(
        'identity',
        'documents',
        EventSubjects.REGISTRY_CHANGE_APPLIED,
        RegistryChangeAppliedEvent,
        posingAsIdentity,
      );
      const forged = { unsealed, replayedSeal, sealedByDocuments, posingAsIdentity };

      await publishAsOperator(EventSubjects.REGISTRY_CHANGE_APPLIED, Object.values(forged));
      const ids = new Set(Object.values(forged).map((e) => e.applicationId));
      const refused = await deadLettersOf(Consumers.DOCUMENTS_ISSUES_DOCUMENTS, ids.size, (payload) =>
        ids.has((JSON.parse(payload) as { applicationId: string }).applicationId),
      );
      const reasonOf = (event: RegistryChangeAppliedEvent): string | undefined =>
        refused.find((l) => l.payload.includes(event.applicationId))?.reason;
      expect(reasonOf(unsealed)).toMatch(/refused: no seal/);
      expect(reasonOf(replayedSeal)).toMatch(/refused: content differs from the seal/);
      expect(reasonOf(sealedByDocuments)).toMatch(/refused: sealed by documents, not identity/);
      expect(reasonOf(posingAsIdentity)).toMatch(/refused: bad seal signature/);
      const issued = await probe.read<DocumentSetIssuedEvent>(
        Streams.DOCUMENTS.name,
        EventSubjects.DOCUMENT_SET_ISSUED,
        () => false,
        300,
      );
      expect(issued.filter((e) => ids.has(e.applicationId))).toEqual([]);
    } finally {
      await probe.close();
    }
  });

  it('marks no application ISSUED on an issued event documents did not seal (the operator’s key, a replayed seal)', async () => {
    const world = await buildApplicationsWorld(stack.url);
    // An application approved while documents is down: APPROVED, waiting for its documents.
    const submitted = await as(stack.url, world.tokens.father).post('/applications', birthBody(world)).expect(201);
    const id = (submitted.body as { id: string }).id;
    await as(stack.url, world.tokens.clerk).post(`/applications/${id}/verify`, {}).expect(200);
    await stack.stopService(ServiceName.DOCUMENTS);
    await as(stack.url, world.tokens.official).post(`/applications/${id}/approve`).expect(202);
    const statusOf = async (): Promise<{ status: string; documents: Array<{ id: string }> }> =>
      (await as(stack.url, world.tokens.father).get(`/applications/${id}`).expect(200)).body as {
        status: string;
        documents: Array<{ id: string }>;
      };

    const probe = await EventProbe.connect(stack);
    try {
      const kk = world.birthFamily.familyCardNumber;
      const forgedSet = (): DocumentSetIssuedEvent => ({
        applicationId: id,
        documents: [{ id: randomUUID(), kind: 'KARTU_KELUARGA', number: kk }],
      });
      const sealWith = async (app: NatsUser, event: DocumentSetIssuedEvent): Promise<string> =>
        new EventSealer(app, stack.nats.seeds[app]).seal(
          EventSubjects.DOCUMENT_SET_ISSUED,
          DocumentSetIssuedEvent,
          event,
        );
      const unsealed = forgedSet();
      // A genuine seal of documents', on another set.
      const replayedSeal = { ...forgedSet(), seal: await sealWith('documents', forgedSet()) };
      const sealedByIdentity = forgedSet();
      sealedByIdentity.seal = await sealWith('identity', sealedByIdentity);
      const posingAsDocuments = forgedSet();
      posingAsDocuments.seal = await posingAs(
        'documents',
        'applications',
        EventSubjects.DOCUMENT_SET_ISSUED,
        DocumentSetIssuedEvent,
        posingAsDocuments,
      );
      const forged = { unsealed, replayedSeal, sealedByIdentity, posingAsDocuments };

      await publishAsOperator(EventSubjects.DOCUMENT_SET_ISSUED, Object.values(forged));
      const documentIds = new Set(Object.values(forged).map((e) => e.documents[0].id));
      const refused = await deadLettersOf(Consumers.APPLICATIONS_RECORDS_ISSUANCE, documentIds.size, (payload) =>
        documentIds.has((JSON.parse(payload) as DocumentSetIssuedEvent).documents[0].id),
      );
      const reasonOf = (event: DocumentSetIssuedEvent): string | undefined =>
        refused.find((l) => l.payload.includes(event.documents[0].id))?.reason;
      expect(reasonOf(unsealed)).toMatch(/^AUTH\.FORBIDDEN: .* refused: no seal$/);
      expect(reasonOf(replayedSeal)).toMatch(/refused: content differs from the seal$/);
      expect(reasonOf(sealedByIdentity)).toMatch(/refused: sealed by identity, not documents$/);
      expect(reasonOf(posingAsDocuments)).toMatch(/refused: bad seal signature$/);
      // Refused on the first delivery, not retried.
      expect(refused.map((l) => l.deliveries)).toEqual([1, 1, 1, 1]);
      expect((await statusOf()).status).toBe('APPROVED');

      // The log says what was refused, without a full NIK or KK number.
      const lines = stack
        .logLines()
        .filter((l) => String(l['msg']).startsWith('Event dead-lettered') && String(l['reason']).includes(id));
      expect(lines.length).toBeGreaterThanOrEqual(documentIds.size);
      expect(JSON.stringify(stack.logLines())).not.toContain(kk);
      expect(JSON.stringify(stack.logLines())).not.toContain(world.father.nik);

      // Documents back: its own, sealed event closes the application, with its documents only.
      await stack.startService(ServiceName.DOCUMENTS);
      const closeDeadline = Date.now() + 30_000;
      let closed = await statusOf();
      while (closed.status !== 'ISSUED' && Date.now() < closeDeadline) {
        await new Promise((r) => setTimeout(r, 250));
        closed = await statusOf();
      }
      expect(closed.status).toBe('ISSUED');
      expect(closed.documents.filter((d) => documentIds.has(d.id))).toEqual([]);
    } finally {
      await probe.close();
    }
  });

  it('narrows JetStream to each app’s own streams and consumers: the gateway none, documents not identity’s', async () => {
    const refused = /Permissions Violation|timeout|no responders/i;
    // The gateway has no JetStream at all: no account info, no stream, no consumer.
    const gateway = await natsAs('gateway');
    await expect(jetstreamManager(gateway)).rejects.toThrow(refused);
    const gatewayJsm = await jetstreamManager(gateway, { checkAPI: false, timeout: 2000 });
    await expect(gatewayJsm.streams.info(Streams.APPLICATIONS.name)).rejects.toThrow(refused);
    await expect(gatewayJsm.streams.getMessage(Streams.IDENTITY.name, { seq: 1 })).rejects.toThrow(refused);
    await expect(
      gatewayJsm.consumers.add(Streams.APPLICATIONS.name, {
        durable_name: 'gateway-spy',
        ack_policy: AckPolicy.Explicit,
      }),
    ).rejects.toThrow(refused);

    // Documents reads the registry changes through its own consumer (control: this works)…
    const documents = await natsAs('documents');
    const jsm = await jetstreamManager(documents, { timeout: 2000 });
    const own = await jsm.consumers.info(Streams.IDENTITY.name, Consumers.DOCUMENTS_ISSUES_DOCUMENTS);
    expect(own.name).toBe(Consumers.DOCUMENTS_ISSUES_DOCUMENTS);
    // …but not identity's consumer of approvals, nor a consumer of its own on approvals, nor
    // the streams' messages directly; and it may not (re)define identity's stream.
    await expect(jsm.consumers.info(Streams.APPLICATIONS.name, Consumers.IDENTITY_APPLIES_APPROVALS)).rejects.toThrow(
      refused,
    );
    const js = jetstream(documents, { timeout: 2000 });
    await expect(js.consumers.get(Streams.APPLICATIONS.name, Consumers.IDENTITY_APPLIES_APPROVALS)).rejects.toThrow(
      refused,
    );
    const stolenPull = documents.request(
      `$JS.API.CONSUMER.MSG.NEXT.${Streams.APPLICATIONS.name}.${Consumers.IDENTITY_APPLIES_APPROVALS}`,
      JSON.stringify({ batch: 1, expires: 1_000_000_000 }),
      { timeout: 2000 },
    );
    await expect(stolenPull).rejects.toThrow(refused);
    await expect(
      jsm.consumers.add(Streams.APPLICATIONS.name, { durable_name: 'documents-spy', ack_policy: AckPolicy.Explicit }),
    ).rejects.toThrow(refused);
    await expect(
      jsm.consumers.add(Streams.IDENTITY.name, { durable_name: 'documents-second', ack_policy: AckPolicy.Explicit }),
    ).rejects.toThrow(refused);
    await expect(jsm.streams.getMessage(Streams.IDENTITY.name, { seq: 1 })).rejects.toThrow(refused);
    await expect(
      jsm.streams.update(Streams.IDENTITY.name, { subjects: ['documents.document-set.issued'] }),
    ).rejects.toThrow(refused);
    await expect(jsm.streams.delete(Streams.IDENTITY.name)).rejects.toThrow(refused);
  });

  it('replays no dead letter a service filed under another subject than its consumer reads', async () => {
    // Applications, compromised, files a "dead letter" that would be a registry change and
    // says it came from documents' consumer: the operator's key may publish every event.
    const applications = await natsAs('applications');
    const h = natsHeaders();
    h.set('Dl-Stream', Streams.IDENTITY.name);
    h.set('Dl-Subject', EventSubjects.REGISTRY_CHANGE_APPLIED);
    h.set('Dl-Seq', '1');
    h.set('Dl-Durable', Consumers.DOCUMENTS_ISSUES_DOCUMENTS);
    h.set('Dl-Deliveries', '1');
    h.set('Dl-Reason', 'planted');
    h.set('Dl-At', new Date().toISOString());
    const planted = JSON.stringify({ applicationId: randomUUID(), type: 'FAMILY_CARD_REPLACEMENT' });
    const ack = await jetstream(applications).publish(
      `dead-letter.${Consumers.APPLICATIONS_RECORDS_ISSUANCE}`,
      planted,
      {
        headers: h,
      },
    );
    // It may not file it under documents' consumer in the first place.
    await expect(
      jetstream(applications, { timeout: 2000 }).publish(
        `dead-letter.${Consumers.DOCUMENTS_ISSUES_DOCUMENTS}`,
        planted,
      ),
    ).rejects.toThrow(/Permissions Violation|timeout|no responders/i);

    const operator = await natsAs('operator');
    const jsm = await jetstreamManager(operator);
    const observer = await jetstreamManager(await natsAs('observer'));
    const before = (await observer.streams.info(Streams.IDENTITY.name)).state.messages;
    await expect(replayDeadLetter(jetstream(operator), jsm, ack.seq, ConsumerSubjects)).rejects.toThrow(
      /of consumer applications-records-issuance names identity\.registry\.change-applied.*not replayed/,
    );
    expect((await observer.streams.info(Streams.IDENTITY.name)).state.messages).toBe(before);
    // Still listed for the operator to look at.
    expect((await listDeadLetters(jsm)).map((l) => l.id)).toContain(ack.seq);
    // A letter filed by the consumer of its own subject is replayed (a refused approval: identity
    // refuses it again, so nothing changes).
    const genuine = (await listDeadLetters(jsm)).find(
      (l) => l.durable === Consumers.IDENTITY_APPLIES_APPROVALS && l.subject === EventSubjects.APPLICATION_APPROVED,
    );
    expect(genuine).toBeDefined();
    await expect(replayDeadLetter(jetstream(operator), jsm, genuine!.id, ConsumerSubjects)).resolves.toMatchObject({
      id: genuine!.id,
    });
    expect((await listDeadLetters(jsm)).map((l) => l.id)).not.toContain(genuine!.id);
  });

  it('does not let documents read the registry through identity.persons.get', async () => {
    const documents = await natsAs('documents');
    const asked = ask(
      documents,
      IdentityPatterns.PERSONS_GET,
      { niks: ['1602010101900001'] },
      stack.callerHeaders('documents', IdentityPatterns.PERSONS_GET),
    );
    await expect(asked).rejects.toThrow(/Permissions Violation|timeout|no responders/i);
  });

  it('does not believe a principal in a message body', async () => {
    const gateway = await natsAs('gateway');
    const admin = { accountId: randomUUID(), role: 'ADMIN', regencyCode: '16.02', username: 'intruder' };
    const staff = {
      principal: admin,
      username: 'planted.admin',
      password: 'planted-password-123',
      fullName: 'PENYUSUP',
      nip: '198001012010011001',
      role: 'ADMIN',
      regencyCode: '16.02',
    };
    // No access token: refused before anything runs.
    const bare = await ask(
      gateway,
      IdentityPatterns.STAFF_CREATE,
      staff,
      stack.callerHeaders('gateway', IdentityPatterns.STAFF_CREATE),
    );
    expect(bare.err?.code).toBe('AUTH.UNAUTHENTICATED');
    // A resident's real token, with an ADMIN principal written into the body: refused.
    const residentToken = await stack.signToken({ sub: randomUUID(), role: 'RESIDENT', nik: '1602010101900001' });
    const dressedUp = await ask(
      gateway,
      IdentityPatterns.STAFF_CREATE,
      staff,
      stack.callerHeaders('gateway', IdentityPatterns.STAFF_CREATE, residentToken),
    );
    expect(dressedUp.err?.code).toBe('AUTH.FORBIDDEN');
    // The gateway's NATS key without its signed caller assertion: refused too.
    const unsigned = await ask(gateway, IdentityPatterns.STAFF_CREATE, staff, {
      authorization: `Bearer ${residentToken}`,
    });
    expect(unsigned.err?.code).toBe('AUTH.UNAUTHENTICATED');
    // And the planted account does not exist.
    const planted = await request(stack.url)
      .post('/api/v1/auth/login')
      .send({ username: 'planted.admin', password: 'planted-password-123' });
    expect(planted.status).toBe(401);
  });

  it('makes the plainly subscribed verification subjects run the same caller checks', async () => {
    const gateway = await natsAs('gateway');
    const verify = IdentityPatterns.VERIFICATION_VERIFY;
    const agency = { accountId: randomUUID(), role: 'AGENCY' };
    const check = { principal: agency, nik: '1602054101900001', purpose: 'Uji serangan' };
    const agencyToken = await stack.signToken({ sub: agency.accountId, role: 'AGENCY' });
    // No assertion, no token; then a token without the assertion; then the assertion of another subject.
    expect((await ask(gateway, verify, check)).err?.code).toBe('AUTH.UNAUTHENTICATED');
    expect((await ask(gateway, verify, check, { authorization: `Bearer ${agencyToken}` })).err?.code).toBe(
      'AUTH.UNAUTHENTICATED',
    );
    const elsewhere = stack.callerHeaders('gateway', IdentityPatterns.VERIFICATION_VERIFY_BATCH, agencyToken);
    expect((await ask(gateway, verify, check, elsewhere)).err?.code).toBe('AUTH.UNAUTHENTICATED');
    // A real token of another agency than the body names: refused; without a token, a principal is never taken.
    const otherToken = await stack.signToken({ sub: randomUUID(), role: 'AGENCY' });
    const dressedUp = await ask(gateway, verify, check, stack.callerHeaders('gateway', verify, otherToken));
    expect(dressedUp.err?.code).toBe('AUTH.FORBIDDEN');
    const bare = await ask(gateway, verify, check, stack.callerHeaders('gateway', verify));
    expect(bare.err?.code).toBe('AUTH.UNAUTHENTICATED');
    // The caller checked, the body is still validated (same rules as the contract class).
    const invalid = await ask(
      gateway,
      verify,
      { ...check, nik: '123', extra: 1 },
      stack.callerHeaders('gateway', verify, agencyToken),
    );
    expect(invalid.err?.code).toBe('VALIDATION.FAILED');
    // Documents may not ask at all (NATS permissions), whatever it signs.
    const documents = await natsAs('documents');
    await expect(
      ask(documents, verify, check, stack.callerHeaders('documents', verify, agencyToken)),
    ).rejects.toThrow();
  });

  it('parses a relayed HTTP body only on the subject the gateway relays to (the batch)', async () => {
    const gateway = await natsAs('gateway');
    const agency = { accountId: randomUUID(), role: 'AGENCY' };
    const agencyToken = await stack.signToken({ sub: agency.accountId, role: 'AGENCY' });
    const check = { nik: '1602054101900001', purpose: 'Uji serangan' };
    /** As RpcClient.relayRaw: the packet's line, then the body's bytes. */
    const relay = async (subject: string, body: object): Promise<{ err?: { code: string }; response?: unknown }> => {
      const h = natsHeaders();
      for (const [name, value] of Object.entries(stack.callerHeaders('gateway', subject, agencyToken)))
        h.set(name, value);
      h.set(RELAYED_BODY_HEADER, '1');
      const packet = serializer.serialize({
        pattern: subject,
        id: randomUUID(),
        data: new NatsRecordBuilder({ principal: agency }).setHeaders(h).build(),
      });
      const payload = relayedPayload(packet.data as string, Buffer.from(JSON.stringify(body)));
      return (await gateway.request(subject, payload, { timeout: 3000, headers: packet.headers as never })).json();
    };
    // The single-check subjects take no relayed body, even from the gateway with a valid caller.
    expect((await relay(IdentityPatterns.VERIFICATION_VERIFY, check)).err?.code).toBe('REQUEST.MALFORMED');
    expect((await relay(IdentityPatterns.VERIFICATION_VERIFY_MANY, { items: [] })).err?.code).toBe('REQUEST.MALFORMED');
    // The batch subject parses it (an agency unknown to identity is refused after parsing).
    const batch = await relay(IdentityPatterns.VERIFICATION_VERIFY_BATCH, { items: [check] });
    expect(batch.err?.code).toBe('AUTH.UNAUTHENTICATED');
    const malformed = await relay(IdentityPatterns.VERIFICATION_VERIFY_BATCH, { items: [{ ...check, nik: '1' }] });
    expect(malformed.err?.code).toBe('VALIDATION.FAILED');
  });

  it('has no identity.keys.list: no app may ask it or answer it, and no key comes from the bus', async () => {
    const KEYS_LIST = 'identity.keys.list';
    expect(Object.values(IdentityPatterns)).not.toContain(KEYS_LIST);
    // An impostor cannot even listen on it.
    const impostor = await natsAs('documents');
    const received: unknown[] = [];
    const subscription = impostor.subscribe(KEYS_LIST, {
      callback: (error, message) => {
        if (!error) {
          received.push(message.data);
          message.respond(JSON.stringify({ response: { keys: [] } }));
        }
      },
    });
    await impostor.flush().catch(() => undefined);
    await expect(subscription.closed).resolves.toBeInstanceOf(Error);
    // No app may ask it (identity itself neither), so nothing could answer a question for keys.
    for (const app of ['gateway', 'applications', 'documents', 'identity'] as const) {
      const asker = await natsAs(app);
      await expect(ask(asker, KEYS_LIST, {}, stack.callerHeaders(app, KEYS_LIST))).rejects.toThrow(
        /Permissions Violation|timeout|no responders/i,
      );
    }
    expect(received).toHaveLength(0);

    // A token signed by a key of the attacker's own, whatever kid it names, opens nothing.
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const forged = await new SignJWT({ role: 'ADMIN', regencyCode: '16.02', username: TEST_ADMIN.username })
      .setProtectedHeader({ alg: 'ES256', kid: 'impostor-1', typ: 'JWT' })
      .setSubject(randomUUID())
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    const me = await request(stack.url).get('/api/v1/me').set('authorization', `Bearer ${forged}`);
    expect(me.status).toBe(401);
    // The real administrator still gets in.
    expect(await login(stack.url, TEST_ADMIN.username, TEST_ADMIN.password)).toEqual(expect.any(String));
  });

  it('does not let the identity runtime role edit, remove, truncate or unguard the access log', async () => {
    const db = new pg.Client({ connectionString: stack.runtimeDatabaseUrls.identity });
    await db.connect();
    try {
      const refused = /permission denied|must be owner/;
      await expect(
        db.query(`INSERT INTO access_log (id) SELECT id FROM access_log WHERE false`),
      ).resolves.toBeDefined();
      await expect(db.query(`UPDATE access_log SET purpose = 'x'`)).rejects.toThrow(refused);
      await expect(db.query(`DELETE FROM access_log`)).rejects.toThrow(refused);
      await expect(db.query(`TRUNCATE access_log`)).rejects.toThrow(refused);
      await expect(db.query(`ALTER TABLE access_log DISABLE TRIGGER ALL`)).rejects.toThrow(refused);
      await expect(db.query(`ALTER TABLE access_log DISABLE TRIGGER access_log_append_only`)).rejects.toThrow(refused);
      await expect(db.query(`CREATE TABLE planted (id int)`)).rejects.toThrow(refused);
      await expect(db.query(`SET session_replication_role = replica`)).rejects.toThrow(refused);
    } finally {
      await db.end();
    }
  });

  it('refuses to start identity in production with the published admin password', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://disduk_identity_app:s3cret-runtime-password@db:5432/disduk_identity',
      NATS_NKEY_SEED: stack.nats.seeds['identity'],
      NATS_PEERS: JSON.stringify(stack.nats.peers),
      JWT_PUBLIC_KEYS: '{"keys":[]}',
      JWT_PRIVATE_KEY: 'unused-here',
      JWT_KEY_ID: 'prod-2026-11',
      ADMIN_USERNAME: 'admin',
    };
    const attempt = (password: string) => () =>
      loadConfig('identity', IdentityConfig, { ...production, ADMIN_PASSWORD: password });
    expect(attempt('admin-dev-password')).toThrow(ConfigError);
    expect(attempt('admin-dev-password')).toThrow(/ADMIN_PASSWORD/);
    // The same settings with a secret of the operator's own are accepted.
    expect(attempt('a-long-secret-of-our-own-2026')).not.toThrow();
  });
});
