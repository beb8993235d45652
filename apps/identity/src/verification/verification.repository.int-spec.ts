import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dropTestDatabase, ensureDatabase, withDatabase } from '#lib/platform/db';
import { identityMigrations } from '../migrations/index.js';
import { unpackRecords, VerificationRepository } from './verification.repository.js';

/** The registry read of a group of checks, by position, against real PostgreSQL. */
describe('verification registry read: records by position', () => {
  const url = withDatabase(process.env['TEST_DATABASE_URL']!, `disduk_test_vrepo_${randomBytes(3).toString('hex')}`);
  let db: DataSource;
  let repository: VerificationRepository;
  const A = '1602054101900001';
  const B = '1602051505850002';
  const UNKNOWN = '1602050101010999';
  // A name that, packed as one text, would pose as a whole record of position 1 and the rest
  // of its own (RS between records, US between fields): the read must not be fooled.
  const C = '1602052010800003';
  const FORGING_NAME = 'X\x1f1900-01-01\x1fX\x1fX\x1fX\x1fMATI\x1e3\x1fY';

  beforeAll(async () => {
    await ensureDatabase(url);
    db = new DataSource({ type: 'postgres', url, entities: [], migrations: identityMigrations });
    await db.initialize();
    await db.runMigrations();
    for (const [nik, name, sex, date] of [
      [A, 'SITI AMINAH', 'PEREMPUAN', '1990-01-01'],
      [B, 'BUDI SANTOSO', 'LAKI-LAKI', '1985-05-15'],
      [C, FORGING_NAME, 'LAKI-LAKI', '1980-10-20'],
    ]) {
      await db.query(
        `INSERT INTO person (nik, full_name, sex, birth_place, birth_date, religion, education, occupation, blood_type,
                             marital_status, citizenship, father_name, mother_name, status)
         VALUES ($1, $2, $3, 'KAYUAGUNG', $4, 'ISLAM', 'SLTA/SEDERAJAT', 'WIRASWASTA', 'TIDAK TAHU', 'KAWIN', 'WNI',
                 'AHMAD', 'MASNAH', 'HIDUP')`,
        [nik, name, sex, date],
      );
    }
    repository = new VerificationRepository(db);
  });

  afterAll(async () => {
    await db?.destroy();
    await dropTestDatabase(url);
  });

  it.each([false, true])(
    'answers each position with its NIK’s record, duplicates and unknowns included (address: %s)',
    async (withAddress) => {
      const records = await repository.findSubjects([B, UNKNOWN, A, B], withAddress);
      expect(records).toHaveLength(4);
      expect(records[0]).toMatchObject({ fullName: 'BUDI SANTOSO', birthDate: '1985-05-15', status: 'HIDUP' });
      expect(records[1]).toBeUndefined();
      expect(records[2]).toMatchObject({ fullName: 'SITI AMINAH', sex: 'PEREMPUAN', motherName: 'MASNAH' });
      expect(records[3]).toMatchObject({ fullName: 'BUDI SANTOSO', birthDate: '1985-05-15', status: 'HIDUP' });
      // A person in no family has no address to compare.
      expect(records[2]?.address).toBeUndefined();
    },
  );

  it.each([false, true])(
    'reads a record whose values hold the packing separators as it is, and no other from them (address: %s)',
    async (withAddress) => {
      const records = await repository.findSubjects([A, C, B], withAddress);
      expect(records[0]).toMatchObject({ fullName: 'SITI AMINAH', birthDate: '1990-01-01', status: 'HIDUP' });
      expect(records[1]).toMatchObject({ fullName: FORGING_NAME, birthDate: '1980-10-20', status: 'HIDUP' });
      expect(records[2]).toMatchObject({ fullName: 'BUDI SANTOSO', status: 'HIDUP' });
    },
  );

  it('refuses a packed text with a record too many, a field too many or a position outside the group', () => {
    const record = (i: number, name = 'SITI') =>
      `${i}\x1f${name}\x1f1990-01-01\x1fKAYUAGUNG\x1fPEREMPUAN\x1fMASNAH\x1fHIDUP`;
    const unpack = (count: number, records: string | null, size = 3) =>
      unpackRecords({ count, records }, false, new Array(size));
    expect(unpack(2, `${record(1)}\x1e${record(3)}`)).toBe(true);
    expect(unpack(0, null)).toBe(true);
    expect(unpack(1, null)).toBe(false);
    expect(unpack(1, `${record(1)}\x1e${record(2)}`)).toBe(false);
    expect(unpack(1, record(1, 'SITI\x1fX'))).toBe(false);
    expect(unpack(1, record(4))).toBe(false);
    expect(unpack(1, record(0))).toBe(false);
    expect(unpack(1, record(1).replace('1', '1.5'))).toBe(false);
  });

  it('reads nothing for no NIK', async () => {
    expect(await repository.findSubjects([])).toEqual([]);
  });

  it('refuses a list that would not split back into the NIKs given, before reading anything', async () => {
    for (const bad of [
      [`${A.slice(0, 8)},${A.slice(9)}`, B],
      [A, `${B} `],
      [A, ''],
      ['１６０２０５４１０１９０００01'],
    ]) {
      await expect(repository.findSubjects(bad)).rejects.toThrow(/16-digit NIKs/);
    }
  });
});
