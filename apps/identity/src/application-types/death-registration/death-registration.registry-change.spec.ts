import { describe, expect, it } from '@jest/globals';
import type {
  ApplicationApprovedEvent,
  DeathRegistrationInput,
  FamilyView,
  KartuKeluargaToIssue,
} from '#lib/contracts';
import { DomainError, MaritalStatus, PersonStatus, Relationship } from '#lib/domain';
import type { PersonRow } from '../../registry/registry.rows.js';
import type {
  AppliedChange,
  ChangeResult,
  CurrentFamily,
  RegistryWriter,
} from '../../registry-changes/registry-change.repository.js';
import { RegistryChangeService } from '../../registry-changes/registry-change.service.js';
import { InMemoryRegistry } from '../../registry-changes/testing/in-memory-registry.js';
import type { DocumentsContext, RegistryChangeContext } from '../registry-change-type.js';
import { deathRegistrationChange } from './death-registration.registry-change.js';

// Synthetic people only.
const KK = '1602051201150003';
const HEAD = '1602050101900001';
const WIFE = '1602054202920002';
const SON = '1602051503050003';

/** The registry writes a change makes, recorded in memory instead of PostgreSQL. */
class RecordingWriter {
  readonly writes: string[] = [];
  constructor(private readonly family: CurrentFamily | undefined) {}
  currentFamily(number: string): Promise<CurrentFamily | undefined> {
    return Promise.resolve(number === this.family?.familyCardNumber ? this.family : undefined);
  }
  setStatus(nik: string, status: PersonStatus): Promise<void> {
    this.writes.push(`status ${nik} ${status}`);
    return Promise.resolve();
  }
  leaveCurrentFamily(nik: string): Promise<string | undefined> {
    this.writes.push(`leave ${nik}`);
    return Promise.resolve(KK);
  }
  updatePerson(nik: string, changes: { maritalStatus?: string }): Promise<void> {
    this.writes.push(`marital ${nik} ${changes.maritalStatus}`);
    return Promise.resolve();
  }
  changeRelationship(number: string, nik: string, relationship: string): Promise<void> {
    this.writes.push(`relationship ${number} ${nik} ${relationship}`);
    return Promise.resolve();
  }
  updateFamily(number: string): Promise<void> {
    this.writes.push(`reissue ${number}`);
    return Promise.resolve();
  }
}

const member = (nik: string, relationship: Relationship, maritalStatus: MaritalStatus, birthDate = '1990-01-01') => ({
  nik,
  relationship,
  maritalStatus,
  birthDate,
  status: PersonStatus.ACTIVE,
});

const FAMILY: CurrentFamily = {
  familyCardNumber: KK,
  regencyCode: '16.02',
  headNik: HEAD,
  members: [
    member(HEAD, Relationship.KEPALA_KELUARGA, MaritalStatus.KAWIN_TERCATAT),
    member(WIFE, Relationship.ISTRI, MaritalStatus.KAWIN_TERCATAT),
    member(SON, Relationship.ANAK, MaritalStatus.BELUM_KAWIN, '2005-03-15'),
  ],
};

const input = (overrides: Partial<DeathRegistrationInput> = {}): DeathRegistrationInput => ({
  type: 'DEATH_REGISTRATION',
  familyCardNumber: KK,
  deceasedNik: HEAD,
  dateOfDeath: '2026-11-25',
  timeOfDeath: '04:30',
  placeOfDeath: 'KAYUAGUNG',
  cause: 'SAKIT_BIASA',
  certifiedBy: 'DOKTER',
  deathLetterNumber: 'SKK/001',
  newHeadNik: SON,
  ...overrides,
});

async function apply(writer: RecordingWriter, report: DeathRegistrationInput): Promise<ChangeResult> {
  let result: ChangeResult | undefined;
  const context = {
    requireFamily: () => Promise.resolve({ villageCode: '16.02.05.1002' }),
    applyOnce: async (write: (w: RegistryWriter) => Promise<ChangeResult>) => {
      result = await write(writer as unknown as RegistryWriter);
      return { type: report.type, familyCardNumbers: result.familyCardNumbers, childNik: null, appliedAt: new Date() };
    },
  } as unknown as RegistryChangeContext;
  await deathRegistrationChange.apply(report, context);
  return result!;
}

describe('death registration: the registry change', () => {
  it('makes the head DECEASED and out of the KK, widows the wife, makes the son head, reissues the KK', async () => {
    const writer = new RecordingWriter(FAMILY);
    expect(await apply(writer, input())).toEqual({ familyCardNumbers: [KK] });
    expect(writer.writes).toEqual([
      `status ${HEAD} DECEASED`,
      `leave ${HEAD}`,
      `marital ${WIFE} CERAI_MATI`,
      `relationship ${KK} ${SON} KEPALA_KELUARGA`,
      `reissue ${KK}`,
    ]);
  });

  it('leaves the head in place and widows the head when the wife died', async () => {
    const writer = new RecordingWriter(FAMILY);
    await apply(writer, input({ deceasedNik: WIFE, newHeadNik: undefined }));
    expect(writer.writes).toEqual([
      `status ${WIFE} DECEASED`,
      `leave ${WIFE}`,
      `marital ${HEAD} CERAI_MATI`,
      `reissue ${KK}`,
    ]);
  });

  it('changes nothing when the deceased is no longer an active member (another report came first)', async () => {
    const writer = new RecordingWriter({ ...FAMILY, members: FAMILY.members.filter((m) => m.nik !== HEAD) });
    await expect(apply(writer, input())).rejects.toMatchObject({ code: 'RESIDENT.NOT_FOUND' });
    await expect(apply(new RecordingWriter(undefined), input())).rejects.toBeInstanceOf(DomainError);
    expect(writer.writes).toEqual([]);
  });

  it('asks for the reissued KK and a Kutipan Akta Kematian dated in the regency', async () => {
    const kk = { kind: 'KARTU_KELUARGA', family: { regencyCode: '16.02' } as FamilyView } as KartuKeluargaToIssue;
    const deceased = {
      nik: HEAD,
      full_name: 'BUDI SANTOSO',
      sex: 'LAKI_LAKI',
      birth_place: 'PALEMBANG',
      birth_date: '1990-01-01',
      regency_code: '16.02',
    } as PersonRow;
    const context: DocumentsContext = {
      familyCards: (numbers) => Promise.resolve(numbers.includes(KK) ? [kk] : []),
      findPerson: (nik) => Promise.resolve(nik === HEAD ? deceased : undefined),
    };
    // 17:30 UTC is already the next day in Kayuagung (WIB).
    const applied: AppliedChange = {
      type: 'DEATH_REGISTRATION',
      familyCardNumbers: [KK],
      childNik: null,
      appliedAt: new Date('2026-11-27T17:30:00Z'),
    };
    expect(await deathRegistrationChange.documents(input(), applied, context)).toEqual([
      kk,
      {
        kind: 'AKTA_KEMATIAN',
        death: {
          deceasedNik: HEAD,
          deceasedName: 'BUDI SANTOSO',
          sex: 'LAKI_LAKI',
          birthPlace: 'PALEMBANG',
          birthDate: '1990-01-01',
          dateOfDeath: '2026-11-25',
          timeOfDeath: '04:30',
          placeOfDeath: 'KAYUAGUNG',
          registrationDate: '2026-11-28',
        },
      },
    ]);
    await expect(
      deathRegistrationChange.documents(input({ deceasedNik: WIFE }), applied, context),
    ).rejects.toMatchObject({ code: 'RESIDENT.NOT_FOUND' });
  });
});

describe('death registration through the registry change service, on the in-memory registry', () => {
  type PersonFixture = Parameters<InMemoryRegistry['addFamily']>[1][number];
  const fixture = (nik: string, fullName: string, extra: Partial<PersonFixture>): PersonFixture => ({
    nik,
    full_name: fullName,
    sex: 'LAKI_LAKI',
    birth_place: 'PALEMBANG',
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

  it('announces the KK as it now stands and the akta kematian, once however often the approval arrives', async () => {
    const db = new InMemoryRegistry();
    db.addFamily(
      {
        family_card_number: KK,
        address: 'JL. MERDEKA NO. 5',
        rt: '001',
        rw: '002',
        village_code: '16.02.05.1002',
        regency_code: '16.02',
        postal_code: '30611',
      },
      [
        fixture(HEAD, 'BUDI SANTOSO', {}),
        fixture(WIFE, 'SITI AMINAH', { sex: 'PEREMPUAN', relationship: 'ISTRI' }),
        fixture(SON, 'RUDI SANTOSO', { birth_date: '2005-03-15', relationship: 'ANAK', marital_status: 'BELUM_KAWIN' }),
      ],
    );
    const service = new RegistryChangeService(db.changes(), db.registry(), db.identifiers());
    const { type, ...details } = input();
    const approval: ApplicationApprovedEvent = {
      applicationId: '00000000-0000-4000-8000-000000000101',
      number: '1602-20261128-00101',
      status: 'APPROVED',
      verifiedBy: '00000000-0000-4000-8000-000000000010',
      type,
      regencyCode: '16.02',
      applicantNik: WIFE,
      details,
      approvedAt: '2026-11-28T03:00:00.000Z',
      official: {
        accountId: '00000000-0000-4000-8000-000000000020',
        fullName: 'IR. HENDRA',
        nip: '197805122005011003',
        role: 'OFFICIAL',
      },
    };
    const announced = await service.apply(approval);
    expect(announced.documents.map((d) => d.kind)).toEqual(['KARTU_KELUARGA', 'AKTA_KEMATIAN']);
    const card = announced.documents[0].kind === 'KARTU_KELUARGA' ? announced.documents[0].family : undefined;
    expect(card?.members.map((m) => [m.nik, m.relationship, m.maritalStatus])).toEqual([
      [WIFE, 'ISTRI', 'CERAI_MATI'],
      [SON, 'KEPALA_KELUARGA', 'BELUM_KAWIN'],
    ]);
    expect(card?.headNik).toBe(SON);
    expect(announced.documents[1]).toMatchObject({
      kind: 'AKTA_KEMATIAN',
      death: { deceasedNik: HEAD, deceasedName: 'BUDI SANTOSO', dateOfDeath: '2026-11-25' },
    });
    expect(db.state.people.get(HEAD)?.status).toBe('DECEASED');
    expect(await service.apply(approval)).toEqual(announced);
    expect(db.state.memberships.filter((m) => m.nik === SON)).toHaveLength(2);
  });
});
