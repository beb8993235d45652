import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ApplicationType, DocumentKind, Sex } from '#lib/domain';
import { IsFamilyCardNumber, IsNik, IsRegionCode } from '#lib/validation';
import { DeathRecordFacts } from '../document-kinds/akta-kematian.to-issue.js';
import type { FamilyView } from '../identity/registry.views.js';

/** The official who approved: printed on every document of the application. */
export class SigningOfficial {
  @IsUUID()
  accountId: string;

  @IsString()
  @MaxLength(100)
  fullName: string;

  @Matches(/^\d{18}$/)
  nip: string;
}

/** `applications.application.approved` */
export class ApplicationApprovedEvent {
  @IsUUID()
  applicationId: string;

  @IsString()
  number: string;

  @IsIn(Object.values(ApplicationType))
  type: ApplicationType;

  @IsRegionCode('regency')
  regencyCode: string;

  @IsNik()
  applicantNik: string;

  /** The type's details as submitted and checked (API.md "Details by type"). */
  @IsObject()
  details: Record<string, unknown>;

  @IsDateString()
  approvedAt: string;

  @ValidateNested()
  @Type(() => SigningOfficial)
  official: SigningOfficial;
}

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

export class DocumentToIssue {
  @IsIn(Object.values(DocumentKind))
  kind: DocumentKind;

  /** KARTU_KELUARGA: the family as it stands after the change (members printed as they are now). */
  @IsOptional()
  @IsObject()
  family?: FamilyView;

  /** AKTA_KELAHIRAN: the birth as recorded. */
  @IsOptional()
  @ValidateNested()
  @Type(() => BirthRecordFacts)
  birth?: BirthRecordFacts;

  /** AKTA_KEMATIAN: the death as recorded. */
  @IsOptional()
  @ValidateNested()
  @Type(() => DeathRecordFacts)
  death?: DeathRecordFacts;
}

/** `identity.registry.change-applied`: the registry changed; these documents must be issued. */
export class RegistryChangeAppliedEvent {
  @IsUUID()
  applicationId: string;

  @IsIn(Object.values(ApplicationType))
  type: ApplicationType;

  @IsRegionCode('regency')
  regencyCode: string;

  @IsDateString()
  approvedAt: string;

  @ValidateNested()
  @Type(() => SigningOfficial)
  official: SigningOfficial;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => DocumentToIssue)
  documents: DocumentToIssue[];

  /** Family card numbers the change touched, for the record (e.g. the new No. KK). */
  @IsArray()
  @IsFamilyCardNumber({ each: true })
  familyCardNumbers: string[];
}

export class IssuedDocumentRef {
  @IsUUID()
  id: string;

  @IsIn(Object.values(DocumentKind))
  kind: DocumentKind;

  @IsString()
  number: string;
}

/** `documents.document-set.issued` */
export class DocumentSetIssuedEvent {
  @IsUUID()
  applicationId: string;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => IssuedDocumentRef)
  documents: IssuedDocumentRef[];
}
