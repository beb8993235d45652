import { Type } from 'class-transformer';
import { Equals, IsIn, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { DocumentKind, Sex } from '#lib/domain';
import { IsNik } from '#lib/validation';

/** What a Kutipan Akta Kematian prints, as the registry recorded the death. */
export class DeathRecordFacts {
  @IsNik()
  deceasedNik: string;

  @IsString()
  deceasedName: string;

  @IsIn(Object.values(Sex))
  sex: Sex;

  @IsString()
  birthPlace: string;

  /** `YYYY-MM-DD` */
  @IsString()
  birthDate: string;

  /** `YYYY-MM-DD` */
  @IsString()
  dateOfDeath: string;

  /** `HH:mm`, when the report gave it. */
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/)
  timeOfDeath?: string;

  @IsString()
  placeOfDeath: string;

  /** The regency's local date the registry recorded the death: the date in the akta number. */
  @IsString()
  registrationDate: string;
}

/** A Kutipan Akta Kematian to issue. */
export class AktaKematianToIssue {
  @Equals(DocumentKind.AKTA_KEMATIAN)
  kind: typeof DocumentKind.AKTA_KEMATIAN;

  @ValidateNested()
  @Type(() => DeathRecordFacts)
  death: DeathRecordFacts;
}
