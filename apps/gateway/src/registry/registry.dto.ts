import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { PAGE_MAX_LIMIT } from '#lib/contracts';
import { IsFamilyCardNumber, IsNik } from '#lib/validation';

export class NikParams {
  @IsNik()
  nik: string;
}

export class FamilyCardNumberParams {
  @IsFamilyCardNumber()
  familyCardNumber: string;
}

/** `?limit=` (default 20, max 100) and `?offset=`. */
export class PageQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_MAX_LIMIT)
  limit?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}
