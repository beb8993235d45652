import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
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
import { ApplicationType, MaritalStatus, Relationship } from '#lib/domain';
import { IsDocumentText, IsNik, IsPastDate, IsVillageCode } from '#lib/validation';
import { THREE_DIGITS } from '../input-patterns.js';

/** `FAMILY_CARD_NEW` (API.md "Details by type"). */
export class NewFamilyMemberInput {
  @IsNik()
  nik: string;

  @IsIn(Object.values(Relationship))
  relationship: Relationship;

  /** The status in the new family; not given: the registry's. Spouses must be married. */
  @IsOptional()
  @IsIn(Object.values(MaritalStatus))
  maritalStatus?: MaritalStatus;

  /** Of the buku nikah / akta perkawinan; not given: the registry's. */
  @IsOptional()
  @IsPastDate()
  marriageDate?: string;

  /** The court's marriage dispensation (dispensasi kawin) for a spouse under 19. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  dispensationNumber?: string;
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
  @IsDocumentText()
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
