import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ApplicationStatus, ApplicationType, DocumentKind, Role } from '#lib/domain';
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

/**
 * The official who approved, as the approval names them: identity checks every field against its
 * own account before the registry changes (an existing, enabled OFFICIAL of the application's
 * regency, with this NIP), so a forged approval naming anyone else is refused.
 */
export class ApprovingOfficial extends SigningOfficial {
  @IsIn(Object.values(Role))
  role: Role;
}

/**
 * `applications.application.approved`: the application as it stood when approved — enough for
 * identity to check the approval before it changes the registry (ADR 0005).
 */
export class ApplicationApprovedEvent {
  @IsUUID()
  applicationId: string;

  @IsString()
  number: string;

  /** Always APPROVED from the one publisher; identity refuses any other. */
  @IsIn(Object.values(ApplicationStatus))
  status: ApplicationStatus;

  /** The clerk who verified it: by the four-eyes rule never the approving official. */
  @IsUUID()
  verifiedBy: string;

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
  @Type(() => ApprovingOfficial)
  official: ApprovingOfficial;
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

  /**
   * Identity's seal (`EventSealer`, its nkey) over the rest: documents issues only what its one
   * producer sealed, whoever else could reach the subject (the operator's replay key).
   * Required wherever the apps know each other's keys (NATS_PEERS; always in production).
   */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  seal?: string;
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

  /**
   * Documents' seal (`EventSealer`, its nkey) over the rest: applications marks an application
   * ISSUED only on what its one producer sealed, whoever else could reach the subject (the
   * operator's replay key). Required wherever the apps know each other's keys (NATS_PEERS;
   * always in production).
   */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  seal?: string;
}
