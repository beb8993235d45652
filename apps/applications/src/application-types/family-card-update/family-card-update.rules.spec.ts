import { describe, expect, it } from '@jest/globals';
import type { FamilyCardUpdateInput } from '#lib/contracts';
import { family, father, fields, firstChild, KK, mother, person } from '../testing/registry-fixtures.js';
import { NOT_APPLICANTS_FAMILY } from '#lib/domain';
import { checkFamilyCardUpdate } from './family-card-update.rules.js';

describe('family card update rules', () => {
  const input = (changes: Partial<FamilyCardUpdateInput>): FamilyCardUpdateInput => ({
    type: 'FAMILY_CARD_UPDATE',
    familyCardNumber: KK,
    reason: 'Perubahan data',
    ...changes,
  });
  const facts = {
    family: family([father, mother, firstChild]),
    persons: new Map([father, mother, firstChild].map((p) => [p.nik, p])),
    today: '2026-11-30',
  };

  it("keeps the application in the family's regency", () => {
    const outcome = checkFamilyCardUpdate(
      input({ address: 'JL. MAWAR', villageCode: '16.02.05.1002' }),
      father.nik,
      facts,
    );
    expect(outcome).toEqual({ violations: [], regencyCode: '16.02', familyCardNumber: KK });
  });

  it('wants some change, made by a member, to members of the KK', () => {
    expect(fields(checkFamilyCardUpdate(input({}), father.nik, facts))).toEqual(['memberChanges']);
    const stranger = '1602050101800009';
    const outcome = checkFamilyCardUpdate(
      input({ memberChanges: [{ nik: stranger, occupation: 'PETANI/PEKEBUN' }] }),
      stranger,
      facts,
    );
    expect(outcome.violations).toEqual([{ field: 'familyCardNumber', message: NOT_APPLICANTS_FAMILY }]);
  });

  // Issue #13: whether a KK number exists, or who is in it, is not the applicant's to learn.
  it('says the same of an unknown KK and of a KK the applicant is not in', () => {
    const change = input({ memberChanges: [{ nik: father.nik, occupation: 'PETANI/PEKEBUN' }] });
    const outsider = '1602050101800009';
    const unknown = checkFamilyCardUpdate(change, outsider, { ...facts, family: undefined });
    const notTheirs = checkFamilyCardUpdate(change, outsider, facts);
    expect(unknown).toEqual(notTheirs);
    expect(unknown.violations).toEqual([{ field: 'familyCardNumber', message: NOT_APPLICANTS_FAMILY }]);
  });

  it('dates a marriage only for the married, after their birth', () => {
    const outcome = checkFamilyCardUpdate(
      input({
        memberChanges: [
          { nik: firstChild.nik, marriageDate: '2020-01-01', maritalStatus: 'BELUM_KAWIN' },
          { nik: mother.nik, marriageDate: '1980-01-01' },
        ],
      }),
      father.nik,
      facts,
    );
    expect(fields(outcome)).toEqual(['memberChanges[0].marriageDate', 'memberChanges[1].marriageDate']);
  });

  // Issue #14 point 7.
  it('refuses an 11-year-old becoming KAWIN_TERCATAT, unless a court dispensed', () => {
    const child = person('1602055503150013', 'NADIA SANTOSO', {
      sex: 'PEREMPUAN',
      relationship: 'ANAK',
      birthDate: '2015-03-15',
      maritalStatus: 'BELUM_KAWIN',
    });
    const withChild = {
      ...facts,
      family: family([father, mother, child]),
      persons: new Map([father, mother, child].map((p) => [p.nik, p])),
    };
    const refused = checkFamilyCardUpdate(
      input({ memberChanges: [{ nik: child.nik, maritalStatus: 'KAWIN_TERCATAT' }] }),
      father.nik,
      withChild,
    );
    expect(fields(refused)).toEqual(['memberChanges[0].maritalStatus']);
    const dispensed = checkFamilyCardUpdate(
      input({
        memberChanges: [
          {
            nik: child.nik,
            maritalStatus: 'KAWIN_TERCATAT',
            marriageDate: '2026-10-01',
            dispensationNumber: '3/Pdt.P/2026',
          },
        ],
      }),
      father.nik,
      withChild,
    );
    expect(dispensed.violations).toEqual([]);
  });

  it('changes blood type, religion and a relationship, but never the head', () => {
    const outcome = checkFamilyCardUpdate(
      input({
        memberChanges: [
          { nik: firstChild.nik, bloodType: 'A+', religion: 'KRISTEN', relationship: 'FAMILI_LAIN' },
          { nik: mother.nik, bloodType: 'O' },
        ],
      }),
      father.nik,
      facts,
    );
    expect(outcome.violations).toEqual([]);
    const head = checkFamilyCardUpdate(
      input({
        memberChanges: [
          { nik: father.nik, relationship: 'SUAMI' },
          { nik: mother.nik, relationship: 'KEPALA_KELUARGA' },
        ],
      }),
      father.nik,
      facts,
    );
    expect(fields(head)).toEqual(['memberChanges[0].relationship', 'memberChanges[1].relationship']);
  });

  it('sends a move to another regency to another service', () => {
    const outcome = checkFamilyCardUpdate(input({ villageCode: '16.71.01.1001' }), father.nik, facts);
    expect(fields(outcome)).toEqual(['villageCode']);
  });
});
