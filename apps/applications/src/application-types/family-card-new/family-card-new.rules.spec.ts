import { describe, expect, it } from '@jest/globals';
import type { FamilyCardNewInput } from '#lib/contracts';
import { family, father, fields, firstChild, KK, mother } from '../testing/registry-fixtures.js';
import { checkFamilyCardNew } from './family-card-new.rules.js';

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
      },
    );
    expect(outcome).toEqual({ violations: [], regencyCode: '16.02' });
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
      { persons: all, families },
    );
    expect(fields(outcome)).toEqual(['members[1].relationship', 'headNik']);
  });

  it('wants the applicant among the new family', () => {
    const outcome = checkFamilyCardNew(input([{ nik: firstChild.nik, relationship: 'KEPALA_KELUARGA' }]), mother.nik, {
      persons: all,
      families,
    });
    expect(fields(outcome)).toEqual(['members']);
  });
});
