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
  ValidateNested,
} from 'class-validator';
import {
  ApplicationType,
  BirthAttendant,
  BirthPlaceKind,
  BirthType,
  EDUCATION_LIST,
  FamilyCardReplacementReason,
  MaritalStatus,
  OCCUPATION_LIST,
  Relationship,
  Religion,
  Sex,
} from '#lib/domain';
import { IsFamilyCardNumber, IsNik, IsOneOfLabels, IsPastDate, IsVillageCode } from '#lib/validation';
import { DeathRegistrationInput } from '../application-types/death-registration/death-registration.input.js';

/**
 * The body of `POST /applications` and `PUT /applications/{id}`: `{ type, ...details }`, one
 * class per type (API.md "Details by type"). The same classes travel inside NATS messages, so
 * the service validates what the gateway validated (STYLE.md rule 2).
 */

/** Letters (any script), spaces and the marks names carry: `SITI NUR'AINI`, `A. RAHMAN`. */
const PERSON_NAME = /^\p{L}[\p{L}\p{M} .'-]*$/u;
const THREE_DIGITS = /^\d{3}$/;

export class BirthChildInput {
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

  @IsNik()
  fatherNik: string;

  @IsNik()
  motherNik: string;

  /** Nomor surat keterangan lahir from the hospital, midwife or village. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  birthLetterNumber: string;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(2)
  @ArrayUnique()
  @IsNik({}, { each: true })
  witnessNiks?: string[];
}

export class NewFamilyMemberInput {
  @IsNik()
  nik: string;

  @IsIn(Object.values(Relationship))
  relationship: Relationship;
}

export class FamilyCardNewInput {
  @Equals(ApplicationType.FAMILY_CARD_NEW)
  type: typeof ApplicationType.FAMILY_CARD_NEW;

  @IsNik()
  headNik: string;

  /** Everyone in the new family; the head may be listed (as KEPALA_KELUARGA) or not. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ArrayUnique((member: NewFamilyMemberInput) => member?.nik, { message: 'satu NIK tidak boleh disebut dua kali' })
  @ValidateNested({ each: true })
  @Type(() => NewFamilyMemberInput)
  members: NewFamilyMemberInput[];

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  address: string;

  @Matches(THREE_DIGITS, { message: 'RT ditulis 3 digit, misalnya "001"' })
  rt: string;

  @Matches(THREE_DIGITS, { message: 'RW ditulis 3 digit, misalnya "002"' })
  rw: string;

  @IsVillageCode()
  villageCode: string;

  @Matches(/^\d{5}$/, { message: 'kode pos harus 5 digit angka' })
  postalCode: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

export class MemberChangeInput {
  @IsNik()
  nik: string;

  @IsOptional()
  @IsOneOfLabels(EDUCATION_LIST)
  education?: string;

  @IsOptional()
  @IsOneOfLabels(OCCUPATION_LIST)
  occupation?: string;

  @IsOptional()
  @IsIn(Object.values(MaritalStatus))
  maritalStatus?: MaritalStatus;

  @IsOptional()
  @IsPastDate()
  marriageDate?: string;
}

export class FamilyCardUpdateInput {
  @Equals(ApplicationType.FAMILY_CARD_UPDATE)
  type: typeof ApplicationType.FAMILY_CARD_UPDATE;

  @IsFamilyCardNumber()
  familyCardNumber: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  address?: string;

  @IsOptional()
  @Matches(THREE_DIGITS, { message: 'RT ditulis 3 digit, misalnya "001"' })
  rt?: string;

  @IsOptional()
  @Matches(THREE_DIGITS, { message: 'RW ditulis 3 digit, misalnya "002"' })
  rw?: string;

  @IsOptional()
  @IsVillageCode()
  villageCode?: string;

  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'kode pos harus 5 digit angka' })
  postalCode?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique((change: MemberChangeInput) => change?.nik, { message: 'satu NIK tidak boleh disebut dua kali' })
  @ValidateNested({ each: true })
  @Type(() => MemberChangeInput)
  memberChanges?: MemberChangeInput[];

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

export class FamilyCardReplacementInput {
  @Equals(ApplicationType.FAMILY_CARD_REPLACEMENT)
  type: typeof ApplicationType.FAMILY_CARD_REPLACEMENT;

  @IsFamilyCardNumber()
  familyCardNumber: string;

  @IsIn(Object.values(FamilyCardReplacementReason))
  reason: FamilyCardReplacementReason;
}

export type ApplicationInput =
  | BirthRegistrationInput
  | FamilyCardNewInput
  | FamilyCardUpdateInput
  | FamilyCardReplacementInput
  | DeathRegistrationInput;

/** The input class of each type: what `type` in a body selects. */
export const APPLICATION_INPUT_CLASSES = {
  [ApplicationType.BIRTH_REGISTRATION]: BirthRegistrationInput,
  [ApplicationType.FAMILY_CARD_NEW]: FamilyCardNewInput,
  [ApplicationType.FAMILY_CARD_UPDATE]: FamilyCardUpdateInput,
  [ApplicationType.FAMILY_CARD_REPLACEMENT]: FamilyCardReplacementInput,
  [ApplicationType.DEATH_REGISTRATION]: DeathRegistrationInput,
} as const;

/** For `@Type(..., { discriminator })` where an input travels nested in a message. */
export const APPLICATION_INPUT_DISCRIMINATOR = {
  property: 'type',
  subTypes: Object.entries(APPLICATION_INPUT_CLASSES).map(([name, value]) => ({ name, value })),
};
