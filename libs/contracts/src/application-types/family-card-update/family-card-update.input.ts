import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  Equals,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  ApplicationType,
  BloodType,
  EDUCATION_LIST,
  MaritalStatus,
  OCCUPATION_LIST,
  Relationship,
  Religion,
} from '#lib/domain';
import { IsDocumentText, IsFamilyCardNumber, IsNik, IsOneOfLabels, IsPastDate, IsVillageCode } from '#lib/validation';
import { THREE_DIGITS } from '../input-patterns.js';

/** `FAMILY_CARD_UPDATE` (API.md "Details by type"). */
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

  @IsOptional()
  @IsIn(Object.values(Religion))
  religion?: Religion;

  /** Golongan darah: the commonest change at the counter. */
  @IsOptional()
  @IsIn(Object.values(BloodType))
  bloodType?: BloodType;

  /** Status hubungan dalam keluarga; the head is changed by other services. */
  @IsOptional()
  @IsIn(Object.values(Relationship))
  relationship?: Relationship;

  /** The court's marriage dispensation (dispensasi kawin) for someone under 19. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  dispensationNumber?: string;
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
  @IsDocumentText()
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
