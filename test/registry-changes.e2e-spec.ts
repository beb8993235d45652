import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  EventSubjects,
  Streams,
  type ApplicationApprovedEvent,
  type DocumentSetIssuedEvent,
  type RegistryChangeAppliedEvent,
} from '#lib/contracts';
import { parseNik } from '#lib/domain';
import type { SyntheticFamily } from '../apps/identity/src/seed/population-generator.js';
import {
  createApprover,
  createStaff,
  IDENTITY_TEST_ENV,
  importCsv,
  login,
  STAFF_PASSWORD,
  TEST_ADMIN,
  type StaffIdentity,
} from './factories/accounts.factory.js';
import { residentsCsv, syntheticFamilyWith } from './factories/registry.factory.js';
import { EventProbe } from './support/events.js';
import { startStack, type Stack } from './support/stack.js';

/**
 * The hand-off after approval, as the applications service starts it: identity applies the
 * approved application to the registry exactly once and documents issues what it lists.
 */
describe('approved applications change the registry once and get their documents', () => {
  let stack: Stack;
  let probe: EventProbe;
  let family: SyntheticFamily;
  let clerk: string;
  let clerkId: string;
  /** A real official of the regency: identity applies no approval naming anyone else. */
  let official: StaffIdentity;

  beforeAll(async () => {
    stack = await startStack({ env: IDENTITY_TEST_ENV });
    probe = await EventProbe.connect(stack);
    family = syntheticFamilyWith({ regencyCode: '16.02', members: 3, seed: 99 });
    const admin = await login(stack.url, TEST_ADMIN.username, TEST_ADMIN.password);
    expect((await importCsv(stack.url, admin, residentsCsv([family]))).status).toBe(200);
    clerkId = await createStaff(stack.url, admin, { username: 'clerk.births', role: 'CLERK', regencyCode: '16.02' });
    official = await createApprover(stack.url, admin, {
      username: 'ratna.dewi',
      regencyCode: '16.02',
      fullName: 'HJ. RATNA DEWI, S.H.',
    });
    clerk = await login(stack.url, 'clerk.births', STAFF_PASSWORD);
    await probe.ensureStream(Streams.APPLICATIONS.name, Streams.APPLICATIONS.subjects);
  });

  afterAll(async () => {
    await probe?.close();
    await stack?.close();
  });

  const approval = (details: object, type: ApplicationApprovedEvent['type']): ApplicationApprovedEvent => ({
    applicationId: randomUUID(),
    number: '1602-20261128-00001',
    status: 'APPROVED',
    verifiedBy: clerkId,
    type,
    regencyCode: '16.02',
    applicantNik: family.members[0].nik,
    // Deliberately untyped: the tests send what a broken or older publisher might.
    details: details as ApplicationApprovedEvent['details'],
    approvedAt: new Date().toISOString(),
    official,
  });

  it('gives a newborn a NIK, adds them to the KK as ANAK, and issues the KK and the akta — once', async () => {
    const head = family.members.find((m) => m.relationship === 'KEPALA_KELUARGA')!;
    const wife = family.members.find((m) => m.relationship === 'ISTRI')!;
    const birthDate = '2026-11-20';
    const event = approval(
      {
        familyCardNumber: family.familyCardNumber,
        child: {
          fullName: 'Putri Ayu Lestari',
          sex: 'PEREMPUAN',
          birthDate,
          birthPlace: 'Kayuagung',
          placeKind: 'RUMAH_SAKIT',
          birthOrder: 1,
          attendant: 'BIDAN',
          religion: 'ISLAM',
        },
        fatherNik: head.nik,
        motherNik: wife.nik,
        birthLetterNumber: 'SKL/123/XI/2026',
      },
      'BIRTH_REGISTRATION',
    );
    await probe.publish(EventSubjects.APPLICATION_APPROVED, event);
    await probe.publish(EventSubjects.APPLICATION_APPROVED, event); // delivered again: nothing more happens

    const [applied] = await probe.read<RegistryChangeAppliedEvent>(
      Streams.IDENTITY.name,
      EventSubjects.REGISTRY_CHANGE_APPLIED,
      (events) => events.some((e) => e.applicationId === event.applicationId),
    );
    expect(applied.documents.map((d) => d.kind).sort()).toEqual(['AKTA_KELAHIRAN', 'KARTU_KELUARGA']);
    const birth = applied.documents.find((d) => d.kind === 'AKTA_KELAHIRAN')!.birth;
    expect(birth).toMatchObject({
      childName: 'PUTRI AYU LESTARI',
      fatherName: head.fullName,
      motherName: wife.fullName,
      birthOrder: 1,
    });
    const nik = parseNik(birth.childNik);
    expect(nik).toMatchObject({ sex: 'PEREMPUAN', birthDate });
    expect(birth.childNik.slice(0, 6)).toBe(family.villageCode.replace(/\./g, '').slice(0, 6));
    const printed = applied.documents.find((d) => d.kind === 'KARTU_KELUARGA')!.family;
    expect(printed.members.map((m) => m.nik)).toContain(birth.childNik);

    const issued = await probe.read<DocumentSetIssuedEvent>(
      Streams.DOCUMENTS.name,
      EventSubjects.DOCUMENT_SET_ISSUED,
      (events) => events.some((e) => e.applicationId === event.applicationId),
    );
    expect(issued.filter((e) => e.applicationId === event.applicationId)).toHaveLength(1);

    await new Promise((r) => setTimeout(r, 1000));
    const now = await request(stack.url)
      .get(`/api/v1/families/${family.familyCardNumber}`)
      .set('authorization', `Bearer ${clerk}`)
      .expect(200);
    const children = (now.body.members as Array<{ nik: string; relationship: string; fullName: string }>).filter(
      (m) => m.fullName === 'PUTRI AYU LESTARI',
    );
    expect(children).toEqual([expect.objectContaining({ nik: birth.childNik, relationship: 'ANAK' })]);
    const announcements = await probe.read<RegistryChangeAppliedEvent>(
      Streams.IDENTITY.name,
      EventSubjects.REGISTRY_CHANGE_APPLIED,
      () => false,
      500,
    );
    expect(announcements.filter((e) => e.applicationId === event.applicationId)).toHaveLength(1);
  });

  it('moves members into a new family with a new No. KK and reprints the card they left', async () => {
    const child = family.members.find((m) => m.relationship === 'ANAK' && m.fullName !== 'PUTRI AYU LESTARI')!;
    const event = approval(
      {
        headNik: child.nik,
        members: [{ nik: child.nik, relationship: 'KEPALA_KELUARGA' }],
        address: 'JL. MERDEKA NO. 12',
        rt: '003',
        rw: '002',
        villageCode: family.villageCode,
        postalCode: family.postalCode,
        reason: 'Pisah KK',
      },
      'FAMILY_CARD_NEW',
    );
    await probe.publish(EventSubjects.APPLICATION_APPROVED, event);
    const [applied] = (
      await probe.read<RegistryChangeAppliedEvent>(
        Streams.IDENTITY.name,
        EventSubjects.REGISTRY_CHANGE_APPLIED,
        (events) => events.some((e) => e.applicationId === event.applicationId),
      )
    ).filter((e) => e.applicationId === event.applicationId);
    const [newNumber, oldNumber] = applied.familyCardNumbers;
    expect(oldNumber).toBe(family.familyCardNumber);
    expect(newNumber).not.toBe(family.familyCardNumber);
    const families = applied.documents.flatMap((d) => (d.kind === 'KARTU_KELUARGA' ? [d.family] : []));
    expect(families.find((f) => f.familyCardNumber === newNumber)!.members.map((m) => m.nik)).toEqual([child.nik]);
    expect(families.find((f) => f.familyCardNumber === oldNumber)!.members.map((m) => m.nik)).not.toContain(child.nik);
  });
});
