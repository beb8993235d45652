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
    expect(outcome).toEqual({ violations: [], regencyCode: '16.02', familyCardNumber: KK });
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
      pendingBirths: [{ motherNik: mother.nik, childName: 'BAYU SANTOSO', birthDate: '2026-11-21' }],
    });
    expect(fields(outcome)).toEqual(['child.fullName']);
  });
});
