import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { DomainError } from '#lib/domain';
import { ValidationPipe } from '@nestjs/common';
import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  Equals,
  IsArray,
  IsBoolean,
  IsDateString,
  IsDefined,
  IsEmail,
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validate,
  ValidateNested,
  ValidationError,
} from 'class-validator';
import { IsPastDate } from './date.validators.js';
import { IsNik } from './identifier.validators.js';
import {
  translateConstraintMessage,
  validationErrorsToFieldErrors,
  validationPipeOptions,
} from './validation-pipe.options.js';

class ChildDto {
  @IsString() fullName: string;
  @IsPastDate() birthDate: string;
}

class MemberDto {
  @IsNik() nik: string;
  @IsIn(['ISTRI', 'ANAK']) relationship: string;
}

class ApplicationDto {
  @ValidateNested() @Type(() => ChildDto) child: ChildDto;
  @IsArray() @ValidateNested({ each: true }) @Type(() => MemberDto) members: MemberDto[];
}

const pipe = new ValidationPipe(validationPipeOptions);
const transform = (value: unknown): Promise<unknown> =>
  pipe.transform(value, { type: 'body', metatype: ApplicationDto }) as Promise<unknown>;

async function rejection(value: unknown): Promise<DomainError> {
  try {
    await transform(value);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected the pipe to refuse the input');
}

// Synthetic data.
const valid = {
  child: { fullName: 'PUTRI LESTARI', birthDate: '2026-01-25' },
  members: [
    { nik: '1602056501900002', relationship: 'ISTRI' },
    { nik: '1602052501200003', relationship: 'ANAK' },
  ],
};

describe('validationPipeOptions with Nest’s ValidationPipe', () => {
  it('turns valid input into the DTO classes', async () => {
    const dto = (await transform(valid)) as ApplicationDto;
    expect(dto).toBeInstanceOf(ApplicationDto);
    expect(dto.child).toBeInstanceOf(ChildDto);
    expect(dto.members[1]).toBeInstanceOf(MemberDto);
  });

  it('lists every invalid field, nested paths flattened, as VALIDATION.FAILED', async () => {
    const error = await rejection({
      child: { fullName: 42, birthDate: '2026-02-30' },
      members: [
        { nik: '1602056501900002', relationship: 'ISTRI' },
        { nik: '160205250120000', relationship: 'BOS' },
      ],
      extra: true,
    });
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('VALIDATION.FAILED');
    expect(error.message).toBe('Data yang dikirim tidak valid');
    expect(error.errors).toEqual([
      { field: 'extra', message: 'tidak dikenal dan tidak boleh dikirim' },
      { field: 'child.fullName', message: 'harus berupa teks' },
      { field: 'child.birthDate', message: 'harus tanggal yang sah dengan format YYYY-MM-DD' },
      { field: 'members[1].nik', message: 'NIK harus tepat 16 digit angka' },
      { field: 'members[1].relationship', message: 'harus salah satu dari: ISTRI, ANAK' },
    ]);
  });

  it('refuses unknown nested fields and missing nested objects', async () => {
    const error = await rejection({ child: { ...valid.child, nickname: 'x' }, members: 'none' });
    expect(error.errors).toEqual([
      { field: 'child.nickname', message: 'tidak dikenal dan tidak boleh dikirim' },
      { field: 'members', message: 'harus berupa daftar (array); setiap isiannya harus berupa objek atau daftar' },
    ]);
  });
});

describe('validationErrorsToFieldErrors', () => {
  it('joins several messages of one field and walks deep paths', () => {
    const leaf = Object.assign(new ValidationError(), { property: 'nik', constraints: { a: 'first', b: 'second' } });
    const index = Object.assign(new ValidationError(), { property: '0', children: [leaf] });
    const root = Object.assign(new ValidationError(), { property: 'families', children: [index] });
    expect(validationErrorsToFieldErrors([root])).toEqual([{ field: 'families[0].nik', message: 'first; second' }]);
    expect(validationErrorsToFieldErrors([])).toEqual([]);
  });
});

// Every built-in decorator the code base uses, each made to fail, with its default message.
class BuiltInsDto {
  @IsString() name: unknown;
  @IsNotEmpty() note: unknown;
  @IsIn(['ISTRI', 'ANAK']) relationship: unknown;
  @IsInt() childOrder: unknown;
  @Min(1) weight: unknown;
  @Max(60) minutes: unknown;
  @MinLength(3) username: unknown;
  @MaxLength(5) postalCode: unknown;
  @IsUUID() id: unknown;
  @IsDateString() from: unknown;
  @IsArray() members: unknown;
  @ArrayMinSize(1) witnesses: unknown;
  @ArrayMaxSize(2) parents: unknown;
  @ArrayUnique() niks: unknown;
  @IsBoolean() consent: unknown;
  @Matches(/^\d{18}$/) nip: unknown;
  @IsObject() data: unknown;
  @IsNumber() length: unknown;
  @IsEnum({ A: 'A', B: 'B' }) bloodType: unknown;
  @IsEmail() email: unknown;
  @IsUrl() url: unknown;
  @Equals('BIRTH_REGISTRATION') type: unknown;
  @IsDefined() required: unknown;
  @IsString({ each: true }) tags: unknown;
}

const failing = {
  name: 42,
  note: '',
  relationship: 'BOS',
  childOrder: 1.5,
  weight: 0,
  minutes: 61,
  username: 'ab',
  postalCode: '123456',
  id: 'x',
  from: 'kemarin',
  members: 'none',
  witnesses: [],
  parents: [1, 2, 3],
  niks: [1, 1],
  consent: 'ya',
  nip: '123',
  data: 'x',
  length: 'x',
  bloodType: 'C',
  email: 'x',
  url: 'x',
  type: 'OTHER',
  tags: ['a', 1],
};

describe('class-validator’s own messages', () => {
  it('are all translated into Indonesian, with their parameters', async () => {
    const errors = validationErrorsToFieldErrors(await validate(plainToInstance(BuiltInsDto, failing)));
    expect(Object.fromEntries(errors.map((e) => [e.field, e.message]))).toEqual({
      name: 'harus berupa teks',
      note: 'wajib diisi',
      relationship: 'harus salah satu dari: ISTRI, ANAK',
      childOrder: 'harus berupa bilangan bulat',
      weight: 'tidak boleh kurang dari 1',
      minutes: 'tidak boleh lebih dari 60',
      username: 'paling sedikit 3 karakter',
      postalCode: 'paling banyak 5 karakter',
      id: 'harus berupa UUID yang sah',
      from: 'harus tanggal yang sah dengan format ISO 8601 (YYYY-MM-DD)',
      members: 'harus berupa daftar (array)',
      witnesses: 'harus berisi paling sedikit 1 isian',
      parents: 'tidak boleh berisi lebih dari 2 isian',
      niks: 'tidak boleh berisi isian yang sama lebih dari sekali',
      consent: 'harus bernilai true atau false',
      nip: 'tidak sesuai dengan format yang ditentukan',
      data: 'harus berupa objek',
      length: 'harus berupa angka',
      bloodType: 'harus salah satu dari: A, B',
      email: 'harus berupa alamat email yang sah',
      url: 'harus berupa alamat URL yang sah',
      type: 'harus bernilai BIRTH_REGISTRATION',
      required: 'wajib diisi',
      tags: 'setiap isiannya harus berupa teks',
    });
  });

  it('keeps a message a decorator gives explicitly, even for a built-in constraint', async () => {
    class ExplicitDto {
      @Matches(/^\d{18}$/, { message: 'NIP harus tepat 18 digit angka' }) nip: unknown;
      @IsString({ message: 'name must be a string of letters' }) name: unknown;
    }
    const errors = validationErrorsToFieldErrors(await validate(plainToInstance(ExplicitDto, { nip: '1', name: 1 })));
    expect(errors).toEqual([
      { field: 'nip', message: 'NIP harus tepat 18 digit angka' },
      { field: 'name', message: 'name must be a string of letters' },
    ]);
  });

  it('translates by constraint name and wording, leaving anything else as given', () => {
    expect(translateConstraintMessage('min', 'each value in scores must not be less than -1.5', 'scores')).toBe(
      'setiap isiannya tidak boleh kurang dari -1.5',
    );
    expect(translateConstraintMessage('isLength', 'code must be shorter than or equal to 4 characters', 'code')).toBe(
      'paling banyak 4 karakter',
    );
    // The default wording, but for another property: written by hand, so kept.
    expect(translateConstraintMessage('isString', 'other must be a string', 'name')).toBe('other must be a string');
    expect(translateConstraintMessage('isCustom', 'name is odd', 'name')).toBe('name is odd');
    expect(translateConstraintMessage('toString', 'name is odd', 'name')).toBe('name is odd');
    expect(translateConstraintMessage('whitelistValidation', 'property a.b(c) should not exist', 'a.b(c)')).toBe(
      'tidak dikenal dan tidak boleh dikirim',
    );
  });
});
