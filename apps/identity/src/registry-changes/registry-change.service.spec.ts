import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { ApplicationApprovedEvent, DocumentToIssue } from '#lib/contracts';
import { DomainError, type ApplicationType } from '#lib/domain';
import { RegistryChangeService } from './registry-change.service.js';
import { InMemoryRegistry } from './testing/in-memory-registry.js';

// Synthetic people only.
type PersonFixture = Parameters<InMemoryRegistry['addFamily']>[1][number];
const KK = '1602051201150003';
const VILLAGE = '16.02.05.1002';
const person = (nik: string, fullName: string, extra: Partial<PersonFixture> = {}): PersonFixture => ({
  nik,
  full_name: fullName,
  sex: 'LAKI_LAKI',
  birth_place: 'KAYU AGUNG',
  birth_date: '1990-01-01',
  religion: 'ISLAM',
  education: 'SLTA/SEDERAJAT',
  occupation: 'WIRASWASTA',
  blood_type: 'O',
  marital_status: 'KAWIN_TERCATAT',
  marriage_date: null,
  citizenship: 'WNI',
  passport_number: null,
  kitap_number: null,
  father_name: 'AYAH',
  mother_name: 'IBU',
  status: 'ACTIVE',
  relationship: 'KEPALA_KELUARGA',
  ...extra,
});
const HEAD = person('1602050101900001', 'BUDI SANTOSO');
const WIFE = person('1602054202920002', 'SITI AMINAH', { sex: 'PEREMPUAN', relationship: 'ISTRI' });
const SON = person('1602051503000003', 'RUDI SANTOSO', { birth_date: '2000-03-15', relationship: 'ANAK' });

let sequence = 0;
function approval(type: ApplicationType, details: object): ApplicationApprovedEvent {
  sequence += 1;
  return {
    applicationId: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    number: `1602-20261128-${String(sequence).padStart(5, '0')}`,
    status: 'APPROVED',
    verifiedBy: '00000000-0000-4000-8000-000000000010',
    type,
    regencyCode: '16.02',
    applicantNik: HEAD.nik,
    details: details as ApplicationApprovedEvent['details'],
    approvedAt: '2026-11-28T03:00:00.000Z',
    official: {
      accountId: '00000000-0000-4000-8000-000000000020',
      fullName: 'IR. HENDRA WIJAYA',
      nip: '197805122005011003',
      role: 'OFFICIAL',
    },
  };
}

const kinds = (documents: DocumentToIssue[]): string[] => documents.map((d) => d.kind);
const familyCards = (documents: DocumentToIssue[]) =>
  documents.flatMap((d) => (d.kind === 'KARTU_KELUARGA' ? [d.family] : []));

describe(RegistryChangeService.name, () => {
  let db: InMemoryRegistry;
  let sut: RegistryChangeService;

  beforeEach(() => {
    db = new InMemoryRegistry();
    db.addFamily(
      {
        family_card_number: KK,
        address: 'JL. MERDEKA NO. 5',
        rt: '001',
        rw: '002',
        village_code: VILLAGE,
        regency_code: '16.02',
        postal_code: '30611',
      },
      [HEAD, WIFE, SON],
    );
    sut = new RegistryChangeService(db.changes(), db.registry(), db.identifiers());
  });

  const birth = approval('BIRTH_REGISTRATION', {
    familyCardNumber: KK,
    fatherNik: HEAD.nik,
    motherNik: WIFE.nik,
    birthLetterNumber: 'SKL/RS/2026/11/0042',
    child: {
      fullName: 'Bayu Santoso',
      sex: 'LAKI_LAKI',
      birthDate: '2026-11-20',
      birthPlace: 'Kayu Agung',
      placeKind: 'RUMAH_SAKIT',
      birthOrder: 2,
      attendant: 'BIDAN',
      religion: 'ISLAM',
      birthType: 'TUNGGAL',
    },
  });

  it('gives a newborn a NIK in the KK as ANAK and asks for the KK and the akta', async () => {
    const announced = await sut.apply(birth);
    expect(kinds(announced.documents)).toEqual(['KARTU_KELUARGA', 'AKTA_KELAHIRAN']);
    const [card] = familyCards(announced.documents);
    const child = card.members.find((m) => m.fullName === 'BAYU SANTOSO');
    expect(child).toMatchObject({ relationship: 'ANAK', fatherName: 'BUDI SANTOSO', motherName: 'SITI AMINAH' });
    expect(child?.nik).toMatch(/^160205201126\d{4}$/);
    expect(announced.documents[1]).toEqual({
      kind: 'AKTA_KELAHIRAN',
      birth: expect.objectContaining({
        childNik: child?.nik,
        childName: 'BAYU SANTOSO',
        birthOrder: 2,
        fatherName: 'BUDI SANTOSO',
        motherName: 'SITI AMINAH',
      }),
    });
    expect([...db.state.announced.values()]).toEqual([announced]);
  });

  // Issue #14 points 2, 4 and 8.
  describe('a birth to a daughter of the head, with no father named, approved at 23:30 WIB', () => {
    const DAUGHTER = person('1602054505000004', 'DEWI SANTOSO', {
      sex: 'PEREMPUAN',
      birth_date: '2000-05-05',
      relationship: 'ANAK',
      marital_status: 'BELUM_KAWIN',
    });
    beforeEach(() => {
      db.addFamily(
        {
          family_card_number: '1602051201150009',
          address: 'JL. MAWAR NO. 1',
          rt: '001',
          rw: '001',
          village_code: VILLAGE,
          regency_code: '16.02',
          postal_code: '30611',
        },
        [person('1602050101700005', 'AHMAD SANTOSO'), DAUGHTER],
      );
      // Only the clock: 16:30 UTC is 23:30 WIB on the 28th, already the 29th at UTC+9.
      jest.useFakeTimers({
        now: new Date('2026-11-28T16:30:00Z'),
        doNotFake: [
          'nextTick',
          'setImmediate',
          'queueMicrotask',
          'setTimeout',
          'setInterval',
          'clearTimeout',
          'clearInterval',
        ],
      });
    });
    afterEach(() => {
      jest.useRealTimers();
    });

    it('joins the KK as CUCU, the akta names the mother only, registered on the WIB date', async () => {
      const { fatherNik: _none, ...details } = (birth.details as unknown as Record<string, unknown>) ?? {};
      const announced = await sut.apply(
        approval('BIRTH_REGISTRATION', {
          ...details,
          familyCardNumber: '1602051201150009',
          motherNik: DAUGHTER.nik,
          child: { ...(details['child'] as object), fullName: 'Putri Santoso', birthOrder: 1 },
        }),
      );
      const [card] = familyCards(announced.documents);
      expect(card.members.find((m) => m.fullName === 'PUTRI SANTOSO')).toMatchObject({
        relationship: 'CUCU',
        fatherName: '',
        motherName: 'DEWI SANTOSO',
      });
      const akta = announced.documents.find((d) => d.kind === 'AKTA_KELAHIRAN');
      expect(akta?.kind === 'AKTA_KELAHIRAN' ? akta.birth : undefined).toMatchObject({
        parents: 'MOTHER_ONLY',
        motherName: 'DEWI SANTOSO',
        registrationDate: '2026-11-28',
      });
      expect(akta?.kind === 'AKTA_KELAHIRAN' ? akta.birth.fatherName : 'absent').toBeUndefined();
    });
  });

  it('names the SPTJM wording when the parents are not both KAWIN_TERCATAT', async () => {
    db.state.people.get(WIFE.nik)!.marital_status = 'KAWIN_BELUM_TERCATAT';
    const announced = await sut.apply(birth);
    const akta = announced.documents.find((d) => d.kind === 'AKTA_KELAHIRAN');
    expect(akta?.kind === 'AKTA_KELAHIRAN' ? akta.birth.parents : undefined).toBe('MARRIAGE_NOT_RECORDED');
  });

  it('applies a redelivered approval once, announcing the same documents again', async () => {
    const first = await sut.apply(birth);
    const again = await sut.apply(birth);
    expect(again).toEqual(first);
    expect([...db.state.people.values()].filter((p) => p.full_name === 'BAYU SANTOSO')).toHaveLength(1);
    expect(db.state.announced.size).toBe(1);
  });

  it('forms a new family with a new No. KK and reissues the KK its members left', async () => {
    const announced = await sut.apply(
      approval('FAMILY_CARD_NEW', {
        headNik: SON.nik,
        members: [{ nik: SON.nik, relationship: 'KEPALA_KELUARGA' }],
        address: 'JL. BARU NO. 1',
        rt: '003',
        rw: '001',
        villageCode: VILLAGE,
        postalCode: '30611',
        reason: 'Menikah',
      }),
    );
    const [created, left] = familyCards(announced.documents);
    expect(created.familyCardNumber).not.toBe(KK);
    expect(created.members.map((m) => [m.nik, m.relationship])).toEqual([[SON.nik, 'KEPALA_KELUARGA']]);
    expect(left.familyCardNumber).toBe(KK);
    expect(left.members.map((m) => m.nik)).toEqual([HEAD.nik, WIFE.nik]);
    expect(announced.familyCardNumbers).toEqual([created.familyCardNumber, KK]);
  });

  it('changes the address and a member in place and reissues the KK', async () => {
    const announced = await sut.apply(
      approval('FAMILY_CARD_UPDATE', {
        familyCardNumber: KK,
        address: 'JL. MAWAR NO. 9',
        memberChanges: [{ nik: SON.nik, occupation: 'petani/pekebun' }],
        reason: 'Pindah rumah',
      }),
    );
    const [card] = familyCards(announced.documents);
    expect(card.address).toBe('JL. MAWAR NO. 9');
    expect(card.rt).toBe('001');
    expect(card.members.find((m) => m.nik === SON.nik)?.occupation).toBe('PETANI/PEKEBUN');
  });

  it('reprints a lost KK without changing the registry', async () => {
    const before = structuredClone(db.state.families);
    const announced = await sut.apply(approval('FAMILY_CARD_REPLACEMENT', { familyCardNumber: KK, reason: 'HILANG' }));
    expect(kinds(announced.documents)).toEqual(['KARTU_KELUARGA']);
    expect(db.state.families).toEqual(before);
  });

  it('refuses details that do not validate for their type, and changes nothing', async () => {
    const error = await sut
      .apply(approval('FAMILY_CARD_REPLACEMENT', { familyCardNumber: KK, reason: 'DICURI' }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION.FAILED');
    expect(db.state.applied.size).toBe(0);
    expect(db.state.announced.size).toBe(0);
  });

  it('says a KK that does not exist is not found', async () => {
    const error = await sut
      .apply(approval('FAMILY_CARD_REPLACEMENT', { familyCardNumber: '1602051201150099', reason: 'HILANG' }))
      .catch((caught: unknown) => caught);
    expect((error as DomainError).code).toBe('FAMILY.NOT_FOUND');
  });
});
