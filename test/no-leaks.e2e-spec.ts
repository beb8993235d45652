import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SyntheticFamily, SyntheticPerson } from '../apps/identity/src/seed/population-generator.js';
import { NOT_APPLICANTS_FAMILY, PERSON_NOT_ACCEPTED, WITNESS_NOT_ACCEPTED } from '#lib/domain';
import { importCsv } from './factories/accounts.factory.js';
import {
  APPLICATIONS_TEST_ENV,
  as,
  birthBody,
  buildApplicationsWorld,
  daysAgo,
  familyCardNewBody,
  familyCardReplacementBody,
  familyCardUpdateBody,
  REGENCY,
  type ApplicationsWorld,
} from './factories/applications.factory.js';
import { residentsCsv, syntheticFamilies } from './factories/registry.factory.js';
import { startStack, type Stack } from './support/stack.js';

/**
 * Issue #13: a 422 never tells a resident facts about people outside their own family (API.md).
 * Each probe names, in turn, a NIK the registry does not know, a deceased person, a person who
 * moved out, an active stranger (heading a KK with members), and someone of another regency: the
 * answers must be the same body, byte for byte but the correlation id. Likewise a KK number that
 * does not exist and one the applicant is not in. If any of the old specific messages ("NIK tidak
 * terdaftar", "tidak berstatus aktif (meninggal dunia)", "kepala keluarga pada KK lain",
 * "pindah datang", "Nomor KK tidak terdaftar") came back for a stranger, these fail.
 */
describe('no registry facts about strangers in a 422', () => {
  let stack: Stack;
  let world: ApplicationsWorld;
  let gone: SyntheticFamily;
  let strangers: Record<string, SyntheticPerson>;
  let unknownKk: string;

  beforeAll(async () => {
    stack = await startStack({ env: APPLICATIONS_TEST_ENV });
    world = await buildApplicationsWorld(stack.url);
    // A family whose wife died and whose grown-up son moved out (statuses as the import takes them).
    const spare = syntheticFamilies({ regencyCode: REGENCY, families: 60, seed: 41 });
    const fits = (f: SyntheticFamily): boolean =>
      f.members.length >= 3 &&
      f.members.some((m) => m.relationship === 'ISTRI') &&
      f.members.some((m) => m.relationship === 'ANAK' && m.sex === 'LAKI_LAKI');
    const candidates = spare.filter(
      (f) => fits(f) && ![world.birthFamily, world.strangerFamily, world.splitFamily].includes(f),
    );
    gone = candidates[0];
    const [, notImported] = candidates;
    if (gone === undefined || notImported === undefined) throw new Error('No family fits; change the seed');
    const wife = gone.members.find((m) => m.relationship === 'ISTRI')!;
    const son = gone.members.find((m) => m.relationship === 'ANAK' && m.sex === 'LAKI_LAKI')!;
    gone = {
      ...gone,
      members: gone.members.map((m) =>
        m === wife ? { ...m, status: 'DECEASED' } : m === son ? { ...m, status: 'MOVED_OUT' } : m,
      ),
    };
    const imported = await importCsv(stack.url, world.tokens.admin, residentsCsv([gone]));
    expect(imported.body.rejected).toEqual([]);
    unknownKk = notImported.familyCardNumber;
    const strangerWife = world.strangerFamily.members.find((m) => m.relationship === 'ISTRI')!;
    strangers = {
      unknown: notImported.members.find((m) => m.relationship === 'ISTRI')!,
      deceased: { ...wife, status: 'DECEASED' },
      movedOut: { ...son, status: 'MOVED_OUT' },
      activeWife: strangerWife,
      // heads a KK whose members stay: the old "kepala keluarga pada KK lain" message
      head: world.strangerFamily.members[0],
      otherRegency: world.otherRegencyFamily.members.find((m) => m.relationship === 'ISTRI')!,
    };
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  /** The 422 body without what differs per request by design. */
  async function refusal(token: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const response = await as(stack.url, token).post('/applications', body);
    expect({ status: response.status, code: response.body.code }).toEqual({
      status: 422,
      code: 'APPLICATION.RULE_VIOLATION',
    });
    const { correlationId: _id, ...rest } = response.body as Record<string, unknown>;
    return rest;
  }

  function expectNoLeak(bodies: Record<string, unknown>[], niks: string[]): void {
    for (const body of bodies) expect(body).toEqual(bodies[0]);
    const text = JSON.stringify(bodies[0]);
    for (const nik of niks) expect(text).not.toContain(nik);
    expect(text).not.toMatch(/tidak terdaftar|meninggal|pindah|kepala keluarga pada KK lain|kabupaten\/kota lain/i);
  }

  it('says the same of any mother outside the KK (birth registration)', async () => {
    const probes = Object.values(strangers);
    const bodies = [];
    for (const stranger of probes) {
      bodies.push(await refusal(world.tokens.father, birthBody(world, { motherNik: stranger.nik })));
    }
    expectNoLeak(
      bodies,
      probes.map((p) => p.nik),
    );
    expect(bodies[0].errors).toEqual([{ field: 'motherNik', message: 'Ibu bukan anggota KK ini' }]);
  });

  it('says the same of any witness the rules refuse', async () => {
    const probes = [strangers.unknown, strangers.deceased, strangers.movedOut];
    const bodies = [];
    for (const witness of probes) {
      bodies.push(
        await refusal(
          world.tokens.father,
          birthBody(world, { witnessNiks: [witness.nik, world.strangerFamily.members[0].nik] }),
        ),
      );
    }
    expectNoLeak(
      bodies,
      probes.map((p) => p.nik),
    );
    expect(bodies[0].errors).toEqual([{ field: 'witnessNiks[0]', message: WITNESS_NOT_ACCEPTED }]);
  });

  it('says the same of any stranger named in a new KK', async () => {
    // An active wife of another family of the regency may join (that is a new family's usual case).
    const { activeWife: _eligible, ...probed } = strangers;
    const probes = Object.values(probed);
    const bodies = [];
    for (const stranger of probes) {
      bodies.push(
        await refusal(
          world.tokens.adultChild,
          familyCardNewBody(world, {
            members: [
              {
                nik: world.adultChild.nik,
                relationship: 'KEPALA_KELUARGA',
                maritalStatus: 'KAWIN_TERCATAT',
                marriageDate: daysAgo(30),
              },
              { nik: stranger.nik, relationship: 'ISTRI', maritalStatus: 'KAWIN_TERCATAT', marriageDate: daysAgo(30) },
            ],
          }),
        ),
      );
    }
    expectNoLeak(
      bodies,
      probes.map((p) => p.nik),
    );
    expect(bodies[0].errors).toEqual([{ field: 'members[1].nik', message: PERSON_NOT_ACCEPTED }]);
  });

  it('says the same of a KK that does not exist and of a KK the applicant is not in', async () => {
    const kks = [
      unknownKk,
      world.strangerFamily.familyCardNumber,
      world.otherRegencyFamily.familyCardNumber,
      gone.familyCardNumber,
    ];
    const bodies = {
      replacement: [] as Record<string, unknown>[],
      update: [] as Record<string, unknown>[],
      birth: [] as Record<string, unknown>[],
      death: [] as Record<string, unknown>[],
    };
    for (const familyCardNumber of kks) {
      bodies.replacement.push(
        await refusal(world.tokens.father, familyCardReplacementBody(world, { familyCardNumber })),
      );
      bodies.update.push(
        await refusal(
          world.tokens.father,
          familyCardUpdateBody(world, {
            familyCardNumber,
            memberChanges: [{ nik: strangers.activeWife.nik, occupation: 'PETANI/PEKEBUN' }],
          }),
        ),
      );
      bodies.birth.push(
        await refusal(world.tokens.father, birthBody(world, { familyCardNumber, motherNik: strangers.activeWife.nik })),
      );
      bodies.death.push(
        await refusal(world.tokens.father, {
          type: 'DEATH_REGISTRATION',
          familyCardNumber,
          deceasedNik: strangers.head.nik,
          dateOfDeath: daysAgo(2),
          placeOfDeath: 'KAYUAGUNG',
          cause: 'SAKIT_BIASA',
          certifiedBy: 'DOKTER',
          deathLetterNumber: 'SKK/1',
        }),
      );
    }
    for (const list of Object.values(bodies)) {
      expectNoLeak(list, [strangers.activeWife.nik, strangers.head.nik, ...kks]);
      expect(list[0].errors).toEqual([{ field: 'familyCardNumber', message: NOT_APPLICANTS_FAMILY }]);
    }
  });

  it('still spells out the rules about the applicant’s own family', async () => {
    const body = await refusal(world.tokens.father, birthBody(world, { motherNik: world.father.nik }));
    expect(JSON.stringify(body.errors)).toMatch(/NIK ibu bukan NIK perempuan/);
  });
});
