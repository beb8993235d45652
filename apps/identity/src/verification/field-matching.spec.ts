import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { VerificationItem } from '#lib/contracts';
import {
  addressSimilarity,
  compareFields,
  compareFieldsJson,
  normalizeAddress,
  requestedFieldList,
  requestedFields,
  type SubjectRecord,
} from './field-matching.js';

const RECORD: SubjectRecord = {
  fullName: 'SITI AMINAH',
  birthDate: '1990-01-01',
  birthPlace: 'KAYU AGUNG',
  sex: 'PEREMPUAN',
  motherName: 'NURHAYATI',
  status: 'ACTIVE',
  address: { line: 'JL. MERDEKA NO. 12', rt: '003', rw: '002' },
};

function item(fields: Partial<VerificationItem>): VerificationItem {
  return { nik: '1602054101900001', purpose: 'Pembukaan rekening', ...fields };
}

describe('verification field matching', () => {
  it('matches names after normalisation: titles, degrees, case, spacing, word order', () => {
    const fields = compareFields(
      item({ fullName: 'Hj. Siti  Aminah, S.Pd.', motherName: 'nurhayati', birthPlace: 'Kayu-Agung' }),
      RECORD,
    );
    expect(fields).toEqual({
      fullName: { match: true, score: 1 },
      motherName: { match: true, score: 1 },
      birthPlace: { match: true, score: 1 },
    });
    expect(compareFields(item({ fullName: 'AMINAH SITI' }), RECORD).fullName).toEqual({ match: true, score: 1 });
  });

  it('scores near misses and reports match only at 0.9 or above', () => {
    const typo = compareFields(item({ fullName: 'SITI AMINA' }), RECORD).fullName;
    expect(typo?.match).toBe(true);
    expect(typo?.score).toBeGreaterThanOrEqual(0.9);
    expect(typo?.score).toBeLessThan(1);
    const other = compareFields(item({ fullName: 'BUDI SANTOSO' }), RECORD).fullName;
    expect(other?.match).toBe(false);
    expect(other?.score).toBeLessThan(0.9);
  });

  it('compares birth date and sex exactly, without a score', () => {
    expect(compareFields(item({ birthDate: '1990-01-01', sex: 'PEREMPUAN' }), RECORD)).toEqual({
      birthDate: { match: true },
      sex: { match: true },
    });
    expect(compareFields(item({ birthDate: '1990-01-02', sex: 'LAKI_LAKI' }), RECORD)).toEqual({
      birthDate: { match: false },
      sex: { match: false },
    });
  });

  it('compares addresses with their numbers, abbreviations and RT/RW', () => {
    expect(normalizeAddress('Jalan Merdeka Nomor 12, RT.003/RW.002')).toBe('JL MERDEKA NO 12 RT 3 RW 2');
    expect(addressSimilarity('Jln. Merdeka No.12', RECORD.address!)).toBe(1);
    expect(addressSimilarity('JALAN MERDEKA NO 12 RT 003 RW 002', RECORD.address!)).toBe(1);
    expect(compareFields(item({ address: 'JL. SUDIRMAN NO. 40' }), RECORD).address?.match).toBe(false);
    const withoutFamily = { ...RECORD, address: undefined };
    expect(compareFields(item({ address: 'JL. MERDEKA NO. 12' }), withoutFamily).address).toEqual({
      match: false,
      score: 0,
    });
  });

  it('compares only the fields asked for, and returns no value of the record', () => {
    const fields = compareFields(item({ fullName: 'SITI' }), RECORD);
    expect(Object.keys(fields)).toEqual(['fullName']);
    expect(JSON.stringify(fields)).not.toMatch(/AMINAH|KAYU|NURHAYATI|MERDEKA|1990/);
    expect(compareFields(item({}), RECORD)).toEqual({});
    expect(requestedFields(item({ address: 'x', fullName: 'y' }))).toEqual(['fullName', 'address']);
    // The batch row's list is the same fields joined, for every combination of them.
    const all = ['fullName', 'birthDate', 'birthPlace', 'sex', 'motherName', 'address'] as const;
    for (let mask = 0; mask < 1 << all.length; mask++) {
      const given = item(Object.fromEntries(all.filter((_, i) => mask & (1 << i)).map((field) => [field, 'x'])));
      expect(requestedFieldList(given)).toBe(requestedFields(given).join(','));
    }
  });

  it('writes as JSON text exactly what JSON.stringify writes of the results, for any fields asked', () => {
    const name = fc.constantFrom('SITI AMINAH', 'Siti Aminah', 'SITI AMINA', 'AMINAH', 'BUDI', 'KAYU AGUNG', '');
    const asked = fc.record(
      {
        fullName: name,
        birthDate: fc.constantFrom('1990-01-01', '1990-01-02'),
        birthPlace: name,
        sex: fc.constantFrom('PEREMPUAN', 'LAKI_LAKI'),
        motherName: fc.constantFrom('NURHAYATI', 'NURHAYATI S', 'X'),
        address: fc.constantFrom('JL. MERDEKA NO. 12', 'JL MERDEKA 12 RT 3 RW 2', 'JL. SUDIRMAN NO. 40'),
      },
      { requiredKeys: [] },
    );
    const record = fc.constantFrom<SubjectRecord>(RECORD, { ...RECORD, address: undefined });
    fc.assert(
      fc.property(asked, record, (fields, subject) => {
        const given = item(fields);
        expect(JSON.parse(compareFieldsJson(given, subject))).toEqual(compareFields(given, subject));
        expect(compareFieldsJson(given, subject)).toBe(JSON.stringify(compareFields(given, subject)));
      }),
    );
  });
});
