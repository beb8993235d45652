import argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { Relationship, Role } from '#lib/domain';
import { PASSWORD_HASH_OPTIONS } from '../accounts/password-hasher.js';
import type { SyntheticFamily } from './population-generator.js';
import { seedPopulation } from './seed-population.js';

/**
 * The demo data of `npm start` (docs/demo-accounts.md): a few thousand synthetic people of
 * Ogan Komering Ilir, staff of OKI and of Kota Palembang, and three resident families whose
 * heads already have accounts. Fixed seed and passwords, so the same accounts exist on every
 * machine; running it again changes nothing.
 */
export const DEMO_REGENCY = '16.02';
export const DEMO_OTHER_REGENCY = '16.71';
export const DEMO_SEED = 20_260_101;
export const DEMO_PEOPLE = 3000;
export const DEMO_STAFF_PASSWORD = 'Demo-Petugas-2026';
export const DEMO_RESIDENT_PASSWORD = 'Demo-Warga-2026';

export const DEMO_STAFF = [
  {
    username: 'admin.oki',
    role: Role.ADMIN,
    regencyCode: DEMO_REGENCY,
    fullName: 'RAHMAT HIDAYAT, S.KOM.',
    nip: '198203142008011002',
  },
  {
    username: 'operator.oki',
    role: Role.CLERK,
    regencyCode: DEMO_REGENCY,
    fullName: 'SITI RAHMAWATI',
    nip: '199005212015032001',
  },
  {
    username: 'pejabat.oki',
    role: Role.OFFICIAL,
    regencyCode: DEMO_REGENCY,
    fullName: 'DRS. HENDRA WIJAYA, M.SI.',
    nip: '197805122005011003',
  },
  {
    username: 'operator.palembang',
    role: Role.CLERK,
    regencyCode: DEMO_OTHER_REGENCY,
    fullName: 'ANDI SAPUTRA',
    nip: '199207072019031004',
  },
] as const;

export interface DemoResidentFamily {
  familyCardNumber: string;
  headNik: string;
  headName: string;
  headBirthDate: string;
  members: Array<{ nik: string; fullName: string; relationship: string; birthDate: string }>;
}

export interface DemoSeedResult {
  people: number;
  added: number;
  seconds: number;
  staff: ReadonlyArray<{ username: string; role: string; regencyCode: string }>;
  families: DemoResidentFamily[];
}

export async function seedDemo(options: { databaseUrl: string; people?: number }): Promise<DemoSeedResult> {
  const picked: SyntheticFamily[] = [];
  const population = await seedPopulation({
    databaseUrl: options.databaseUrl,
    regencyCode: DEMO_REGENCY,
    people: options.people ?? DEMO_PEOPLE,
    seed: DEMO_SEED,
    onFamily: (family) => {
      const hasChildren = family.members.filter((m) => m.relationship === Relationship.ANAK).length >= 2;
      if (picked.length < 3 && hasChildren && family.members.length >= 4) picked.push(family);
    },
  });
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const staffHash = await argon2.hash(DEMO_STAFF_PASSWORD, PASSWORD_HASH_OPTIONS);
    for (const staff of DEMO_STAFF) {
      await client.query(
        `INSERT INTO account (id, role, username, password_hash, full_name, nip, regency_code)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
        [randomUUID(), staff.role, staff.username, staffHash, staff.fullName, staff.nip, staff.regencyCode],
      );
    }
    const residentHash = await argon2.hash(DEMO_RESIDENT_PASSWORD, PASSWORD_HASH_OPTIONS);
    for (const family of picked) {
      const head = family.members[0];
      await client.query(
        `INSERT INTO account (id, role, nik, password_hash) VALUES ($1, 'RESIDENT', $2, $3) ON CONFLICT DO NOTHING`,
        [randomUUID(), head.nik, residentHash],
      );
    }
  } finally {
    await client.end();
  }
  return {
    people: population.people,
    added: population.added,
    seconds: population.seconds,
    staff: DEMO_STAFF,
    families: picked.map((family) => ({
      familyCardNumber: family.familyCardNumber,
      headNik: family.members[0].nik,
      headName: family.members[0].fullName,
      headBirthDate: family.members[0].birthDate,
      members: family.members.map((m) => ({
        nik: m.nik,
        fullName: m.fullName,
        relationship: m.relationship,
        birthDate: m.birthDate,
      })),
    })),
  };
}

/** What `npm start` prints (demo NIKs are synthetic; printed in full on purpose, on the console only). */
export function describeDemo(result: DemoSeedResult): string[] {
  const lines = [
    `Demo registry: ${result.people} synthetic people of regency ${DEMO_REGENCY} (${result.added} new) in ${result.seconds.toFixed(1)} s`,
    `Demo staff (password ${DEMO_STAFF_PASSWORD}):`,
    ...result.staff.map((s) => `  ${s.username.padEnd(20)} ${s.role.padEnd(9)} ${s.regencyCode}`),
    `Demo residents (log in with the NIK, password ${DEMO_RESIDENT_PASSWORD}):`,
  ];
  for (const family of result.families) {
    lines.push(`  KK ${family.familyCardNumber}, head ${family.headName}: NIK ${family.headNik}`);
    for (const member of family.members.slice(1)) {
      lines.push(
        `    ${member.relationship.padEnd(16)} ${member.fullName} ${member.nik} (born ${member.birthDate}, may register)`,
      );
    }
  }
  return lines;
}
