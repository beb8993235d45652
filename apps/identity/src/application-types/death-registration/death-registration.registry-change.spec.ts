import { describe, expect, it } from '@jest/globals';
import type { DeathRegistrationInput, FamilyView, KartuKeluargaToIssue } from '#lib/contracts';
import { DomainError, MaritalStatus, PersonStatus, Relationship } from '#lib/domain';
import type { PersonRow } from '../../registry/registry.rows.js';
import type {
  AppliedChange,
  ChangeResult,
  CurrentFamily,
  RegistryWriter,
} from '../../registry-changes/registry-change.repository.js';
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
