import type { FamilyView, PersonRecord, Principal } from '#lib/contracts';
import { ApplicationStatus, ApplicationType, Role } from '#lib/domain';
import type { RegistryFacts } from '../../application-types/application-type-rules.js';
import type { RegistryClient, StaffProfile } from '../../registry/registry.client.js';
import { ApplicationEntity } from '../application.entity.js';

// Synthetic people and accounts only.
export const RESIDENT: Principal = {
  accountId: '00000000-0000-4000-8000-000000000001',
  role: Role.RESIDENT,
  nik: '1602050101900001',
  regencyCode: '16.02',
};
export const OTHER_RESIDENT: Principal = {
  accountId: '00000000-0000-4000-8000-000000000002',
  role: Role.RESIDENT,
  nik: '1602054202920002',
  regencyCode: '16.02',
};
export const CLERK: Principal = {
  accountId: '00000000-0000-4000-8000-000000000010',
  role: Role.CLERK,
  regencyCode: '16.02',
  username: 'operator.oki',
};
export const OFFICIAL: Principal = {
  accountId: '00000000-0000-4000-8000-000000000020',
  role: Role.OFFICIAL,
  regencyCode: '16.02',
  username: 'pejabat.oki',
};
export const OFFICIAL_ELSEWHERE: Principal = {
  ...OFFICIAL,
  accountId: '00000000-0000-4000-8000-000000000021',
  regencyCode: '16.03',
};

export const KK = '1602051201150003';

export function replacementApplication(overrides: Partial<ApplicationEntity> = {}): ApplicationEntity {
  const at = new Date('2026-11-28T03:00:00Z');
  return Object.assign(new ApplicationEntity(), {
    id: '11111111-1111-4111-8111-111111111111',
    number: '1602-20261128-00001',
    type: ApplicationType.FAMILY_CARD_REPLACEMENT,
    status: ApplicationStatus.SUBMITTED,
    applicantAccountId: RESIDENT.accountId,
    applicantNik: RESIDENT.nik!,
    regencyCode: '16.02',
    familyCardNumber: KK,
    details: { familyCardNumber: KK, reason: 'HILANG' },
    expectedEvidence: [],
    verifiedBy: null,
    verifierNip: null,
    verifierNik: null,
    approvedBy: null,
    submittedAt: at,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  });
}

/** The registry as the applications service sees it over NATS, held in maps. */
export class FakeRegistry implements RegistryFacts {
  readonly people = new Map<string, PersonRecord>();
  readonly families = new Map<string, FamilyView>();
  readonly staff = new Map<string, StaffProfile>();

  asClient(): RegistryClient {
    return this as unknown as RegistryClient;
  }

  persons(niks: readonly string[]): Promise<Map<string, PersonRecord>> {
    return Promise.resolve(
      new Map(niks.flatMap((nik) => (this.people.has(nik) ? [[nik, this.people.get(nik)!] as const] : []))),
    );
  }

  family(familyCardNumber: string): Promise<FamilyView | undefined> {
    return Promise.resolve(this.families.get(familyCardNumber));
  }

  familyOf(nik: string): Promise<FamilyView | undefined> {
    return Promise.resolve([...this.families.values()].find((f) => f.members.some((m) => m.nik === nik)));
  }

  staffProfile(principal: Principal): Promise<StaffProfile> {
    return Promise.resolve(this.staff.get(principal.accountId) ?? { accountId: principal.accountId });
  }
}

/** A family of the resident (the head) and their wife, in Kabupaten Ogan Komering Ilir. */
export function residentFamily(): { family: FamilyView; people: PersonRecord[] } {
  const base = {
    birthPlace: 'KAYU AGUNG',
    religion: 'ISLAM',
    education: 'SLTA/SEDERAJAT',
    occupation: 'WIRASWASTA',
    bloodType: 'O',
    maritalStatus: 'KAWIN_TERCATAT',
    citizenship: 'WNI',
    fatherName: 'AYAH',
    motherName: 'IBU',
    status: 'ACTIVE',
    familyCardNumber: KK,
    regencyCode: '16.02',
  } as const;
  const head: PersonRecord = {
    ...base,
    nik: RESIDENT.nik!,
    fullName: 'BUDI SANTOSO',
    sex: 'LAKI_LAKI',
    birthDate: '1990-01-01',
    relationship: 'KEPALA_KELUARGA',
  };
  const wife: PersonRecord = {
    ...base,
    nik: OTHER_RESIDENT.nik!,
    fullName: 'SITI AMINAH',
    sex: 'PEREMPUAN',
    birthDate: '1992-02-02',
    relationship: 'ISTRI',
  };
  const family: FamilyView = {
    familyCardNumber: KK,
    address: 'JL. MERDEKA',
    rt: '001',
    rw: '002',
    villageCode: '16.02.05.1002',
    postalCode: '30611',
    headNik: head.nik,
    villageName: '',
    districtCode: '16.02.05',
    districtName: '',
    regencyCode: '16.02',
    regencyName: '',
    provinceCode: '16',
    provinceName: '',
    members: [head, wife],
  };
  return { family, people: [head, wife] };
}
