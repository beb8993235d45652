import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { createUser } from '@nats-io/nkeys';
import {
  DocumentSetIssuedEvent,
  EventSubjects,
  type FamilyView,
  type PersonView,
  type RegistryChangeAppliedEvent,
} from '#lib/contracts';
import { DomainError } from '#lib/domain';
import type { AppLogger } from '#lib/platform/core';
import { EventSealer, EventSealVerifier, receivedEvent } from '#lib/platform/rpc';
import { DocumentsConfig } from '../config/documents.config.js';
import type { IssuanceDetails } from '../rendering/document-models.js';
import { IssuanceService } from './issuance.service.js';
import type { SignedPdfFactory } from './signed-pdf.factory.js';
import { InMemoryIssuedDocuments } from './testing/in-memory-issued-documents.js';

// Synthetic people only.
const KK = '1602051201150003';
const CHILD_NIK = '1602052011260001';
const member = (nik: string, fullName: string, relationship: PersonView['relationship']): PersonView => ({
  nik,
  fullName,
  sex: 'LAKI_LAKI',
  birthPlace: 'KAYU AGUNG',
  birthDate: '1990-01-01',
  religion: 'ISLAM',
  education: 'SLTA/SEDERAJAT',
  occupation: 'WIRASWASTA',
  bloodType: 'O',
  maritalStatus: 'KAWIN_TERCATAT',
  citizenship: 'WNI',
  fatherName: 'AYAH',
  motherName: 'IBU',
  status: 'ACTIVE',
  relationship,
});
const family: FamilyView = {
  familyCardNumber: KK,
  address: 'JL. MERDEKA NO. 5',
  rt: '001',
  rw: '002',
  villageCode: '16.02.05.1002',
  postalCode: '30611',
  headNik: '1602050101900001',
  villageName: 'KEDATON',
  districtCode: '16.02.05',
  districtName: 'KAYU AGUNG',
  regencyCode: '16.02',
  regencyName: 'KABUPATEN OGAN KOMERING ILIR',
  provinceCode: '16',
  provinceName: 'SUMATERA SELATAN',
  members: [member('1602050101900001', 'BUDI SANTOSO', 'KEPALA_KELUARGA'), member(CHILD_NIK, 'BAYU SANTOSO', 'ANAK')],
};

function applied(overrides: Partial<RegistryChangeAppliedEvent> = {}): RegistryChangeAppliedEvent {
  return {
    applicationId: '11111111-1111-4111-8111-111111111111',
    type: 'BIRTH_REGISTRATION',
    regencyCode: '16.02',
    approvedAt: '2026-11-28T03:00:00.000Z',
    official: {
      accountId: '00000000-0000-4000-8000-000000000020',
      fullName: 'IR. HENDRA WIJAYA',
      nip: '197805122005011003',
    },
    familyCardNumbers: [KK],
    documents: [
      { kind: 'KARTU_KELUARGA', family },
      {
        kind: 'AKTA_KELAHIRAN',
        birth: {
          childNik: CHILD_NIK,
          childName: 'BAYU SANTOSO',
          sex: 'LAKI_LAKI',
          birthDate: '2026-11-20',
          birthPlace: 'KAYU AGUNG',
          birthOrder: 2,
          fatherName: 'BUDI SANTOSO',
          motherName: 'SITI AMINAH',
          registrationDate: '2026-11-28',
        },
      },
    ],
    ...overrides,
  };
}

/** Signing is the signer's own test; here the "PDF" is the model the renderer would print. */
const pdfs = {
  signed: <M extends IssuanceDetails>(_render: (model: M) => Promise<Buffer>, model: M): Promise<Buffer> =>
    Promise.resolve(Buffer.from(JSON.stringify(model))),
} as unknown as SignedPdfFactory;

describe(IssuanceService.name, () => {
  let documents: InMemoryIssuedDocuments;
  let sut: IssuanceService;
  const printed = (id: string): Record<string, unknown> =>
    JSON.parse(documents.files.get(id)!.toString()) as Record<string, unknown>;

  beforeEach(() => {
    documents = new InMemoryIssuedDocuments();
    const config = Object.assign(new DocumentsConfig(), { PUBLIC_BASE_URL: 'https://disdukcapil.example.go.id/' });
    const logger = { info: jest.fn(), error: jest.fn() } as unknown as AppLogger;
    sut = new IssuanceService(documents.asRepository(), pdfs, config, logger);
  });

  it("issues each document with its kind's issuer: number, owners, QR address, official", async () => {
    const [kk, akta] = await sut.issue(applied());
    expect(kk).toMatchObject({ kind: 'KARTU_KELUARGA', number: KK, subjectKey: KK, holderName: 'BUDI SANTOSO' });
    expect(akta).toMatchObject({
      kind: 'AKTA_KELAHIRAN',
      number: '1602-LU-28112026-0001',
      subjectKey: CHILD_NIK,
      familyCardNumber: null,
      holderName: 'BAYU SANTOSO',
      officialNip: '197805122005011003',
    });
    // The family of the set may read the akta too.
    expect(akta.memberNiks).toEqual(family.members.map((m) => m.nik));
    expect(printed(akta.id)).toMatchObject({
      certificateNumber: '1602-LU-28112026-0001',
      issuePlace: 'Ogan Komering Ilir',
      verificationUrl: `https://disdukcapil.example.go.id/verifikasi/${akta.verificationToken}`,
    });
    expect(documents.outbox).toEqual([
      {
        applicationId: applied().applicationId,
        documents: [
          { id: kk.id, kind: 'KARTU_KELUARGA', number: KK },
          { id: akta.id, kind: 'AKTA_KELAHIRAN', number: '1602-LU-28112026-0001' },
        ],
      },
    ]);
  });

  it("seals the issued event with documents' key, so applications can tell it is documents'", async () => {
    const key = createUser();
    const sealer = new EventSealer('documents', new TextDecoder().decode(key.getSeed()));
    const config = Object.assign(new DocumentsConfig(), { PUBLIC_BASE_URL: 'https://disdukcapil.example.go.id/' });
    const logger = { info: jest.fn(), error: jest.fn() } as unknown as AppLogger;
    await new IssuanceService(documents.asRepository(), pdfs, config, logger, sealer).issue(applied());
    const [issued] = documents.outbox;
    expect(issued.seal).toEqual(expect.any(String));
    const verifier = new EventSealVerifier({ documents: key.getPublicKey() });
    const expected = { producer: 'documents', subject: EventSubjects.DOCUMENT_SET_ISSUED };
    // As applications' handler gets it: through JSON (the outbox, the stream), then validated.
    const receive = async (event: object): Promise<DocumentSetIssuedEvent> =>
      (await receivedEvent(DocumentSetIssuedEvent, JSON.parse(JSON.stringify(event)) as object)).event;
    expect(verifier.verify(await receive(issued), expected)).toBe(true);
    const forged = await receive({ ...issued, applicationId: '22222222-2222-4222-8222-222222222222' });
    expect(verifier.verify(forged, expected)).toBe('content differs from the seal');
  });

  // Issue #14 point 5: a KK a member left is issued by its own regency's office.
  it("prints each KK with its own regency's office, not the application's", async () => {
    const palembang: FamilyView = {
      ...family,
      familyCardNumber: '1671010101200001',
      villageCode: '16.71.01.1001',
      regencyCode: '16.71',
      regencyName: 'KOTA PALEMBANG',
    };
    const [kk, old] = await sut.issue(
      applied({
        type: 'FAMILY_CARD_NEW',
        familyCardNumbers: [KK, palembang.familyCardNumber],
        documents: [
          { kind: 'KARTU_KELUARGA', family },
          { kind: 'KARTU_KELUARGA', family: palembang },
        ],
      }),
    );
    expect(printed(kk.id)).toMatchObject({ issuingRegencyName: 'KABUPATEN OGAN KOMERING ILIR' });
    expect(printed(old.id)).toMatchObject({ issuingRegencyName: 'KOTA PALEMBANG' });
  });

  it('returns the stored set when the event arrives again, issuing nothing new', async () => {
    const first = await sut.issue(applied());
    const again = await sut.issue(applied());
    expect(again.map((d) => d.id)).toEqual(first.map((d) => d.id));
    expect(documents.documents).toHaveLength(2);
    expect(documents.outbox).toHaveLength(1);
  });

  it('supersedes the earlier print of a KK, never an akta', async () => {
    const [firstKk, akta] = await sut.issue(applied());
    const [secondKk] = await sut.issue(
      applied({
        applicationId: '22222222-2222-4222-8222-222222222222',
        type: 'FAMILY_CARD_REPLACEMENT',
        documents: [{ kind: 'KARTU_KELUARGA', family }],
      }),
    );
    expect(firstKk).toMatchObject({ status: 'SUPERSEDED', supersededBy: secondKk.id });
    expect(akta.status).toBe('VALID');
  });

  it("refuses a document the application's type may not issue", async () => {
    const error = await sut.issue(applied({ type: 'FAMILY_CARD_REPLACEMENT' })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect(documents.documents).toEqual([]);
  });

  it("keeps a rival replica's set when it was stored first", async () => {
    const rival = await new IssuanceService(new InMemoryIssuedDocuments().asRepository(), pdfs, new DocumentsConfig(), {
      info: jest.fn(),
    } as unknown as AppLogger).issue(applied());
    documents.rivalSet = rival;
    const stored = await sut.issue(applied());
    expect(stored.map((d) => d.id)).toEqual(rival.map((d) => d.id));
    expect(documents.outbox).toEqual([]);
  });
});
