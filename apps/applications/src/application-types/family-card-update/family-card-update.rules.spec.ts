import { describe, expect, it } from '@jest/globals';
import type { FamilyCardUpdateInput } from '#lib/contracts';
import { family, father, fields, firstChild, KK, mother } from '../testing/registry-fixtures.js';
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
    expect(fields(outcome)).toEqual(['familyCardNumber', 'memberChanges[0].nik']);
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

  it('sends a move to another regency to another service', () => {
    const outcome = checkFamilyCardUpdate(input({ villageCode: '16.71.01.1001' }), father.nik, facts);
    expect(fields(outcome)).toEqual(['villageCode']);
  });
});
