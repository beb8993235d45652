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
  ValidateBy,
} from 'class-validator';
import { ApplicationType, DeathCause, DeathCertifier, parseIsoDate } from '#lib/domain';
import { IsDocumentText, IsFamilyCardNumber, IsNik } from '#lib/validation';

/**
 * A real `YYYY-MM-DD` date. Not `IsPastDate`: a date of death in the future is a rule of the
 * report (422 with the others, judged on the regency's own date), not a malformed body.
 */
function IsCalendarDate(): PropertyDecorator {
  return ValidateBy({
    name: 'isCalendarDate',
    validator: {
      validate: (value: unknown) => parseIsoDate(value) !== undefined,
      defaultMessage: () => 'harus tanggal yang sah dengan format YYYY-MM-DD',
    },
  });
}

/** `DEATH_REGISTRATION` (API.md "Details by type"): a family member reports a death. */
export class DeathRegistrationInput {
  @Equals(ApplicationType.DEATH_REGISTRATION)
  type: typeof ApplicationType.DEATH_REGISTRATION;

  /** The KK of the deceased; the applicant must be in it too. */
  @IsFamilyCardNumber()
  familyCardNumber: string;

  @IsNik()
  deceasedNik: string;

  @IsCalendarDate()
  dateOfDeath: string;

  /** `HH:mm`, local time of the place of death. */
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'jam kematian ditulis JJ:mm, misalnya "08:15"' })
  timeOfDeath?: string;

  /** City or regency, as the akta prints it: `KAYUAGUNG`. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @IsDocumentText()
  placeOfDeath: string;

  @IsIn(Object.values(DeathCause))
  cause: DeathCause;

  @IsIn(Object.values(DeathCertifier))
  certifiedBy: DeathCertifier;

  /** Nomor surat keterangan kematian: the hospital's, or the village head's letter. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  deathLetterNumber: string;

  /** Required when the deceased heads the family: the member who heads it now. */
  @IsOptional()
  @IsNik()
  newHeadNik?: string;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(2)
  @ArrayUnique()
  @IsNik({}, { each: true })
  witnessNiks?: string[];
}
