import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  Equals,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  ApplicationType,
  BirthAttendant,
  mayLackBirthLetter,
  BirthPlaceKind,
  BirthType,
  Religion,
  Sex,
} from '#lib/domain';
import { IsDocumentText, IsFamilyCardNumber, IsNik, IsPastDate } from '#lib/validation';
import { PERSON_NAME } from '../input-patterns.js';

/** `BIRTH_REGISTRATION` (API.md "Details by type"). */
export class BirthChildInput {
  /** A new name (Permendagri 73/2022): the word rules are `newRecordNameProblem`'s, at submission. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @Matches(PERSON_NAME, { message: "fullName must be letters, spaces and . ' - only" })
  fullName: string;

  @IsIn(Object.values(Sex))
  sex: Sex;

  @IsPastDate()
  birthDate: string;

  /** `HH:mm`, local time of the birth place. */
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'jam lahir ditulis JJ:mm, misalnya "08:15"' })
  birthTime?: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @IsDocumentText()
  birthPlace: string;

  @IsIn(Object.values(BirthPlaceKind))
  placeKind: BirthPlaceKind;

  /** Anak ke-: 1 for the first child of the mother. */
  @IsInt()
  @Min(1)
  @Max(30)
  birthOrder: number;

  @IsIn(Object.values(BirthAttendant))
  attendant: BirthAttendant;

  @IsOptional()
  @IsInt()
  @Min(200)
  @Max(8000)
  weightGrams?: number;

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 1 })
  @Min(15)
  @Max(80)
  lengthCm?: number;

  @IsIn(Object.values(Religion))
  religion: Religion;

  /** Default TUNGGAL. */
  @IsOptional()
  @IsIn(Object.values(BirthType))
  birthType?: BirthType;
}

export class BirthRegistrationInput {
  @Equals(ApplicationType.BIRTH_REGISTRATION)
  type: typeof ApplicationType.BIRTH_REGISTRATION;

  /** The KK the child joins. */
  @IsFamilyCardNumber()
  familyCardNumber: string;

  @IsObject()
  @ValidateNested()
  @Type(() => BirthChildInput)
  child: BirthChildInput;

  /** Absent when no father is named: the akta names the mother only (DOMAIN.md). */
  @IsOptional()
  @IsNik()
  fatherNik?: string;

  @IsNik()
  motherNik: string;

  /**
   * Nomor surat keterangan lahir from the hospital, midwife or village. Only a birth attended by
   * a dukun or another non-medical helper may come without one (the SPTJM route: the parents'
   * SPTJM kebenaran data kelahiran stands in for it).
   */
  @ValidateIf((input: BirthRegistrationInput) => input.birthLetterNumber !== undefined || !mayLackBirthLetter(input))
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  birthLetterNumber?: string;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(2)
  @ArrayUnique()
  @IsNik({}, { each: true })
  witnessNiks?: string[];
}
