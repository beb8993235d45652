import { OmitType } from '@nestjs/swagger';
import { ListAccessLogRequest, PAGE_DEFAULT_LIMIT } from '#lib/contracts';
import { IsFamilyCardNumber, IsNik } from '#lib/validation';
import { describeFields, numbersFromQuery } from '../http/derived-dto.js';

export class NikParams {
  @IsNik()
  nik: string;
}

export class FamilyCardNumberParams {
  @IsFamilyCardNumber()
  familyCardNumber: string;
}

/** `?limit=` (default 20, max 100) and `?offset=`: the contract's ListAccessLogRequest without the caller. */
export class PageQuery extends OmitType(ListAccessLogRequest, ['principal'] as const) {}
numbersFromQuery(PageQuery, 'limit', 'offset');
describeFields(PageQuery, {
  limit: { default: PAGE_DEFAULT_LIMIT, description: 'Page size' },
  offset: { default: 0, description: 'How many to skip' },
});
