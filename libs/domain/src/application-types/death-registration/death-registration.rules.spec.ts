import { describe, expect, it } from '@jest/globals';
import { MaritalStatus, PersonStatus, Relationship } from '../../enums/population.js';
import {
  checkDeathRegistration,
  deathRegistryChange,
  isAdult,
  type DeathFacts,
  type DeathFamily,
  type DeathFamilyMember,
  type DeathReport,
} from './death-registration.rules.js';
import { NOT_APPLICANTS_FAMILY, WITNESS_NOT_ACCEPTED } from '../outside-family.js';
import { DEATH_CAUSE_LABELS, DEATH_CERTIFIER_LABELS, DeathCause, DeathCertifier } from './death-registration.type.js';

// Synthetic people: the NIKs only need to be distinct strings here.
const HEAD = '1602051703850001';
const WIFE = '1602054211880002';
const SON = '1602050904120003';
const DAUGHTER = '1602057009160004';
const GRANDMOTHER = '1602054101450005';
const STRANGER = '1602051212800006';
const TODAY = '2026-11-28';

function member(nik: string, overrides: Partial<DeathFamilyMember> = {}): DeathFamilyMember {
  return {
    nik,
    birthDate: '1985-03-17',
    status: PersonStatus.ACTIVE,
    maritalStatus: MaritalStatus.BELUM_KAWIN,
    ...overrides,
  };
}

function family(overrides: Partial<DeathFamily> = {}): DeathFamily {
  return {
    familyCardNumber: '1602050107100001',
    regencyCode: '16.02',
    headNik: HEAD,
    members: [
      member(HEAD, { relationship: Relationship.KEPALA_KELUARGA, maritalStatus: MaritalStatus.KAWIN_TERCATAT }),
      member(WIFE, {
        birthDate: '1988-11-02',
        relationship: Relationship.ISTRI,
        maritalStatus: MaritalStatus.KAWIN_TERCATAT,
      }),
      member(SON, { birthDate: '2008-04-09', relationship: Relationship.ANAK }),
      member(DAUGHTER, { birthDate: '2016-09-30', relationship: Relationship.ANAK }),
      member(GRANDMOTHER, {
        birthDate: '1945-01-01',
        relationship: Relationship.ORANG_TUA,
        maritalStatus: MaritalStatus.CERAI_MATI,
      }),
    ],
    ...overrides,
  };
}

function facts(overrides: Partial<DeathFacts> = {}): DeathFacts {
  return { family: family(), witnesses: new Map(), today: TODAY, ...overrides };
}

function report(overrides: Partial<DeathReport> = {}): DeathReport {
  return { familyCardNumber: '1602050107100001', deceasedNik: GRANDMOTHER, dateOfDeath: '2026-11-20', ...overrides };
}

const messages = (outcome: { violations: Array<{ field: string; message: string }> }): string[] =>
  outcome.violations.map((v) => `${v.field}: ${v.message}`);

describe('death registration: labels', () => {
  it('labels every cause and certifier in capitals, as the form words them', () => {
    expect(Object.keys(DEATH_CAUSE_LABELS)).toEqual(Object.values(DeathCause));
    expect(Object.keys(DEATH_CERTIFIER_LABELS)).toEqual(Object.values(DeathCertifier));
    expect(DEATH_CAUSE_LABELS.SAKIT_BIASA).toBe('SAKIT BIASA/TUA');
    expect(DEATH_CERTIFIER_LABELS.TENAGA_KESEHATAN).toBe('TENAGA KESEHATAN');
  });
});

describe('death registration: the checks', () => {
  it('accepts a member reporting the death of another member, and routes it to the family regency', () => {
    expect(checkDeathRegistration(report(), WIFE, facts())).toEqual({
      violations: [],
      regencyCode: '16.02',
      familyCardNumber: '1602050107100001',
    });
  });

  it('accepts the death of the head with an adult member named as the new head', () => {
    expect(messages(checkDeathRegistration(report({ deceasedNik: HEAD, newHeadNik: WIFE }), SON, facts()))).toEqual([]);
    // The son turned 18 this year: old enough though unmarried.
    expect(messages(checkDeathRegistration(report({ deceasedNik: HEAD, newHeadNik: SON }), WIFE, facts()))).toEqual([]);
  });

  it('says the same and nothing more whether the KK is unknown or the applicant is not in it', () => {
    const unknown = checkDeathRegistration(report(), WIFE, facts({ family: undefined }));
    const notMine = checkDeathRegistration(report(), STRANGER, facts());
    expect(messages(unknown)).toEqual([`familyCardNumber: ${NOT_APPLICANTS_FAMILY}`]);
    expect(messages(notMine)).toEqual(messages(unknown));
    expect(notMine.regencyCode).toBeUndefined();
  });

  it('refuses a deceased who is not a member, a report of oneself, and a member no longer active', () => {
    expect(messages(checkDeathRegistration(report({ deceasedNik: STRANGER }), WIFE, facts()))).toEqual([
      'deceasedNik: Penduduk yang dilaporkan meninggal bukan anggota Kartu Keluarga ini',
    ]);
    expect(messages(checkDeathRegistration(report({ deceasedNik: WIFE }), WIFE, facts()))).toEqual([
      'deceasedNik: Pemohon tidak dapat melaporkan kematian dirinya sendiri',
    ]);
    const departed = family({
      members: family().members.map((m) => (m.nik === GRANDMOTHER ? { ...m, status: PersonStatus.DECEASED } : m)),
    });
    expect(messages(checkDeathRegistration(report(), WIFE, facts({ family: departed })))).toEqual([
      'deceasedNik: Penduduk yang dilaporkan tidak berstatus aktif (mungkin sudah tercatat meninggal)',
    ]);
  });

  it('refuses a death another open report of the family already names', () => {
    const reportedDeaths = new Set([GRANDMOTHER]);
    expect(messages(checkDeathRegistration(report(), WIFE, facts({ reportedDeaths })))).toEqual([
      'deceasedNik: Kematian penduduk ini sudah dilaporkan dalam permohonan lain yang sedang diproses',
    ]);
    expect(
      messages(checkDeathRegistration(report({ deceasedNik: DAUGHTER }), WIFE, facts({ reportedDeaths }))),
    ).toEqual([]);
  });

  it('refuses a date of death in the future or before the birth; today is allowed', () => {
    expect(messages(checkDeathRegistration(report({ dateOfDeath: '2026-11-29' }), WIFE, facts()))).toEqual([
      'dateOfDeath: Tanggal kematian tidak boleh di masa depan',
    ]);
    expect(messages(checkDeathRegistration(report({ dateOfDeath: '1944-12-31' }), WIFE, facts()))).toEqual([
      'dateOfDeath: Tanggal kematian tidak boleh sebelum tanggal lahir',
    ]);
    expect(messages(checkDeathRegistration(report({ dateOfDeath: TODAY }), WIFE, facts()))).toEqual([]);
    expect(messages(checkDeathRegistration(report({ dateOfDeath: '2026-02-30' }), WIFE, facts()))).toEqual([
      'dateOfDeath: Tanggal kematian bukan tanggal yang sah',
    ]);
  });

  it('requires a new head when the head died, and only then', () => {
    expect(messages(checkDeathRegistration(report({ deceasedNik: HEAD }), WIFE, facts()))).toEqual([
      'newHeadNik: Yang meninggal adalah kepala keluarga: sebutkan anggota keluarga yang menjadi kepala keluarga baru',
    ]);
    // The head known only by the KK's head NIK (relationship missing) is still the head.
    const headByNumber = family({
      members: family().members.map((m) => (m.nik === HEAD ? { ...m, relationship: undefined } : m)),
    });
    expect(
      messages(checkDeathRegistration(report({ deceasedNik: HEAD }), WIFE, facts({ family: headByNumber }))),
    ).toHaveLength(1);
    expect(messages(checkDeathRegistration(report({ newHeadNik: WIFE }), WIFE, facts()))).toEqual([
      'newHeadNik: Kepala keluarga baru hanya disebut bila yang meninggal adalah kepala keluarga',
    ]);
  });

  it.each([
    [HEAD, 'Kepala keluarga baru tidak boleh penduduk yang meninggal'],
    [STRANGER, 'Kepala keluarga baru harus anggota Kartu Keluarga ini'],
    [DAUGHTER, 'Kepala keluarga baru harus sudah dewasa: berumur 17 tahun atau sudah/pernah kawin'],
  ])('refuses %s as the new head: %s', (newHeadNik, message) => {
    expect(messages(checkDeathRegistration(report({ deceasedNik: HEAD, newHeadNik }), WIFE, facts()))).toEqual([
      `newHeadNik: ${message}`,
    ]);
  });

  it('refuses a new head who is no longer active', () => {
    const moved = family({
      members: family().members.map((m) => (m.nik === SON ? { ...m, status: PersonStatus.MOVED_OUT } : m)),
    });
    expect(
      messages(checkDeathRegistration(report({ deceasedNik: HEAD, newHeadNik: SON }), WIFE, facts({ family: moved }))),
    ).toEqual(['newHeadNik: Kepala keluarga baru harus penduduk yang berstatus aktif']);
  });

  it('refuses witnesses who are not active with one message, whatever the registry knows of them', () => {
    const witnesses = new Map([
      [SON, { status: PersonStatus.ACTIVE }],
      [STRANGER, { status: PersonStatus.DECEASED }],
    ]);
    const unknownWitness = '1602050101900009';
    expect(
      messages(checkDeathRegistration(report({ witnessNiks: [SON, STRANGER] }), WIFE, facts({ witnesses }))),
    ).toEqual([`witnessNiks[1]: ${WITNESS_NOT_ACCEPTED}`]);
    expect(
      messages(checkDeathRegistration(report({ witnessNiks: [unknownWitness, SON] }), WIFE, facts({ witnesses }))),
    ).toEqual([`witnessNiks[0]: ${WITNESS_NOT_ACCEPTED}`]);
    expect(
      messages(checkDeathRegistration(report({ witnessNiks: [GRANDMOTHER, SON] }), WIFE, facts({ witnesses }))),
    ).toEqual(['witnessNiks[0]: Saksi tidak boleh penduduk yang meninggal']);
  });

  it('never names a NIK in a message', () => {
    const outcome = checkDeathRegistration(
      report({ deceasedNik: STRANGER, dateOfDeath: '2027-01-01', witnessNiks: [STRANGER, HEAD] }),
      WIFE,
      facts(),
    );
    expect(outcome.violations.length).toBeGreaterThan(1);
    for (const { message } of outcome.violations) expect(message).not.toMatch(/\d{16}/);
  });

  it('counts someone married as grown up at any age, and someone unmarried from their 17th birthday', () => {
    expect(isAdult({ birthDate: '2010-01-01', maritalStatus: MaritalStatus.KAWIN_TERCATAT }, TODAY)).toBe(true);
    expect(isAdult({ birthDate: '2009-11-28', maritalStatus: MaritalStatus.BELUM_KAWIN }, TODAY)).toBe(true);
    expect(isAdult({ birthDate: '2009-11-29', maritalStatus: MaritalStatus.BELUM_KAWIN }, TODAY)).toBe(false);
  });
});

describe('death registration: what approval changes', () => {
  it('widows the wife and names the new head when the head died', () => {
    expect(deathRegistryChange(family(), { deceasedNik: HEAD, newHeadNik: SON })).toEqual({
      deceasedNik: HEAD,
      widowedNiks: [WIFE],
      newHeadNik: SON,
    });
  });

  it('widows the married head when the wife died, and names no new head', () => {
    expect(deathRegistryChange(family(), { deceasedNik: WIFE, newHeadNik: SON })).toEqual({
      deceasedNik: WIFE,
      widowedNiks: [HEAD],
    });
  });

  it('changes nobody else when a child or a parent died, or when the spouse was no longer married', () => {
    expect(deathRegistryChange(family(), { deceasedNik: DAUGHTER })).toEqual({
      deceasedNik: DAUGHTER,
      widowedNiks: [],
    });
    expect(deathRegistryChange(family(), { deceasedNik: GRANDMOTHER })).toEqual({
      deceasedNik: GRANDMOTHER,
      widowedNiks: [],
    });
    const divorced = family({
      members: family().members.map((m) =>
        m.nik === WIFE ? { ...m, maritalStatus: MaritalStatus.CERAI_HIDUP_TERCATAT } : m,
      ),
    });
    expect(deathRegistryChange(divorced, { deceasedNik: HEAD, newHeadNik: WIFE })).toEqual({
      deceasedNik: HEAD,
      widowedNiks: [],
      newHeadNik: WIFE,
    });
    expect(deathRegistryChange(family(), { deceasedNik: STRANGER })).toEqual({
      deceasedNik: STRANGER,
      widowedNiks: [],
    });
  });
});
