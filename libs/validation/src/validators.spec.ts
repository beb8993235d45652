import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { EDUCATION_LIST, OCCUPATION_LIST, todayIso } from '#lib/domain';
import { plainToInstance } from 'class-transformer';
import { IsOptional, validate } from 'class-validator';
import { IsPastDate } from './date.validators.js';
import { IsApplicationNumber, IsBirthCertificateNumber, IsFamilyCardNumber, IsNik } from './identifier.validators.js';
import { IsOneOfLabels } from './label.validators.js';
import { IsRegionCode, IsVillageCode } from './region.validators.js';
import { IsNotBlank } from './text.validators.js';
import { validationErrorsToFieldErrors } from './validation-pipe.options.js';

// Synthetic identifiers only.
class IdentifiersDto {
  @IsOptional() @IsNik() nik?: unknown;
  @IsOptional() @IsNik({ requireKnownDistrict: true }) issuedNik?: unknown;
  @IsOptional() @IsNik({}, { each: true }) witnessNiks?: unknown;
  @IsOptional() @IsFamilyCardNumber() familyCardNumber?: unknown;
  @IsOptional() @IsBirthCertificateNumber() birthCertificateNumber?: unknown;
  @IsOptional() @IsApplicationNumber() applicationNumber?: unknown;
}

class PlacesDto {
  @IsOptional() @IsRegionCode('province') provinceCode?: unknown;
  @IsOptional() @IsRegionCode('regency') regencyCode?: unknown;
  @IsOptional() @IsRegionCode('district') districtCode?: unknown;
  @IsOptional() @IsVillageCode() villageCode?: unknown;
}

class DatesDto {
  @IsOptional() @IsPastDate() birthDate?: unknown;
  @IsOptional() @IsPastDate({ allowToday: false }) marriageDate?: unknown;
}

class LabelsDto {
  @IsOptional() @IsOneOfLabels(EDUCATION_LIST) education?: unknown;
  @IsOptional() @IsOneOfLabels(OCCUPATION_LIST, { each: true }) occupations?: unknown;
  @IsOptional() @IsOneOfLabels(['HILANG', 'RUSAK']) reason?: unknown;
}

class ReasonDto {
  @IsNotBlank({ message: 'alasan wajib diisi' }) reason?: unknown;
  @IsOptional() @IsNotBlank() note?: unknown;
}

async function fieldErrors(cls: new () => object, plain: Record<string, unknown>) {
  return validationErrorsToFieldErrors(await validate(plainToInstance(cls, plain)));
}

describe('identifier validators', () => {
  it('accept valid identifiers', async () => {
    expect(
      await fieldErrors(IdentifiersDto, {
        nik: '1602056811200003',
        issuedNik: '1602056811200003',
        witnessNiks: ['1602052501900001', '1602056501900002'],
        familyCardNumber: '1602052811200001',
        birthCertificateNumber: '1602-LU-28112020-0001',
        applicationNumber: '1602-20261128-00042',
      }),
    ).toEqual([]);
  });

  it('refuse invalid ones with the domain’s reason and without echoing the value', async () => {
    const errors = await fieldErrors(IdentifiersDto, {
      nik: ' 1602056811200003',
      witnessNiks: ['1602052501900001', '1602052501900000'],
      familyCardNumber: '1602053102200001',
      birthCertificateNumber: '1602-LX-28112020-0001',
      applicationNumber: '1602-20261128-00000',
    });
    expect(errors).toEqual([
      { field: 'nik', message: 'NIK harus tepat 16 digit angka' },
      { field: 'witnessNiks', message: 'Nomor urut NIK tidak boleh 0000' },
      { field: 'familyCardNumber', message: 'Tanggal penerbitan pada No. KK bukan tanggal yang sah' },
      { field: 'birthCertificateNumber', message: expect.stringContaining('RRRR-LU-DDMMYYYY-NNNN') },
      { field: 'applicationNumber', message: 'Nomor urut permohonan dimulai dari 00001' },
    ]);
    expect(JSON.stringify(errors)).not.toContain('1602056811200003');
  });

  it.each([1602056811200003, '1602-0568-1120-0003', '160205681120000３', '1699056811200003'])(
    'refuse NIK %p',
    async (nik) => {
      expect(await fieldErrors(IdentifiersDto, { nik })).toHaveLength(1);
    },
  );

  it('accept an unknown district as a warning, but not where a NIK is issued', async () => {
    const nik = '1602995811200003';
    expect(await fieldErrors(IdentifiersDto, { nik })).toEqual([]);
    expect(await fieldErrors(IdentifiersDto, { issuedNik: nik })).toEqual([
      { field: 'issuedNik', message: 'Kode kecamatan pada NIK bukan kode kecamatan yang berlaku' },
    ]);
  });
});

describe('region validators', () => {
  it('accept known codes written as in idn-area-data', async () => {
    expect(
      await fieldErrors(PlacesDto, {
        provinceCode: '16',
        regencyCode: '16.02',
        districtCode: '16.02.05',
        villageCode: '16.02.05.1002',
      }),
    ).toEqual([]);
  });

  it('refuse unknown codes, compact codes and codes of another level', async () => {
    const errors = await fieldErrors(PlacesDto, {
      provinceCode: '10',
      regencyCode: '1602',
      districtCode: '16.02',
      villageCode: 1602051002,
    });
    expect(errors.map((e) => e.field)).toEqual(['provinceCode', 'regencyCode', 'districtCode', 'villageCode']);
    expect(errors[1].message).toBe('harus kode kabupaten/kota yang terdaftar, ditulis dengan titik, misalnya "16.02"');
  });
});

describe('IsPastDate', () => {
  it('accepts real past dates and today', async () => {
    expect(await fieldErrors(DatesDto, { birthDate: '2000-02-29', marriageDate: '2020-01-01' })).toEqual([]);
    expect(await fieldErrors(DatesDto, { birthDate: todayIso() })).toEqual([]);
  });

  it.each([
    [{ birthDate: '2023-02-29' }, 'harus tanggal yang sah dengan format YYYY-MM-DD'],
    [{ birthDate: '29-02-2024' }, 'harus tanggal yang sah dengan format YYYY-MM-DD'],
    [{ birthDate: 20240229 }, 'harus tanggal yang sah dengan format YYYY-MM-DD'],
    [{ birthDate: '9999-12-31' }, 'tidak boleh tanggal di masa depan'],
    [{ marriageDate: todayIso() }, 'harus tanggal sebelum hari ini'],
  ])('refuses %p: %s', async (plain, message) => {
    expect((await fieldErrors(DatesDto, plain)).map((e) => e.message)).toEqual([message]);
  });
});

describe('IsOneOfLabels', () => {
  it('accepts labels in any case and spacing and rewrites them to the canonical label', async () => {
    const dto = plainToInstance(LabelsDto, {
      education: 'slta / sederajat',
      occupations: ['petani/ pekebun', 'Guru'],
      reason: 'rusak',
    });
    expect(await validate(dto)).toEqual([]);
    expect(dto).toEqual({ education: 'SLTA/SEDERAJAT', occupations: ['PETANI/PEKEBUN', 'GURU'], reason: 'RUSAK' });
  });

  it('refuses values of no label and leaves them as given', async () => {
    const dto = plainToInstance(LabelsDto, { education: 'SMA', occupations: ['GURU', 'ASTRONOT'], reason: 'DICURI' });
    expect(dto.education).toBe('SMA');
    expect(validationErrorsToFieldErrors(await validate(dto))).toEqual([
      { field: 'education', message: 'harus salah satu isian daftar resmi pendidikan, misalnya "TIDAK/BELUM SEKOLAH"' },
      {
        field: 'occupations',
        message: 'harus salah satu isian daftar resmi jenis pekerjaan, misalnya "BELUM/TIDAK BEKERJA"',
      },
      { field: 'reason', message: 'harus salah satu isian daftar yang diizinkan, misalnya "HILANG"' },
    ]);
  });
});

describe('IsNotBlank', () => {
  it.each([['x'], ['  Dokumen hilang  '], ['baris\nkedua']])('accepts %p', async (reason) => {
    expect(await fieldErrors(ReasonDto, { reason })).toEqual([]);
  });

  it.each([[''], ['   '], ['\n\t \r'], [undefined], [0], [['alasan']]])('refuses %p with one error', async (reason) => {
    expect(await fieldErrors(ReasonDto, { reason })).toEqual([{ field: 'reason', message: 'alasan wajib diisi' }]);
  });

  it('says "wajib diisi" unless told otherwise', async () => {
    expect(await fieldErrors(ReasonDto, { reason: 'x', note: ' ' })).toEqual([
      { field: 'note', message: 'wajib diisi' },
    ]);
  });
});
