import request from 'supertest';
import type { SyntheticFamily, SyntheticPerson } from '../../apps/identity/src/seed/population-generator.js';
import {
  IDENTITY_TEST_ENV,
  RESIDENT_PASSWORD,
  STAFF_PASSWORD,
  TEST_ADMIN,
  createStaff,
  importCsv,
  login,
  registerResident,
} from './accounts.factory.js';
import { residentsCsv, syntheticFamilies } from './registry.factory.js';

/** Synthetic people and accounts for the applications tests (never real people). */
export const APPLICATIONS_TEST_ENV = IDENTITY_TEST_ENV;
export const REGENCY = '16.02';
export const OTHER_REGENCY = '16.01';

export interface Actor {
  token: string;
  accountId?: string;
}

export interface ApplicationsWorld {
  url: string;
  /** A couple with children: the father heads the KK, the mother is ISTRI. */
  birthFamily: SyntheticFamily;
  father: SyntheticPerson;
  mother: SyntheticPerson;
  /** A family with a grown-up child who can start a family of their own. */
  splitFamily: SyntheticFamily;
  adultChild: SyntheticPerson;
  /** Another family of the same regency, and one of another regency. */
  strangerFamily: SyntheticFamily;
  otherRegencyFamily: SyntheticFamily;
  tokens: {
    father: string;
    mother: string;
    adultChild: string;
    stranger: string;
    otherRegencyResident: string;
    clerk: string;
    clerk2: string;
    official: string;
    official2: string;
    otherClerk: string;
    otherOfficial: string;
    admin: string;
  };
}

const ALL_ACTIVE = (family: SyntheticFamily): boolean => family.members.every((m) => m.status === 'ACTIVE');

function coupleWithChildren(family: SyntheticFamily): boolean {
  const head = family.members[0];
  const wife = family.members.find((m) => m.relationship === 'ISTRI');
  return (
    ALL_ACTIVE(family) &&
    head.relationship === 'KEPALA_KELUARGA' &&
    head.sex === 'LAKI_LAKI' &&
    wife !== undefined &&
    family.members.some((m) => m.relationship === 'ANAK' && m.motherName === wife.fullName)
  );
}

function withAdultChild(family: SyntheticFamily): boolean {
  return ALL_ACTIVE(family) && family.members.some((m) => m.relationship === 'ANAK' && m.birthDate <= '2004-01-01');
}

/** Registry, staff and resident accounts, all through the public API. */
export async function buildApplicationsWorld(url: string): Promise<ApplicationsWorld> {
  const admin = await login(url, TEST_ADMIN.username, TEST_ADMIN.password);
  const local = syntheticFamilies({ regencyCode: REGENCY, families: 80, seed: 11 });
  const birthFamily = local.find(coupleWithChildren);
  const splitFamily = local.find((f) => f !== birthFamily && withAdultChild(f));
  const strangerFamily = local.find((f) => f !== birthFamily && f !== splitFamily && coupleWithChildren(f));
  const otherRegencyFamily = syntheticFamilies({ regencyCode: OTHER_REGENCY, families: 30, seed: 12 }).find(
    coupleWithChildren,
  );
  if (!birthFamily || !splitFamily || !strangerFamily || !otherRegencyFamily) {
    throw new Error('The synthetic population has no family of a kind the tests need; change the seed');
  }
  const imported = await importCsv(
    url,
    admin,
    residentsCsv([birthFamily, splitFamily, strangerFamily, otherRegencyFamily]),
  );
  if (imported.status !== 200 || imported.body.rejected.length > 0) {
    throw new Error(`registry import failed: ${imported.status} ${JSON.stringify(imported.body).slice(0, 500)}`);
  }
  const father = birthFamily.members[0];
  const mother = birthFamily.members.find((m) => m.relationship === 'ISTRI') as SyntheticPerson;
  const adultChild = splitFamily.members.find(
    (m) => m.relationship === 'ANAK' && m.birthDate <= '2004-01-01',
  ) as SyntheticPerson;

  const resident = async (person: SyntheticPerson, family: SyntheticFamily): Promise<string> => {
    const registered = await registerResident(url, {
      nik: person.nik,
      familyCardNumber: family.familyCardNumber,
      birthDate: person.birthDate,
    });
    if (registered.status !== 201)
      throw new Error(`register failed: ${registered.status} ${JSON.stringify(registered.body)}`);
    return login(url, person.nik, RESIDENT_PASSWORD);
  };
  const staff = async (username: string, role: 'CLERK' | 'OFFICIAL', regencyCode: string): Promise<string> => {
    await createStaff(url, admin, { username, role, regencyCode });
    return login(url, username, STAFF_PASSWORD);
  };

  return {
    url,
    birthFamily,
    father,
    mother,
    splitFamily,
    adultChild,
    strangerFamily,
    otherRegencyFamily,
    tokens: {
      father: await resident(father, birthFamily),
      mother: await resident(mother, birthFamily),
      adultChild: await resident(adultChild, splitFamily),
      stranger: await resident(strangerFamily.members[0], strangerFamily),
      otherRegencyResident: await resident(otherRegencyFamily.members[0], otherRegencyFamily),
      clerk: await staff('clerk.oki', 'CLERK', REGENCY),
      clerk2: await staff('clerk2.oki', 'CLERK', REGENCY),
      official: await staff('official.oki', 'OFFICIAL', REGENCY),
      official2: await staff('official2.oki', 'OFFICIAL', REGENCY),
      otherClerk: await staff('clerk.other', 'CLERK', OTHER_REGENCY),
      otherOfficial: await staff('official.other', 'OFFICIAL', OTHER_REGENCY),
      admin,
    },
  };
}

/** `YYYY-MM-DD`, `days` before today (UTC is close enough for test data). */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

let childSerial = 0;
// Names far apart from each other: the duplicate rule must not mistake one test child for another.
const CHILD_NAMES = [
  'AYU LESTARI',
  'BAGUS PRATAMA',
  'CITRA DEWI',
  'DIMAS SAPUTRA',
  'EKA KURNIAWATI',
  'FAJAR HIDAYAT',
  'GILANG RAMADHAN',
  'HANA SALSABILA',
  'INDRA WIJAYA',
  'JOKO SUSILO',
  'KARTIKA SARI',
  'LUKMAN HAKIM',
  'MAYA ANGGRAINI',
  'NOVAL FIRMANSYAH',
  'OKTAVIA RAHMA',
  'PUTRA MAHENDRA',
  'QORI NURHALIZA',
  'RIZKY MAULANA',
  'SINTA PERMATA',
  'TAUFIK ISMAIL',
];

/** The children of the mother on record in the KK. */
export function childrenOf(family: SyntheticFamily, mother: SyntheticPerson): SyntheticPerson[] {
  return family.members.filter((m) => m.relationship === 'ANAK' && m.motherName === mother.fullName);
}

/** A birth report the rules accept: the next child of the mother, born a few days ago. */
export function birthBody(world: ApplicationsWorld, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { birthFamily, father, mother } = world;
  const { child: childOverrides, ...rest } = overrides as { child?: Record<string, unknown> };
  const serial = childSerial++;
  const name = CHILD_NAMES[serial % CHILD_NAMES.length];
  return {
    type: 'BIRTH_REGISTRATION',
    familyCardNumber: birthFamily.familyCardNumber,
    child: {
      fullName: name,
      sex: 'PEREMPUAN',
      // Each report a few days earlier than the last: a birth the registry may already have
      // recorded from an earlier test then comes after this one and leaves its birth order as is.
      birthDate: daysAgo(3 + 3 * serial),
      birthTime: '08:15',
      birthPlace: 'KAYU AGUNG',
      placeKind: 'RUMAH_SAKIT',
      birthOrder: childrenOf(birthFamily, mother).length + 1,
      attendant: 'BIDAN',
      weightGrams: 3100,
      lengthCm: 49.5,
      religion: father.religion,
      ...childOverrides,
    },
    fatherNik: father.nik,
    motherNik: mother.nik,
    birthLetterNumber: 'SKL/RSUD-KAG/2026/0412',
    ...rest,
  };
}

export function familyCardNewBody(world: ApplicationsWorld, overrides: Record<string, unknown> = {}) {
  return {
    type: 'FAMILY_CARD_NEW',
    headNik: world.adultChild.nik,
    members: [{ nik: world.adultChild.nik, relationship: 'KEPALA_KELUARGA' }],
    address: 'JL. MERDEKA NO. 12',
    rt: '004',
    rw: '002',
    villageCode: world.splitFamily.villageCode,
    postalCode: world.splitFamily.postalCode,
    reason: 'Membentuk keluarga baru setelah menikah',
    ...overrides,
  };
}

export function familyCardUpdateBody(world: ApplicationsWorld, overrides: Record<string, unknown> = {}) {
  return {
    type: 'FAMILY_CARD_UPDATE',
    familyCardNumber: world.birthFamily.familyCardNumber,
    memberChanges: [{ nik: world.mother.nik, occupation: 'wiraswasta', education: 'SLTA / SEDERAJAT' }],
    reason: 'Perubahan pekerjaan dan pendidikan',
    ...overrides,
  };
}

export function familyCardReplacementBody(world: ApplicationsWorld, overrides: Record<string, unknown> = {}) {
  return {
    type: 'FAMILY_CARD_REPLACEMENT',
    familyCardNumber: world.birthFamily.familyCardNumber,
    reason: 'HILANG',
    ...overrides,
  };
}

/** A client of the API as one caller. */
/**
 * A death report (DEATH_REGISTRATION) of `deceasedNik`, a member of the family with the card,
 * certified by a doctor four days ago; `newHeadNik` names who heads the family when the head died.
 */
export function deathReportBody(
  who: { familyCardNumber: string; deceasedNik: string; newHeadNik?: string },
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: 'DEATH_REGISTRATION',
    familyCardNumber: who.familyCardNumber,
    deceasedNik: who.deceasedNik,
    dateOfDeath: daysAgo(4),
    timeOfDeath: '04:30',
    placeOfDeath: 'KAYUAGUNG',
    cause: 'SAKIT_BIASA',
    certifiedBy: 'DOKTER',
    deathLetterNumber: 'SKK/RSUD-KAG/2026/0117',
    ...(who.newHeadNik === undefined ? {} : { newHeadNik: who.newHeadNik }),
    ...overrides,
  };
}

export function as(url: string, token: string) {
  const auth = (test: request.Test) => test.set('authorization', `Bearer ${token}`);
  return {
    get: (path: string) => auth(request(url).get(`/api/v1${path}`)),
    post: (path: string, body?: object) => auth(request(url).post(`/api/v1${path}`)).send(body ?? {}),
    put: (path: string, body: object) => auth(request(url).put(`/api/v1${path}`)).send(body),
    upload: (path: string) => auth(request(url).post(`/api/v1${path}`)),
  };
}
