import { Type } from 'class-transformer';
import { Equals, IsIn, IsInt, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { BirthParents, DocumentKind, Sex } from '#lib/domain';
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

  /**
   * Which parents the sentence names: both of a recorded marriage, both with the words of an
   * unrecorded one (SPTJM), or the mother only. Absent in events of older versions: both when a
   * father is named, else the mother only.
   */
  @IsOptional()
  @IsIn(Object.values(BirthParents))
  parents?: BirthParents;

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
