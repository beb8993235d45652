import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { DomainError } from '#lib/domain';
import { ValidationPipe } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsString, ValidateNested, ValidationError } from 'class-validator';
import { IsPastDate } from './date.validators.js';
import { IsNik } from './identifier.validators.js';
import { validationErrorsToFieldErrors, validationPipeOptions } from './validation-pipe.options.js';

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
    expect(error.errors).toEqual([
      { field: 'extra', message: 'property extra should not exist' },
      { field: 'child.fullName', message: 'fullName must be a string' },
      { field: 'child.birthDate', message: 'must be a real calendar date written YYYY-MM-DD' },
      { field: 'members[1].nik', message: 'A NIK is exactly 16 digits' },
      { field: 'members[1].relationship', message: 'relationship must be one of the following values: ISTRI, ANAK' },
    ]);
  });

  it('refuses unknown nested fields and missing nested objects', async () => {
    const error = await rejection({ child: { ...valid.child, nickname: 'x' }, members: 'none' });
    expect(error.errors.map((e) => e.field)).toEqual(['child.nickname', 'members']);
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
