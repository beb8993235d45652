import { describe, expect, it } from '@jest/globals';
import type { BirthRegistrationInput } from '#lib/contracts';
import { family, father, fields, firstChild, KK, mother, person } from '../testing/registry-fixtures.js';
import { checkBirthRegistration } from './birth-registration.rules.js';

function birth(child: Partial<BirthRegistrationInput['child']>): BirthRegistrationInput {
  return {
    type: 'BIRTH_REGISTRATION',
    familyCardNumber: KK,
    fatherNik: father.nik,
    motherNik: mother.nik,
    birthLetterNumber: 'SKL/1',
    child: {
      fullName: 'BAYU SANTOSO',
      sex: 'LAKI_LAKI',
      birthDate: '2026-11-20',
      birthPlace: 'KAYU AGUNG',
      placeKind: 'RUMAH_SAKIT',
      birthOrder: 2,
      attendant: 'BIDAN',
      religion: 'ISLAM',
      ...child,
    },
  };
}

const persons = new Map([father, mother].map((p) => [p.nik, p]));

describe('birth registration rules', () => {
  it('accepts the next child of the mother, reported by the father, in the family regency', () => {
    const outcome = checkBirthRegistration(birth({}), father.nik, {
      family: family([father, mother, firstChild]),
      persons,
      pendingBirths: [],
    });
    expect(outcome).toMatchObject({ violations: [], regencyCode: '16.02', familyCardNumber: KK });
    expect(outcome.evidence?.map((e) => e.kind)).toEqual(['SURAT_KETERANGAN_LAHIR', 'BUKU_NIKAH']);
  });

  it('wants the birth order to follow the siblings on record', () => {
    const outcome = checkBirthRegistration(birth({ birthOrder: 1 }), father.nik, {
      family: family([father, mother, firstChild]),
      persons,
      pendingBirths: [],
    });
    expect(fields(outcome)).toEqual(['child.birthOrder']);
  });

  it('flags a child already in the KK with a similar name born within a day', () => {
    const outcome = checkBirthRegistration(
      birth({ fullName: 'RINA SANTOSA', birthDate: '2015-03-16', birthOrder: 1 }),
      father.nik,
      { family: family([father, mother, firstChild]), persons, pendingBirths: [] },
    );
    expect(fields(outcome)).toEqual(['child.fullName']);
  });

  it('lets the second twin in, with the same or the next birth order, when its name differs clearly', () => {
    const twin = person('1602052011260004', 'BIMA SANTOSO', {
      relationship: 'ANAK',
      birthDate: '2026-11-20',
      motherName: 'SITI AMINAH',
    });
    for (const birthOrder of [2, 3]) {
      const outcome = checkBirthRegistration(
        birth({ fullName: 'ARJUNA PRAKOSO', birthType: 'KEMBAR_2', birthOrder }),
        father.nik,
        { family: family([father, mother, firstChild, twin]), persons, pendingBirths: [] },
      );
      expect(outcome.violations).toEqual([]);
    }
    const single = checkBirthRegistration(birth({ fullName: 'ARJUNA PRAKOSO', birthOrder: 2 }), father.nik, {
      family: family([father, mother, firstChild, twin]),
      persons,
      pendingBirths: [],
    });
    expect(fields(single)).toEqual(['child.birthOrder']);
  });

  it('names parents not in the KK, inactive NIKs and an applicant who may not report', () => {
    const outsider = person('1602054505950005', 'DEWI LESTARI', {
      sex: 'PEREMPUAN',
      familyCardNumber: '1602051201150009',
    });
    const dead = person('1602050101600006', 'SAKSI MENINGGAL', { status: 'DECEASED' });
    const outcome = checkBirthRegistration(
      { ...birth({}), motherNik: outsider.nik, witnessNiks: [dead.nik, '1602050101700007'] },
      firstChild.nik,
      {
        family: family([father, mother, firstChild]),
        persons: new Map([...persons, [outsider.nik, outsider], [dead.nik, dead]]),
        pendingBirths: [],
      },
    );
    expect(fields(outcome)).toEqual(['witnessNiks[0]', 'witnessNiks[1]', 'motherNik', 'familyCardNumber']);
    expect(JSON.stringify(outcome.violations)).not.toMatch(/\d{16}/);
  });

  it('flags a birth another open application already reports', () => {
    const outcome = checkBirthRegistration(birth({}), mother.nik, {
      family: family([father, mother, firstChild]),
      persons,
      pendingBirths: [{ motherNik: mother.nik, childName: 'BAYU SANTOSO', birthDate: '2026-11-21', multiple: false }],
    });
    expect(fields(outcome)).toEqual(['child.fullName']);
  });

  // Issue #14 point 2: a mother alone, and parents whose marriage is not recorded.
  it('registers a child of a mother with no father named, expecting no marriage evidence', () => {
    const single = person('1602054707980021', 'MAYA SARI', {
      sex: 'PEREMPUAN',
      relationship: 'KEPALA_KELUARGA',
      maritalStatus: 'BELUM_KAWIN',
      birthDate: '1998-07-07',
    });
    const { fatherNik: _none, ...withoutFather } = birth({ birthOrder: 1 });
    const outcome = checkBirthRegistration({ ...withoutFather, motherNik: single.nik }, single.nik, {
      family: { ...family([single]), headNik: single.nik },
      persons: new Map([[single.nik, single]]),
      pendingBirths: [],
    });
    expect(outcome.violations).toEqual([]);
    expect(outcome.evidence?.map((e) => e.kind)).toEqual(['SURAT_KETERANGAN_LAHIR']);
  });

  it('expects the SPTJM on being husband and wife when both parents are BELUM_KAWIN', () => {
    const unmarried = new Map([father, mother].map((p) => [p.nik, { ...p, maritalStatus: 'BELUM_KAWIN' as const }]));
    const outcome = checkBirthRegistration(birth({}), father.nik, {
      family: family([father, mother, firstChild]),
      persons: unmarried,
      pendingBirths: [],
    });
    expect(outcome.violations).toEqual([]);
    expect(outcome.evidence?.map((e) => e.kind)).toEqual(['SURAT_KETERANGAN_LAHIR', 'SPTJM_PASANGAN_SUAMI_ISTRI']);
  });

  // Issue #14 point 10: the SPTJM route of a home birth with a dukun.
  it('expects the SPTJM on the birth data when there is no birth letter', () => {
    const { birthLetterNumber: _none, ...withoutLetter } = birth({ placeKind: 'RUMAH', attendant: 'DUKUN' });
    const outcome = checkBirthRegistration(withoutLetter, father.nik, {
      family: family([father, mother, firstChild]),
      persons,
      pendingBirths: [],
    });
    expect(outcome.violations).toEqual([]);
    expect(outcome.evidence?.[0].kind).toBe('SPTJM_DATA_KELAHIRAN');
  });

  // Issue #14 point 3.
  it('never takes a twin for a duplicate of its twin, registered or pending, and counts it', () => {
    const putra = person('1602052011260004', 'PUTRA ANDIKA', {
      relationship: 'ANAK',
      birthDate: '2026-11-20',
      motherName: 'SITI AMINAH',
    });
    for (const birthOrder of [2, 3]) {
      const outcome = checkBirthRegistration(
        birth({ fullName: 'PUTRI ANDIKA', birthType: 'KEMBAR_2', birthOrder }),
        father.nik,
        { family: family([father, mother, firstChild, putra]), persons, pendingBirths: [] },
      );
      expect(outcome.violations).toEqual([]);
    }
    // Submitted together: the second may claim the first's order or the next.
    const pendingTwin = { motherNik: mother.nik, childName: 'NAILA AZZAHRA', birthDate: '2026-11-20', multiple: true };
    for (const birthOrder of [2, 3]) {
      const outcome = checkBirthRegistration(
        birth({ fullName: 'NAYLA AZZAHRA', birthType: 'KEMBAR_2', birthOrder }),
        father.nik,
        { family: family([father, mother, firstChild]), persons, pendingBirths: [pendingTwin] },
      );
      expect(outcome.violations).toEqual([]);
    }
    const sameName = checkBirthRegistration(birth({ fullName: 'NAILA AZZAHRA', birthType: 'KEMBAR_2' }), father.nik, {
      family: family([father, mother, firstChild]),
      persons,
      pendingBirths: [pendingTwin],
    });
    expect(fields(sameName)).toEqual(['child.fullName']);
  });

  // Issue #14 point 6.
  it.each(['BUDI', `${'A'.repeat(35)} ${'B'.repeat(35)}`, 'DR. RUDI', 'M. RIZKI PRATAMA'])(
    'refuses the new name %s',
    (fullName) => {
      const outcome = checkBirthRegistration(birth({ fullName }), father.nik, {
        family: family([father, mother, firstChild]),
        persons,
        pendingBirths: [],
      });
      expect(fields(outcome)).toContain('child.fullName');
    },
  );
});
