import { MaritalStatus, Sex } from '../enums/population.js';
import { ageOn, marriageAgeProblem, minimumMarriageAge } from './marriage-age.js';

const today = '2026-11-30';

describe('marriage age (UU 1/1974, UU 16/2019)', () => {
  it('is 19 for both since 15 October 2019, before that 19 for men and 16 for women', () => {
    expect(minimumMarriageAge(Sex.PEREMPUAN, '2019-10-15')).toBe(19);
    expect(minimumMarriageAge(Sex.PEREMPUAN, '2019-10-14')).toBe(16);
    expect(minimumMarriageAge(Sex.LAKI_LAKI, '2010-01-01')).toBe(19);
  });

  it('counts whole years', () => {
    expect(ageOn('2007-12-01', '2026-11-30')).toBe(18);
    expect(ageOn('2007-11-30', '2026-11-30')).toBe(19);
    expect(ageOn('2007-10-31', '2026-11-30')).toBe(19);
    expect(ageOn('not a date', today)).toBeNaN();
  });

  it('refuses an 11-year-old becoming KAWIN_TERCATAT, unless a court dispensed', () => {
    const child = { sex: Sex.PEREMPUAN, birthDate: '2015-03-01', maritalStatus: MaritalStatus.KAWIN_TERCATAT, today };
    expect(marriageAgeProblem(child)).toMatch(/di bawah 19 tahun/);
    expect(marriageAgeProblem({ ...child, dispensationNumber: '12/Pdt.P/2026/PA.Kag' })).toBeUndefined();
    expect(marriageAgeProblem({ ...child, dispensationNumber: '  ' })).toMatch(/dispensasi/);
  });

  it('holds a marriage date to the law of that day', () => {
    const woman = { sex: Sex.PEREMPUAN, birthDate: '2001-01-01', maritalStatus: MaritalStatus.KAWIN_TERCATAT, today };
    expect(marriageAgeProblem({ ...woman, marriageDate: '2018-06-01' })).toBeUndefined();
    expect(marriageAgeProblem({ ...woman, marriageDate: '2019-11-01' })).toMatch(/di bawah 19 tahun/);
  });

  it('refuses a marriage date in the future or before birth', () => {
    const adult = { sex: Sex.LAKI_LAKI, birthDate: '1990-01-01', maritalStatus: MaritalStatus.KAWIN_TERCATAT, today };
    expect(marriageAgeProblem({ ...adult, marriageDate: '2026-12-01' })).toMatch(/masa depan/);
    expect(marriageAgeProblem({ ...adult, marriageDate: '1989-01-01' })).toMatch(/setelah tanggal lahir/);
  });

  it('leaves an unmarried child alone', () => {
    expect(
      marriageAgeProblem({
        sex: Sex.LAKI_LAKI,
        birthDate: '2015-01-01',
        maritalStatus: MaritalStatus.BELUM_KAWIN,
        today,
      }),
    ).toBeUndefined();
  });
});
