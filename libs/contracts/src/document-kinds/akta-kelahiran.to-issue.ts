import { Type } from 'class-transformer';
import { Equals, IsIn, IsInt, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { DocumentKind, Sex } from '#lib/domain';
import { IsNik } from '#lib/validation';

/** What a Kutipan Akta Kelahiran prints, as the registry recorded the birth. */
export class BirthRecordFacts {
  @IsNik()
  childNik: string;

  @IsString()
  childName: string;

  @IsIn(Object.values(Sex))
  sex: Sex;

  @IsString()
  birthDate: string;

  @IsString()
  birthPlace: string;

  @IsInt()
  @Min(1)
  birthOrder: number;

  @IsOptional()
  @IsString()
  fatherName?: string;

  @IsString()
  motherName: string;

  /** The day the registry recorded the birth: decides LU or LT and the certificate date. */
  @IsString()
  registrationDate: string;
}

/** A Kutipan Akta Kelahiran to issue. */
export class AktaKelahiranToIssue {
  @Equals(DocumentKind.AKTA_KELAHIRAN)
  kind: typeof DocumentKind.AKTA_KELAHIRAN;

  @ValidateNested()
  @Type(() => BirthRecordFacts)
  birth: BirthRecordFacts;
}
