import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ApplicationType, DocumentKind } from '#lib/domain';
import { IsFamilyCardNumber, IsNik, IsRegionCode } from '#lib/validation';
import type { AnyApplicationDetails } from '../application-types/application-types.registry.js';
import { DOCUMENT_TO_ISSUE_DISCRIMINATOR, type DocumentToIssue } from '../document-kinds/document-kinds.registry.js';

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

  /**
   * The type's details as submitted and checked (API.md "Details by type"); the receiver
   * validates them again with the type's input class (`APPLICATION_INPUT_CLASSES[type]`).
   */
  @IsObject()
  details: AnyApplicationDetails;

  @IsDateString()
  approvedAt: string;

  @ValidateNested()
  @Type(() => SigningOfficial)
  official: SigningOfficial;
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

  /** One entry per document, discriminated on `kind` (`DOCUMENT_TO_ISSUE_CLASSES`). */
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => Object, { discriminator: DOCUMENT_TO_ISSUE_DISCRIMINATOR, keepDiscriminatorProperty: true })
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
