import { describe, expect, it } from '@jest/globals';
import type { FamilyCardNewInput } from '#lib/contracts';
import { family, father, fields, firstChild, KK, mother, person } from '../testing/registry-fixtures.js';
import { PERSON_NOT_ACCEPTED } from '#lib/domain';
import { checkFamilyCardNew } from './family-card-new.rules.js';

const TODAY = '2026-11-30';

describe('new family rules', () => {
  const input = (members: FamilyCardNewInput['members'], headNik = firstChild.nik): FamilyCardNewInput => ({
    type: 'FAMILY_CARD_NEW',
    headNik,
    members,
    address: 'JL. BARU',
    rt: '001',
    rw: '001',
    villageCode: '16.02.05.1002',
    postalCode: '30611',
    reason: 'Menikah',
  });
  const all = new Map([father, mother, firstChild].map((p) => [p.nik, p]));
  const families = new Map([[KK, family([father, mother, firstChild])]]);

  it('takes the regency of the new address', () => {
    const outcome = checkFamilyCardNew(
      input([{ nik: firstChild.nik, relationship: 'KEPALA_KELUARGA' }]),
      firstChild.nik,
      {
        persons: all,
        families,
        today: TODAY,
      },
    );
    expect(outcome).toEqual({ violations: [], regencyCode: '16.02', evidence: [] });
  });

  it('refuses a head of another KK who would leave members behind, and a second head', () => {
    const outcome = checkFamilyCardNew(
      input(
        [
          { nik: father.nik, relationship: 'KEPALA_KELUARGA' },
          { nik: firstChild.nik, relationship: 'KEPALA_KELUARGA' },
        ],
        father.nik,
      ),
      father.nik,
      { persons: all, families, today: TODAY },
    );
    expect(fields(outcome)).toEqual(['members[1].relationship', 'headNik']);
  });

  it('wants the applicant among the new family', () => {
    const outcome = checkFamilyCardNew(input([{ nik: firstChild.nik, relationship: 'KEPALA_KELUARGA' }]), mother.nik, {
      persons: all,
      families,
      today: TODAY,
    });
    expect(fields(outcome)).toEqual(['members']);
  });

  // Issue #14 point 5.
  const groom = person('1602050505000011', 'ANDI PRATAMA', { maritalStatus: 'BELUM_KAWIN', birthDate: '2000-05-05' });
  const bride = person('1602054606010012', 'PUTRI LESTARI', {
    sex: 'PEREMPUAN',
    maritalStatus: 'BELUM_KAWIN',
    birthDate: '2001-06-06',
  });
  const couple = new Map([groom, bride].map((p) => [p.nik, p]));
  const married = (extra: Partial<FamilyCardNewInput['members'][number]> = {}): FamilyCardNewInput =>
    input(
      [
        {
          nik: groom.nik,
          relationship: 'KEPALA_KELUARGA',
          maritalStatus: 'KAWIN_TERCATAT',
          marriageDate: '2026-10-01',
        },
        {
          nik: bride.nik,
          relationship: 'ISTRI',
          maritalStatus: 'KAWIN_TERCATAT',
          marriageDate: '2026-10-01',
          ...extra,
        },
      ],
      groom.nik,
    );

  it('refuses a husband and wife who are both BELUM_KAWIN', () => {
    const outcome = checkFamilyCardNew(
      input(
        [
          { nik: groom.nik, relationship: 'KEPALA_KELUARGA' },
          { nik: bride.nik, relationship: 'ISTRI' },
        ],
        groom.nik,
      ),
      groom.nik,
      { persons: couple, families: new Map(), today: TODAY },
    );
    expect(fields(outcome)).toEqual(['members[0].maritalStatus', 'members[1].maritalStatus']);
  });

  it('takes a recorded marriage with its date and expects the buku nikah', () => {
    const outcome = checkFamilyCardNew(married(), groom.nik, { persons: couple, families: new Map(), today: TODAY });
    expect(outcome.violations).toEqual([]);
    expect(outcome.evidence?.map((e) => e.kind)).toEqual(['BUKU_NIKAH']);
  });

  it('takes an unrecorded marriage and expects the SPTJM on being husband and wife', () => {
    const outcome = checkFamilyCardNew(
      input(
        [
          { nik: groom.nik, relationship: 'KEPALA_KELUARGA', maritalStatus: 'KAWIN_BELUM_TERCATAT' },
          { nik: bride.nik, relationship: 'ISTRI', maritalStatus: 'KAWIN_BELUM_TERCATAT' },
        ],
        groom.nik,
      ),
      groom.nik,
      { persons: couple, families: new Map(), today: TODAY },
    );
    expect(outcome.violations).toEqual([]);
    expect(outcome.evidence?.map((e) => e.kind)).toEqual(['SPTJM_PASANGAN_SUAMI_ISTRI']);
  });

  it('wants the date of a recorded marriage, and the marriage age', () => {
    const young = person(bride.nik, bride.fullName, { sex: 'PEREMPUAN', birthDate: '2010-06-06' });
    const outcome = checkFamilyCardNew(married({ marriageDate: undefined }), groom.nik, {
      persons: new Map([groom, young].map((p) => [p.nik, p])),
      families: new Map(),
      today: TODAY,
    });
    expect(fields(outcome)).toEqual(['members[1].marriageDate', 'members[1].maritalStatus']);
    const dispensed = checkFamilyCardNew(married({ dispensationNumber: '12/Pdt.P/2026/PA.Kag' }), groom.nik, {
      persons: new Map([groom, young].map((p) => [p.nik, p])),
      families: new Map(),
      today: TODAY,
    });
    expect(dispensed.violations).toEqual([]);
  });

  it('sends an applicant registered in another regency to pindah datang first', () => {
    const fromPalembang = person(bride.nik, bride.fullName, {
      sex: 'PEREMPUAN',
      birthDate: '2001-06-06',
      familyCardNumber: '1671010101200001',
      regencyCode: '16.71',
    });
    const outcome = checkFamilyCardNew(married(), bride.nik, {
      persons: new Map([groom, fromPalembang].map((p) => [p.nik, p])),
      families: new Map(),
      today: TODAY,
    });
    expect(outcome.violations.find((e) => e.field === 'members[1].nik')?.message).toMatch(/pindah datang/);
  });

  // Issue #13: a refusal never tells a resident facts about people outside their family.
  it('says one and the same sentence about a stranger, whatever the registry holds of them', () => {
    const OTHER_KK = '1602050101990001';
    const strangerFacts = [
      undefined, // unknown NIK
      person(bride.nik, bride.fullName, { sex: 'PEREMPUAN', familyCardNumber: OTHER_KK, status: 'DECEASED' }),
      person(bride.nik, bride.fullName, { sex: 'PEREMPUAN', familyCardNumber: OTHER_KK, status: 'MOVED_OUT' }),
      person(bride.nik, bride.fullName, {
        sex: 'PEREMPUAN',
        birthDate: '2001-06-06',
        familyCardNumber: '1671010101200001',
        regencyCode: '16.71',
      }),
      // too young to marry, in another KK of the regency
      person(bride.nik, bride.fullName, { sex: 'PEREMPUAN', birthDate: '2012-06-06', familyCardNumber: OTHER_KK }),
    ];
    const outcomes = strangerFacts.map(
      (stranger) =>
        checkFamilyCardNew(married(), groom.nik, {
          persons: new Map([groom, ...(stranger === undefined ? [] : [stranger])].map((p) => [p.nik, p])),
          families: new Map(),
          today: TODAY,
        }).violations,
    );
    expect(outcomes[0]).toEqual([{ field: 'members[1].nik', message: PERSON_NOT_ACCEPTED }]);
    for (const violations of outcomes) expect(violations).toEqual(outcomes[0]);
  });
});
