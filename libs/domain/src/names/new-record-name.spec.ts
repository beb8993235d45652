import { newRecordNameProblem } from './new-record-name.js';

describe('newRecordNameProblem (Permendagri 73/2022)', () => {
  it.each(['PUTRI ANDIKA', 'Naila Azzahra', 'MUHAMMAD RIZKI PRATAMA'])('accepts %s', (name) => {
    expect(newRecordNameProblem(name)).toBeUndefined();
  });

  it('refuses a one-word name', () => {
    expect(newRecordNameProblem('BUDI')).toMatch(/dua kata/);
  });

  it('refuses more than 60 characters, counting spaces', () => {
    const name = `${'A'.repeat(35)} ${'B'.repeat(35)}`;
    expect(name).toHaveLength(71);
    expect(newRecordNameProblem(name)).toMatch(/60 huruf/);
    expect(newRecordNameProblem(`${'A'.repeat(30)} ${'B'.repeat(29)}`)).toBeUndefined();
  });

  it.each(['DR. RUDI HARTONO', 'A. RAHMAN', "SITI NUR'AINI", 'RUDI  HARTONO', 'ANAK 2 KITA', 'SITI-AMINAH PUTRI'])(
    'refuses punctuation, digits and double spaces: %s',
    (name) => {
      expect(newRecordNameProblem(name)).toMatch(/huruf dan satu spasi/);
    },
  );

  it.each(['DR RUDI HARTONO', 'H AHMAD FAUZI', 'RUDI HARTONO SPD'])('refuses a title or degree: %s', (name) => {
    expect(newRecordNameProblem(name)).toMatch(/gelar/);
  });
});
