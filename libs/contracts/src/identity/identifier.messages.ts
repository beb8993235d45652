import { IsIn, IsOptional } from 'class-validator';
import { Sex } from '#lib/domain';
import { IsPastDate, IsRegionCode } from '#lib/validation';

/** The next free NIK for a district, birth date and sex (unique under concurrency). */
export class AssignNikRequest {
  /** A current district code, dotted (`16.02.05`): a new NIK is only issued with one. */
  @IsRegionCode('district')
  districtCode: string;

  @IsPastDate()
  birthDate: string;

  @IsIn(Object.values(Sex))
  sex: Sex;
}

export interface AssignNikReply {
  nik: string;
}

/** The next free No. KK for a district and issue date. */
export class AssignFamilyCardNumberRequest {
  @IsRegionCode('district')
  districtCode: string;

  /** Default: today in Indonesia. */
  @IsOptional()
  @IsPastDate()
  issueDate?: string;
}

export interface AssignFamilyCardNumberReply {
  familyCardNumber: string;
}
