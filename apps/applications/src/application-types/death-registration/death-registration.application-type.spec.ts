import { describe, expect, it } from '@jest/globals';
import type { ApplicationDetailsOf, DeathRegistrationInput, FamilyView, PersonRecord } from '#lib/contracts';
import type { ApplicationType } from '#lib/domain';
import type { RuleContext } from '../application-type-rules.js';
import { family, father, fields, firstChild, KK, mother, person } from '../testing/registry-fixtures.js';
import { deathRegistrationRules } from './death-registration.application-type.js';

const input = (overrides: Partial<DeathRegistrationInput> = {}): DeathRegistrationInput => ({
  type: 'DEATH_REGISTRATION',
  familyCardNumber: KK,
  deceasedNik: father.nik,
  dateOfDeath: '2026-01-10',
  placeOfDeath: 'KAYUAGUNG',
  cause: 'SAKIT_BIASA',
  certifiedBy: 'DOKTER',
  deathLetterNumber: 'SKK/001',
  newHeadNik: mother.nik,
  ...overrides,
});

/** The registry and the other applications as the rules would ask them, from fixtures. */
function context(
  options: {
    family?: FamilyView;
    persons?: PersonRecord[];
    open?: Array<ApplicationDetailsOf<'DEATH_REGISTRATION'>>;
  } = {},
): RuleContext & { asked: { persons: string[][]; open: Array<[ApplicationType, string, string | undefined]> } } {
  const asked = { persons: [] as string[][], open: [] as Array<[ApplicationType, string, string | undefined]> };
  return {
    applicantNik: mother.nik,
    applicationId: 'a2b9b9e0-0d7e-4c52-9a8e-6a0f2d3c4b5a',
    asked,
    registry: {
      family: (number) =>
        Promise.resolve(number === KK ? (options.family ?? family([father, mother, firstChild])) : undefined),
      persons: (niks) => {
        asked.persons.push([...niks]);
        return Promise.resolve(
          new Map((options.persons ?? []).filter((p) => niks.includes(p.nik)).map((p) => [p.nik, p])),
        );
      },
    },
    applications: {
      openDetails: <K extends ApplicationType>(type: K, familyCardNumber: string, excludeId?: string) => {
        asked.open.push([type, familyCardNumber, excludeId]);
        return Promise.resolve((options.open ?? []) as unknown as ApplicationDetailsOf<K>[]);
      },
    },
  };
}

describe('death registration: the applications service part', () => {
  it('judges a sound report of the head’s death and routes it to the family’s regency', async () => {
    const ctx = context();
    expect(await deathRegistrationRules.judge(input(), ctx)).toEqual({
      violations: [],
      regencyCode: '16.02',
      familyCardNumber: KK,
    });
    // Resubmitting an application is not a rival of itself.
    expect(ctx.asked.open).toEqual([['DEATH_REGISTRATION', KK, 'a2b9b9e0-0d7e-4c52-9a8e-6a0f2d3c4b5a']]);
  });

  it('asks the registry about the witnesses and refuses one who is not active, with the generic message', async () => {
    const outsider = person('1602051212800006', 'ORANG LAIN', { status: 'DECEASED', familyCardNumber: undefined });
    const ctx = context({ persons: [outsider, firstChild] });
    const outcome = await deathRegistrationRules.judge(input({ witnessNiks: [firstChild.nik, outsider.nik] }), ctx);
    expect(ctx.asked.persons).toEqual([[firstChild.nik, outsider.nik]]);
    expect(outcome.violations).toEqual([
      { field: 'witnessNiks[1]', message: 'NIK saksi tidak dapat diterima sebagai saksi' },
    ]);
  });

  it('refuses a death another open report of the family names', async () => {
    const open = [{ ...input(), type: undefined } as unknown as ApplicationDetailsOf<'DEATH_REGISTRATION'>];
    expect(fields(await deathRegistrationRules.judge(input(), context({ open })))).toEqual(['deceasedNik']);
  });

  it('judges a date in the future by the family’s own regency, and an unknown KK like a stranger’s', async () => {
    expect(fields(await deathRegistrationRules.judge(input({ dateOfDeath: '2999-01-01' }), context()))).toEqual([
      'dateOfDeath',
    ]);
    expect(
      fields(await deathRegistrationRules.judge(input({ familyCardNumber: '1602051201150009' }), context())),
    ).toEqual(['familyCardNumber']);
  });

  it('stores the details as given, without the type', () => {
    expect(deathRegistrationRules.toDetails(input({ timeOfDeath: '04:30' }))).toEqual({
      familyCardNumber: KK,
      deceasedNik: father.nik,
      dateOfDeath: '2026-01-10',
      timeOfDeath: '04:30',
      placeOfDeath: 'KAYUAGUNG',
      cause: 'SAKIT_BIASA',
      certifiedBy: 'DOKTER',
      deathLetterNumber: 'SKK/001',
      newHeadNik: mother.nik,
    });
  });
});
